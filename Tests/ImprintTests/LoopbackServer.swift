import Foundation

/// A listener on 127.0.0.1 that counts the connections made to it, for tests that check
/// that nothing reaches the network. It answers nothing, and stops by itself after
/// `lifetime` seconds at the most.
final class LoopbackServer: @unchecked Sendable {
    let port: UInt16
    private let socket: Int32
    private let count = NSLock()
    private var connections = 0
    private var stopped = false

    init(lifetime: Double = 120) throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.socket = socket
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && listen(socket, 16) == 0
                    && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = UInt16(bigEndian: address.sin_port)
        let deadline = Date().addingTimeInterval(lifetime)
        Thread.detachNewThread { [self] in
            while Date() < deadline, !isStopped {
                var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 100) > 0 else { continue }
                let client = accept(socket, nil, nil)
                guard client >= 0 else { continue }
                count.lock()
                connections += 1
                count.unlock()
                close(client)
            }
            close(socket)
        }
    }

    /// The connections made so far.
    var requests: Int {
        count.lock()
        defer { count.unlock() }
        return connections
    }

    private var isStopped: Bool {
        count.lock()
        defer { count.unlock() }
        return stopped
    }

    func stop() {
        count.lock()
        stopped = true
        count.unlock()
    }
}
