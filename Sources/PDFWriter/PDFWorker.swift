import Foundation
import SystemSupport

/// WeasyPrint as a worker Imprint controls: one Python process (`Worker/pdf-worker.py`) that
/// imports WeasyPrint once and renders the jobs sent to it, reading only files inside each
/// job's folder (its URL fetcher refuses everything else and names it).
///
/// The process is started in a process group of its own with a default signal mask, and
/// holds the read end of a lifeline pipe whose write end only Imprint has: however Imprint
/// ends — `exit`, a crash, `kill -9` — the pipe closes and the worker kills its group. A
/// job that takes longer than its time limit gets the group killed, and fails.
final class PDFWorker: @unchecked Sendable {
    let pid: pid_t
    /// The engine's name and version, as the worker gave them when it started.
    private(set) var engine = ""
    private let input: Int32
    private let output: Int32
    private let lifeline: Int32
    private let errors: ErrorDrain
    /// False once the worker is killed (after any failure of an exchange with it): it is
    /// never given another job.
    private(set) var isUsable = true

    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// The worker did not answer before the deadline.
        var timedOut = false
        /// No worker could start (WeasyPrint missing, say): nothing else will do better.
        var cannotStart = false
    }

    /// The private folder a Typst worker compiles in, removed with the worker.
    private let root: String?

    /// Starts a worker with `python` (a command on `PATH` or a path) running `program`, with
    /// `arguments` after it (`typst ROOT` for a Typst worker, which compiles inside ROOT, the
    /// private folder `root` that goes with it), and waits up to `startTimeout` seconds for it
    /// to say which engine it is.
    /// `site`: a folder of Python packages the worker imports from, and from no other
    /// (`-S`): the private environment Imprint's package brings (`PDFWorkerPool.privateSite`).
    init(
        python: String, program: String, arguments: [String] = [], root: String? = nil, site: String? = nil, startTimeout: Double = 60
    ) throws(Failure) {
        self.root = root
        guard let executable = PDFEngine.locate(python) else {
            throw Failure(description: "\(python) was not found on PATH")
        }
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        var lifelinePipe: [Int32] = [-1, -1]
        // Close-on-exec in Imprint, so no other child inherits these ends (a worker that
        // inherited another's lifeline would keep it open); `dup2` clears it in the child.
        // (Under a lock with the spawn, so that no other worker starts between the two.)
        PDFWorker.spawning.lock()
        var locked = true
        defer { if locked { PDFWorker.spawning.unlock() } }
        guard PDFWorker.makePipe(&toChild), PDFWorker.makePipe(&fromChild), PDFWorker.makePipe(&errorPipe),
            PDFWorker.makePipe(&lifelinePipe)
        else { throw Failure(description: "cannot make pipes: \(String(cString: strerror(errno)))") }
        let childEnds = [toChild[0], fromChild[1], errorPipe[1], lifelinePipe[0]]

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, end) in childEnds.enumerated() { posix_spawn_file_actions_adddup2(&actions, end, Int32(target)) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        // The program comes on standard input, before the first job, read by a loader that
        // knows its length: its text is not the process's command line (`ps` shows the
        // loader, not thirty kilobytes of Python).
        let source = Array(program.utf8)
        let isolation = site == nil ? ["-I"] : ["-I", "-S"]
        let arguments = [executable] + isolation + ["-c", PDFWorker.loader, String(source.count), site ?? ""] + arguments
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, &cArguments, environ)
        PDFWorker.spawning.unlock()
        locked = false
        // The child's ends are the child's alone: were they kept open here, a worker that
        // died would never be seen to close its output.
        for end in childEnds { close(end) }
        guard status == 0 else {
            for end in [toChild[1], fromChild[0], errorPipe[0], lifelinePipe[1]] { close(end) }
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        _ = PDFWorker.setUpProcess
        pid = child
        input = toChild[1]
        output = fromChild[0]
        lifeline = lifelinePipe[1]
        errors = ErrorDrain(errorPipe[0])
        PDFWorker.live.withLock { $0[child] = root }
        do throws(Failure) {
            try writeProgram(source, deadline: .now() + startTimeout)
        } catch {
            terminate()
            throw Failure(description: "cannot give the PDF worker its program: \(error.description)\(errors.tail)")
        }
        let hello: PDFReply
        do throws(Failure) {
            hello = try readReply(deadline: .now() + startTimeout)
        } catch {
            terminate()
            throw Failure(description: "the PDF worker did not start: \(error.description)\(errors.tail)")
        }
        if let problem = hello.error {
            terminate()
            throw Failure(description: problem)
        }
        guard hello.version == WorkerMessages.version else {
            terminate()
            throw Failure(description: "the PDF worker speaks version \(hello.version ?? 0) of its protocol, not \(WorkerMessages.version): it belongs to another Imprint")
        }
        engine = hello.engine ?? "WeasyPrint"
    }

    deinit { terminate() }

    /// Renders `xhtml` to PDF bytes, letting the engine read files inside `folders` only
    /// (the first is the base of its relative URLs), `images` (by where each is on disk)
    /// from the bytes given; gives the engine's warnings too (see `PDFEngine.Rendered`).
    func render(
        xhtml: [UInt8], images: [(path: String, bytes: [UInt8])], folders: [String], sourceDateEpoch: Int, variant: String?, timeout: Double,
        pages: Bool = false
    ) throws(Failure) -> PDFEngine.Rendered {
        let job = PDFJob(
            length: xhtml.count, folder: folders[0], assets: Array(folders.dropFirst()), epoch: sourceDateEpoch, variant: variant,
            images: images.map { PDFJob.File(path: $0.path, length: $0.bytes.count) }, pages: pages ? true : nil)
        return try exchange(job, bytes: [xhtml] + images.map(\.bytes), timeout: timeout)
    }

    /// Has a Typst worker compile `project` (its files by name inside the worker's root).
    func typeset(_ project: TypstProject, sourceDateEpoch: Int, variant: String?, timeout: Double, pages: Bool = false) throws(Failure) -> PDFEngine.Rendered {
        let job = PDFJob(
            length: 0, folder: root ?? "", assets: [], epoch: sourceDateEpoch, variant: variant,
            files: project.files.map { PDFJob.File(path: $0.name, length: $0.bytes.count) }, pages: pages ? true : nil)
        return try exchange(job, bytes: project.files.map(\.bytes), timeout: timeout)
    }

    /// Sends `job` with `bytes` after its line, and reads the PDF the worker answers with.
    private func exchange(_ job: PDFJob, bytes: [[UInt8]], timeout: Double) throws(Failure) -> PDFEngine.Rendered {
        let deadline = DispatchTime.now() + timeout
        let answer: PDFReply
        do throws(Failure) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard let header = try? encoder.encode(job) else { throw Failure(description: "cannot describe the PDF job") }
            try write(Array(header) + [10])
            for part in bytes { try write(part) }
            answer = try readReply(deadline: deadline)
            if let length = answer.length {
                return PDFEngine.Rendered(pdf: try read(length, deadline: deadline), warnings: answer.warnings ?? [], pages: answer.pages ?? [:])
            }
        } catch {
            // A worker whose exchange broke off is in a state nobody knows: it goes.
            terminate()
            guard !error.timedOut else {
                throw Failure(
                    description: "the PDF engine took more than \(Int(timeout)) s and was stopped (--pdf-timeout sets the limit)")
            }
            throw error
        }
        let refused = answer.refused ?? []
        guard refused.isEmpty else {
            throw Failure(description: "the PDF engine was refused what the document asked for: " + refused.joined(separator: "; "))
        }
        throw Failure(description: "the PDF engine failed: \(answer.error ?? "it gave no PDF")")
    }

    /// Kills the worker's process group and reaps it; its pipes are closed.
    func terminate() {
        guard isUsable else { return }
        isUsable = false
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        PDFWorker.live.withLock { _ = $0.removeValue(forKey: pid) }
        for descriptor in [input, output, lifeline] { close(descriptor) }
        if let root { try? FileManager.default.removeItem(atPath: root) }
    }

    // MARK: - Every worker of this process

    private static let spawning = NSLock()

    /// What Python runs (`-c`): the worker's program, read from standard input (as many
    /// bytes as the first argument says), in the name of its file, with the folder the
    /// second names (none when empty) first on the module path; both taken off the
    /// arguments.
    static let loader =
        "import sys; n = int(sys.argv.pop(1)); site = sys.argv.pop(1); sys.path[:0] = [site] if site else []; "
        + "exec(compile(sys.stdin.buffer.read(n), 'pdf-worker.py', 'exec'))"

    /// A pipe whose two ends are closed when Imprint runs another program.
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// The process ids of the workers alive, each the leader of its own group, with the
    /// private folder of each that has one.
    private static let live = Locked<[pid_t: String?]>([:])

    /// Kills every worker's process group and removes its folder (at exit, and from signal
    /// handlers' callers).
    static func terminateAll() {
        for (pid, root) in live.withLock({ $0 }) {
            kill(-pid, SIGKILL)
            if let root { try? FileManager.default.removeItem(atPath: root) }
        }
    }

    /// A worker that dies mid-job must not kill Imprint with SIGPIPE: the write fails instead.
    /// Workers are also killed when Imprint exits normally, before the lifeline would tell them.
    private static let setUpProcess: Void = {
        signal(SIGPIPE, SIG_IGN)
        atexit { PDFWorker.terminateAll() }
    }()

    // MARK: - The protocol

    /// Writes the worker's program, before the first job, within `deadline`: a Python that
    /// never reads it (a wrong `IMPRINT_PYTHON`) fails the start rather than hang it.
    private func writeProgram(_ bytes: [UInt8], deadline: DispatchTime) throws(Failure) {
        let flags = fcntl(input, F_GETFL)
        _ = fcntl(input, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(input, F_SETFL, flags) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(input, $0.baseAddress! + written, $0.count - written) }
            if count >= 0 {
                written += count
                continue
            }
            if errno == EINTR { continue }
            guard errno == EAGAIN || errno == EWOULDBLOCK else { throw Failure(description: "the PDF worker stopped reading (\(String(cString: strerror(errno))))") }
            let left = Int64(deadline.uptimeNanoseconds) - Int64(DispatchTime.now().uptimeNanoseconds)
            guard left > 0 else { throw Failure(description: "the PDF worker did not read its program in time") }
            var poller = pollfd(fd: input, events: Int16(POLLOUT), revents: 0)
            _ = poll(&poller, 1, Int32(min(left / 1_000_000 + 1, 1000)))
        }
    }

    private func write(_ bytes: [UInt8]) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(input, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "the PDF worker stopped reading (\(String(cString: strerror(errno))))\(errors.tail)")
            }
            written += count
        }
    }

    /// A message from the worker: a line of JSON (`PDFReply`).
    private func readReply(deadline: DispatchTime) throws(Failure) -> PDFReply {
        var line: [UInt8] = []
        while true {
            let byte = try read(1, deadline: deadline)
            if byte == [10] { break }
            line += byte
            if line.count > 1 << 20 { throw Failure(description: "the PDF worker's answer is not a line of JSON") }
        }
        guard let reply = try? JSONDecoder().decode(PDFReply.self, from: Data(line)) else {
            throw Failure(description: "the PDF worker's answer is not JSON: \(String(decoding: line.prefix(200), as: UTF8.self))")
        }
        return reply
    }

    /// Exactly `count` bytes from the worker, or a failure once `deadline` has passed.
    private func read(_ count: Int, deadline: DispatchTime) throws(Failure) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let now = DispatchTime.now()
            guard now < deadline else { throw Failure(description: "the PDF worker did not answer in time", timedOut: true) }
            var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min(Double(deadline.uptimeNanoseconds - now.uptimeNanoseconds) / 1e6 + 1, 60_000))
            let ready = poll(&poller, 1, milliseconds)
            if ready < 0, errno != EINTR { throw Failure(description: "cannot wait for the PDF worker") }
            if ready <= 0 { continue }
            let got = result.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress! + filled, count - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot read from the PDF worker: \(String(cString: strerror(errno)))")
            }
            if got == 0 {
                throw Failure(description: "the PDF worker ended\(errors.tail)")
            }
            filled += got
        }
        return result
    }
}

/// The worker's standard error, read as it comes (so the pipe never fills), its last few
/// KiB kept for the message when the worker fails.
private final class ErrorDrain: @unchecked Sendable {
    private let text = Locked<[UInt8]>([])

    init(_ descriptor: Int32) {
        let text = self.text
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                text.withLock { $0 = Array(($0 + buffer[0..<count]).suffix(4096)) }
            }
            close(descriptor)
        }
    }

    /// ": " and the last lines the worker wrote to standard error, or nothing.
    var tail: String {
        let lines = String(decoding: text.withLock { $0 }, as: UTF8.self).split(separator: "\n").suffix(3)
        return lines.isEmpty ? "" : ": " + lines.joined(separator: " / ")
    }
}
