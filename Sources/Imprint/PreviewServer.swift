import CLinux
import Foundation
import ReportModel
import ReportReaders
import SystemSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The preview `imprint watch --serve` gives: the editions of its own build over HTTP on
/// 127.0.0.1 only, read-only (GET and HEAD), its XHTML editions with a script that reloads
/// them after each build that succeeds and shows the diagnostics of one that fails (the
/// last good edition staying served), and at `/` the XHTML edition beside the PDF (for a
/// folder of reports, a list of their XHTML editions).
///
/// A web page in the same browser can reach a port on 127.0.0.1 too, so the server holds
/// itself to what only the preview's own pages do: it answers only a `Host` that names
/// 127.0.0.1 or localhost at its port (a name rebound to 127.0.0.1 by a hostile site gets
/// 421), and only files the build wrote. One thread reads every request head and writes
/// every answer without blocking, each with a deadline, and at most `maximumConnections`
/// are open at once, so slow, many or non-reading clients cannot starve or exhaust it;
/// running out of descriptors pauses accepting instead of ending it; its sockets are
/// closed on exec (the PDF worker never inherits them).
public final class PreviewServer: @unchecked Sendable {
    public let port: UInt16
    private let folder: String
    /// The report's editions, by file name, that `/` shows; nil for a folder of reports.
    private let page: String?
    private let pdf: String?
    private let socket: Int32
    private let state = Locked<(build: Int, succeeded: Bool, diagnostics: [String])>((0, true, []))
    /// The files the builds wrote, with every link resolved: the only ones served.
    private let served = Locked<Set<String>>([])
    /// Each served file's version, by its address (`/report.xhtml`), with what it was when
    /// last counted: a page reloads a pane only when that pane's own file changed.
    private let versions = Locked<[String: (identity: String, version: Int)]>([:])

    /// The most connections open at once; past it, the one that has sent or taken nothing
    /// for longest is closed to make room.
    static let maximumConnections = 128
    /// How long a client has to send its whole request head.
    static let headDeadline: Double = 3
    /// How long a client has to take its whole answer.
    static let answerDeadline: Double = 30

    /// Listens on 127.0.0.1:`port` (0: any free port) for `folder`, which must exist (a
    /// link to it is resolved here, once).
    public init(folder: String, port: UInt16, page: String?, pdf: String?) throws {
        self.folder = FolderRule.realPath(folder) ?? URL(fileURLWithPath: folder).standardizedFileURL.path
        self.page = page
        self.pdf = pdf
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        self.socket = socket
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && listen(socket, 128) == 0 && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(socket)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EADDRINUSE)
        }
        self.port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in serve() }
    }

    /// A build ended: the pages reload when it succeeded, or show its diagnostics; the
    /// files it wrote (or found current) are served from now on.
    public func published(succeeded: Bool, diagnostics: [Diagnostic], files: [String] = []) {
        let resolved = files.compactMap(FolderRule.realPath)
        served.withLock { $0.formUnion(resolved) }
        versions.withLock { versions in
            for path in resolved where FolderRule.isInside(path, folder) {
                var status = stat()
                guard stat(path, &status) == 0 else { continue }
                let identity = "\(status.st_ino) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
                let address = String(path.dropFirst(folder.count))
                if versions[address]?.identity != identity { versions[address] = (identity, (versions[address]?.version ?? 0) + 1) }
            }
        }
        state.withLock { $0 = ($0.build + 1, succeeded, diagnostics.map(\.description)) }
    }

    // MARK: - Connections

    /// A connection: its request head coming in, then its answer going out.
    private struct Connection {
        var descriptor: Int32
        var head: [UInt8] = []
        /// The answer, once the head is whole.
        var answer: Answer?
        var deadline: Double
        /// When the client last sent or took anything: the stalest makes room at the cap.
        var lastActivity: Double
    }

    /// An answer on its way out: bytes, and spans of a file read a piece at a time as the
    /// client takes them, so a large image costs no more memory than a small one.
    private struct Answer {
        enum Part {
            case bytes([UInt8])
            case file(Int32, start: Int, end: Int)

            var count: Int {
                switch self {
                case .bytes(let bytes): bytes.count
                case .file(_, let start, let end): end - start
                }
            }
        }

        var parts: [Part]
        /// The part being sent, and how far into it.
        var part = 0
        var offset = 0
        var file: Int32?

        init(_ parts: [Part], file: Int32? = nil) {
            // An empty span has nothing to read, which `pending` would take for the end.
            self.parts = parts.filter { if case .file = $0 { $0.count > 0 } else { true } }
            self.file = file
        }

        /// The next bytes to send (at most 64 KiB), or nil when all are sent.
        func pending() -> [UInt8]? {
            guard part < parts.count else { return nil }
            switch parts[part] {
            case .bytes(let bytes): return Array(bytes[offset...])
            case .file(let descriptor, let start, let end):
                var buffer = [UInt8](repeating: 0, count: min(64 << 10, end - start - offset))
                let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(start + offset)) }
                return count > 0 ? Array(buffer[..<count]) : nil
            }
        }

        /// `count` more bytes are sent.
        mutating func advance(_ count: Int) {
            offset += count
            if offset >= parts[part].count {
                part += 1
                offset = 0
            }
        }
    }

    /// The loop, on one thread: accepts connections while there is room, reads their heads
    /// and writes their answers as far as each client takes them, never waiting on one, and
    /// closes those past their deadline. At `maximumConnections`, the connection that has
    /// sent or taken nothing for longest is closed to make room, so slow clients hold the
    /// server only while new ones stop coming; a client that takes its answer slowly holds
    /// only its own connection.
    private func serve() {
        var connections: [Connection] = []
        var paused = false
        while true {
            var descriptors = [pollfd(fd: paused ? -1 : socket, events: Int16(POLLIN), revents: 0)]
            descriptors += connections.map { pollfd(fd: $0.descriptor, events: Int16($0.answer == nil ? POLLIN : POLLOUT), revents: 0) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), paused ? 100 : 500)
            if ready < 0 && errno != EINTR && errno != ENOMEM { return }
            paused = false
            let now = Self.now()
            var still: [Connection] = []
            for (index, var connection) in connections.enumerated() {
                let events = descriptors[index + 1].revents
                if events != 0 && !progress(&connection, now: now) || now > connection.deadline {
                    Self.close(connection)
                    continue
                }
                still.append(connection)
            }
            connections = still
            if descriptors[0].revents & Int16(POLLIN) != 0 { paused = !acceptAll(into: &connections, now: now) }
        }
    }

    /// Reads what has come of the head (answering it once whole) or writes what the client
    /// takes of the answer; false when the connection is done or broken.
    private func progress(_ connection: inout Connection, now: Double) -> Bool {
        guard connection.answer != nil else {
            let before = connection.head.count
            let state = readHead(&connection)
            if connection.head.count > before { connection.lastActivity = now }
            switch state {
            case .waiting: return true
            case .closed: return false
            case .complete:
                connection.answer = respond(to: connection.head)
                connection.deadline = now + Self.answerDeadline
                return progress(&connection, now: now)
            }
        }
        while let bytes = connection.answer?.pending() {
            let count = bytes.withUnsafeBytes { Glibc.send(connection.descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
            if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR }
            connection.lastActivity = now
            connection.answer?.advance(count)
        }
        return false
    }

    private static func close(_ connection: Connection) {
        Glibc.close(connection.descriptor)
        if let file = connection.answer?.file { Glibc.close(file) }
    }

    /// Accepts what is waiting; false when the system has no descriptor left (then the loop
    /// waits a moment and tries again, rather than spinning or ending).
    private func acceptAll(into connections: inout [Connection], now: Double) -> Bool {
        while true {
            let descriptor = imprint_accept(socket)
            if descriptor < 0 {
                switch errno {
                case EINTR, ECONNABORTED: continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM: return false
                default: return true
                }
            }
            if connections.count >= Self.maximumConnections,
                let stalest = connections.indices.min(by: { connections[$0].lastActivity < connections[$1].lastActivity })
            {
                Self.close(connections.remove(at: stalest))
            }
            connections.append(Connection(descriptor: descriptor, deadline: now + Self.headDeadline, lastActivity: now))
        }
    }

    private enum HeadState { case waiting, complete, closed }

    /// Reads what has come of a request head (at most 16 KiB).
    private func readHead(_ connection: inout Connection) -> HeadState {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(connection.descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .waiting : .closed }
            if count == 0 { return .closed }
            let searchFrom = max(0, connection.head.count - 3)
            connection.head += buffer[..<count]
            if connection.head.count > 16 * 1024 { return .closed }
            let end = Array("\r\n\r\n".utf8)
            if connection.head.count >= 4,
                (searchFrom...(connection.head.count - 4)).contains(where: { connection.head[$0..<($0 + 4)].elementsEqual(end) })
            {
                return .complete
            }
        }
    }

    private static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    // MARK: - Requests

    /// The answer to a request head: status line, headers and body.
    private func respond(to head: [UInt8]) -> Answer {
        switch Self.request(from: head, port: port) {
        case .bad:
            return Self.answer(status: "400 Bad Request", type: "text/plain", body: Array("bad request\n".utf8))
        case .misdirected:
            return Self.answer(
                status: "421 Misdirected Request", type: "text/plain",
                body: Array("this preview answers only 127.0.0.1:\(port) and localhost:\(port)\n".utf8))
        case .notAllowed:
            return Self.answer(status: "405 Method Not Allowed", type: "text/plain", body: Array("read only\n".utf8))
        case .read(let target, let headOnly):
            return response(to: target, headOnly: headOnly)
        }
    }

    /// What a request head asks, as the server takes it.
    @_spi(Fuzzing) public enum Request: Equatable {
        /// No request line.
        case bad
        /// A `Host` other than this server's own (or none, or two).
        case misdirected
        /// A method other than GET and HEAD.
        case notAllowed
        /// GET (or HEAD, `headOnly`) of `target`, its query left off.
        case read(target: String, headOnly: Bool)
    }

    /// The request a head makes of the server at `port`: only a `Host` of 127.0.0.1 or
    /// localhost at that port is answered (a page that rebinds its own name to 127.0.0.1
    /// sends its own name).
    @_spi(Fuzzing) public static func request(from head: [UInt8], port: UInt16) -> Request {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ", maxSplits: 2)
        guard parts.count >= 2 else { return .bad }
        let hosts = lines.dropFirst().filter { $0.lowercased().hasPrefix("host:") }
        let ownHosts = ["127.0.0.1:\(port)", "localhost:\(port)"]
        guard hosts.count == 1, ownHosts.contains(hosts[0].dropFirst(5).trimmingCharacters(in: .whitespaces).lowercased()) else {
            return .misdirected
        }
        guard parts[0] == "GET" || parts[0] == "HEAD" else { return .notAllowed }
        return .read(target: String(parts[1].split(separator: "?", maxSplits: 1).first ?? ""), headOnly: parts[0] == "HEAD")
    }

    private func response(to target: String, headOnly: Bool) -> Answer {
        switch target {
        case "/":
            return Self.answer(status: "200 OK", type: "text/html; charset=utf-8", body: Array(indexPage().utf8), headOnly: headOnly)
        case "/__imprint/state":
            let (build, succeeded, diagnostics) = state.withLock { $0 }
            let files = versions.withLock { $0.mapValues(\.version) }
            let json = try? JSONSerialization.data(
                withJSONObject: ["build": build, "ok": succeeded, "diagnostics": diagnostics, "versions": files], options: [.sortedKeys])
            return Self.answer(status: "200 OK", type: "application/json", body: Array(json ?? Data()), headOnly: headOnly)
        case "/__imprint/reload.js":
            return Self.answer(status: "200 OK", type: "text/javascript; charset=utf-8", body: Array(Self.reloadScript.utf8), headOnly: headOnly)
        default:
            guard let path = file(at: target), let (descriptor, size) = try? InputFile.open(path) else {
                return Self.answer(status: "404 Not Found", type: "text/plain", body: Array("not found\n".utf8), headOnly: headOnly)
            }
            let type = Self.mediaType(of: path)
            // An XHTML edition gets the reload script before its last `</body>`.
            var body: [Answer.Part] = [.file(descriptor, start: 0, end: size)]
            if type.hasPrefix("application/xhtml+xml"), let at = Self.lastBodyEnd(in: descriptor, size: size) {
                body = [.file(descriptor, start: 0, end: at), .bytes(Array(Self.reloadTag.utf8)), .file(descriptor, start: at, end: size)]
            }
            let length = body.reduce(0) { $0 + $1.count }
            return Answer([.bytes(Self.header(status: "200 OK", type: type, length: length))] + (headOnly ? [] : body), file: descriptor)
        }
    }

    /// Where the last `</body>` of the file starts, looked for in its last 64 KiB.
    private static func lastBodyEnd(in descriptor: Int32, size: Int) -> Int? {
        let start = max(0, size - (64 << 10))
        var tail = [UInt8](repeating: 0, count: size - start)
        let count = tail.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(start)) }
        guard count == tail.count, let at = lastIndex(of: Array("</body>".utf8), in: tail) else { return nil }
        return start + at
    }

    /// The file `target` names inside the folder, with every symbolic link resolved, when a
    /// build wrote it; nil for anything else (a hidden file such as the build stamps, a path
    /// that leaves the folder, a file the folder held before).
    private func file(at target: String) -> String? {
        guard target.hasPrefix("/"), let decoded = target.removingPercentEncoding, !decoded.contains("\0") else { return nil }
        let segments = decoded.split(separator: "/")
        guard !segments.isEmpty, !segments.contains(where: { $0.hasPrefix(".") }) else { return nil }
        guard let path = FolderRule.realPath(folder + decoded), FolderRule.isInside(path, folder) else { return nil }
        return served.withLock { $0.contains(path) } ? path : nil
    }

    private static func answer(status: String, type: String, body: [UInt8], headOnly: Bool = false) -> Answer {
        Answer([.bytes(header(status: status, type: type, length: body.count) + (headOnly ? [] : body))])
    }

    private static func header(status: String, type: String, length: Int) -> [UInt8] {
        Array(
            ("HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(length)\r\n"
                + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n").utf8)
    }

    // MARK: - Pages

    /// The report's page (its XHTML edition, else its text), and the PDF beside it when there
    /// is one; each reloads when its own file changed. Otherwise (a folder of reports, or
    /// editions no browser shows) a link to each edition written.
    private func indexPage() -> String {
        let escaped = { (name: String) in name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name }
        guard page != nil || pdf != nil else {
            let editions = served.withLock { $0 }.filter { !$0.hasSuffix(".css") && ImageFormat(path: $0) == nil && FolderRule.isInside($0, folder) }
                .map { String($0.dropFirst(folder.count + 1)) }.sorted()
            let links = editions.map { name in
                let text = name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                return #"<li><a href="/\#(escaped(name))">\#(text)</a></li>"#
            }
            return """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>Imprint preview</title></head>
                <body><ul>\(links.joined())</ul><script src="/__imprint/reload.js"></script></body></html>
                """
        }
        let frame = { (name: String) in #"<iframe src="/\#(escaped(name))"></iframe>"# }
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Imprint preview</title>
            <style>html,body{margin:0;height:100%}body{display:flex}iframe{flex:1;border:0;border-right:1px solid #ccc;height:100%}</style>
            </head><body>\(page.map(frame) ?? "")\(pdf.map(frame) ?? "")
            <script src="/__imprint/reload.js"></script></body></html>
            """
    }

    /// Keeps the reader's place: the scroll position of each page across its reloads (in
    /// the session's storage), and of each frame of `/` (a text edition's too). Polls the
    /// builds: after one that succeeded, reloads each frame of `/` whose own file changed (a
    /// page inside a frame leaves that to `/`), or the page itself when it changed; shows the
    /// diagnostics over the whole page. A PDF reloads at its first page: the browser's PDF
    /// viewer does not tell the page which page it shows.
    static let reloadScript = """
        (function () {
          var place = 'imprint-place:' + location.pathname;
          try {
            var kept = sessionStorage.getItem(place);
            if (kept) {
              var xy = kept.split(',');
              window.addEventListener('load', function () { window.scrollTo(+xy[0], +xy[1]); });
            }
            window.addEventListener('pagehide', function () { sessionStorage.setItem(place, window.scrollX + ',' + window.scrollY); });
          } catch (e) {}
          if (window.top !== window) { return; }
          // The state names each file as it is on disk, not percent-encoded as addresses are.
          var here = decodeURIComponent(location.pathname);
          var seen = null;
          function show(state) {
            var box = document.getElementById('imprint-diagnostics');
            if (!state.diagnostics.length) { if (box) { box.parentNode.removeChild(box); } return; }
            if (!box) {
              box = document.createElementNS('http://www.w3.org/1999/xhtml', 'pre');
              box.id = 'imprint-diagnostics';
              box.setAttribute('style', 'position:fixed;left:0;right:0;bottom:0;max-height:40%;overflow:auto;margin:0;padding:8px;' +
                'background:' + (state.ok ? '#fffbe6' : '#fff0f0') + ';color:#300;border-top:2px solid #c00;font:12px monospace;z-index:9999');
              document.body.appendChild(box);
            }
            box.textContent = (state.ok ? '' : 'The last build failed; this is the last good edition.\\n') + state.diagnostics.join('\\n');
          }
          // A frame reloads where its reader was: the place is read from outside, as a text
          // edition carries no script of its own (an XHTML edition keeps it itself, too).
          function reload(frame, address) {
            var x = 0, y = 0;
            try { x = frame.contentWindow.scrollX; y = frame.contentWindow.scrollY; } catch (e) {}
            frame.addEventListener('load', function restore() {
              frame.removeEventListener('load', restore);
              try { if (x || y) { frame.contentWindow.scrollTo(x, y); } } catch (e) {}
            });
            frame.src = address;
          }
          function poll() {
            fetch('/__imprint/state', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (state) {
              if (seen !== null && state.build !== seen.build && state.ok) {
                var frames = document.getElementsByTagName('iframe');
                if (frames.length) {
                  for (var i = 0; i < frames.length; i++) {
                    var address = new URL(frames[i].src, location.href).pathname;
                    var path = decodeURIComponent(address);
                    var version = state.versions[path];
                    if (version !== undefined && version !== seen.versions[path]) { reload(frames[i], address + '?' + version); }
                  }
                } else if (location.pathname === '/' || state.versions[here] !== seen.versions[here]) {
                  location.reload(); return;
                }
              }
              seen = state;
              show(state);
            }).catch(function () {}).then(function () { setTimeout(poll, 250); });
          }
          poll();
        })();
        """

    /// What an XHTML edition gets before its last `</body>`.
    private static let reloadTag = #"<script src="/__imprint/reload.js"></script>"#

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return stride(from: bytes.count - needle.count, through: 0, by: -1).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func mediaType(of path: String) -> String {
        if let image = ImageFormat(path: path) { return image.mediaType }
        return switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "xhtml": "application/xhtml+xml; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "pdf": "application/pdf"
        case "txt": "text/plain; charset=utf-8"
        case "xml": "application/xml"
        case "epub": "application/epub+zip"
        default: "application/octet-stream"
        }
    }
}
