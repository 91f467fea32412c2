import Foundation
import ReportModel

#if canImport(Glibc)
    import Glibc
#endif

/// The preview `imprint watch --serve` gives: the output folder over HTTP on 127.0.0.1 only,
/// read-only (GET and HEAD), its XHTML editions with a script that reloads them after each
/// build that succeeds and shows the diagnostics of one that fails (the last good edition
/// staying served), and at `/` the XHTML edition beside the PDF (for a folder of reports,
/// a list of their XHTML editions).
public final class PreviewServer: @unchecked Sendable {
    public let port: UInt16
    private let folder: String
    /// The report's editions, by file name, that `/` shows; nil for a folder of reports.
    private let page: String?
    private let pdf: String?
    private let socket: Int32
    private let state = Locked<(build: Int, succeeded: Bool, diagnostics: [String])>((0, true, []))

    /// Listens on 127.0.0.1:`port` (0: any free port) for `folder`.
    public init(folder: String, port: UInt16, page: String?, pdf: String?) throws {
        self.folder = URL(fileURLWithPath: folder).standardizedFileURL.path
        self.page = page
        self.pdf = pdf
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
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
                bind(socket, address, length) == 0 && listen(socket, 64) == 0 && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else {
            close(socket)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EADDRINUSE)
        }
        self.port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread { [self] in acceptConnections() }
    }

    /// A build ended: the pages reload when it succeeded, or show its diagnostics.
    public func published(succeeded: Bool, diagnostics: [Diagnostic]) {
        state.withLock { $0 = ($0.build + 1, succeeded, diagnostics.map(\.description)) }
    }

    private func acceptConnections() {
        while true {
            let connection = accept(socket, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            DispatchQueue.global().async { [self] in
                answer(connection)
                close(connection)
            }
        }
    }

    // MARK: - Requests

    private func answer(_ connection: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(connection) else { return }
        let parts = request.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2 else { return send(connection, status: "400 Bad Request", type: "text/plain", body: Array("bad request\n".utf8)) }
        let method = String(parts[0])
        guard method == "GET" || method == "HEAD" else {
            return send(connection, status: "405 Method Not Allowed", type: "text/plain", body: Array("read only\n".utf8))
        }
        let target = String(parts[1].split(separator: "?", maxSplits: 1).first ?? "")
        let (status, type, body) = response(to: target)
        send(connection, status: status, type: type, body: body, head: method == "HEAD")
    }

    /// The request line, once the whole head (up to 16 KiB) has come.
    private func readRequest(_ connection: Int32) -> String? {
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while head.count < 16 * 1024 {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            head += buffer[..<count]
            if head.count >= 4, head.indices.dropFirst(3).contains(where: { head[$0 - 3...$0] == [13, 10, 13, 10] }) { break }
        }
        guard let end = head.firstIndex(of: 13) else { return nil }
        return String(decoding: head[..<end], as: UTF8.self)
    }

    private func response(to target: String) -> (String, String, [UInt8]) {
        switch target {
        case "/":
            return ("200 OK", "text/html; charset=utf-8", Array(indexPage().utf8))
        case "/__imprint/state":
            let (build, succeeded, diagnostics) = state.withLock { $0 }
            let json = try? JSONSerialization.data(withJSONObject: ["build": build, "ok": succeeded, "diagnostics": diagnostics])
            return ("200 OK", "application/json", Array(json ?? Data()))
        case "/__imprint/reload.js":
            return ("200 OK", "text/javascript; charset=utf-8", Array(Self.reloadScript.utf8))
        default:
            guard let path = file(at: target), var bytes = FileManager.default.contents(atPath: path).map(Array.init) else {
                return ("404 Not Found", "text/plain", Array("not found\n".utf8))
            }
            let type = Self.mediaType(of: path)
            if type.hasPrefix("application/xhtml+xml") { bytes = Self.withReloadScript(bytes) }
            return ("200 OK", type, bytes)
        }
    }

    /// The file `target` names inside the folder, with every symbolic link resolved; nil
    /// for anything else (a hidden file such as the build stamps, a path that leaves it).
    private func file(at target: String) -> String? {
        guard target.hasPrefix("/"), let decoded = target.removingPercentEncoding, !decoded.contains("\0") else { return nil }
        let segments = decoded.split(separator: "/")
        guard !segments.isEmpty, !segments.contains(where: { $0.hasPrefix(".") }) else { return nil }
        guard let resolved = realpath(folder + decoded, nil) else { return nil }
        defer { free(resolved) }
        let path = String(cString: resolved)
        var status = stat()
        guard path.hasPrefix(folder + "/"), stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return path
    }

    private func send(_ connection: Int32, status: String, type: String, body: [UInt8], head: Bool = false) {
        let header = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\n"
            + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        var bytes = Array(header.utf8)
        if !head { bytes += body }
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return }
            sent += count
        }
    }

    // MARK: - Pages

    /// The XHTML edition, and the PDF beside it when there is one; both reload after a build.
    /// For a folder of reports, a link to each XHTML edition.
    private func indexPage() -> String {
        let escaped = { (name: String) in name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name }
        guard let page else {
            let editions = (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(".xhtml") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted()
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
            </head><body>\(frame(page))\(pdf.map(frame) ?? "")
            <script src="/__imprint/reload.js"></script></body></html>
            """
    }

    /// Polls the build count: reloads the page (and the frames of `/`) after a build that
    /// succeeded, and shows the diagnostics of one that did not over the page.
    static let reloadScript = """
        (function () {
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
          function poll() {
            fetch('/__imprint/state', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (state) {
              if (seen !== null && state.build !== seen && state.ok) {
                var frames = document.getElementsByTagName('iframe');
                if (frames.length) { for (var i = 0; i < frames.length; i++) { frames[i].src = frames[i].src.split('?')[0] + '?' + state.build; } }
                else { location.reload(); return; }
              }
              seen = state.build;
              if (!document.getElementsByTagName('iframe').length) { show(state); }
            }).catch(function () {}).then(function () { setTimeout(poll, 250); });
          }
          poll();
        })();
        """

    /// The XHTML with the reload script before `</body>`.
    private static func withReloadScript(_ bytes: [UInt8]) -> [UInt8] {
        let closing = Array("</body>".utf8)
        guard let at = lastIndex(of: closing, in: bytes) else { return bytes }
        return Array(bytes[..<at]) + Array(#"<script src="/__imprint/reload.js"></script>"#.utf8) + Array(bytes[at...])
    }

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return stride(from: bytes.count - needle.count, through: 0, by: -1).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func mediaType(of path: String) -> String {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "xhtml": "application/xhtml+xml; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "pdf": "application/pdf"
        case "txt": "text/plain; charset=utf-8"
        case "xml": "application/xml"
        case "epub": "application/epub+zip"
        default: "application/octet-stream"
        }
    }
}
