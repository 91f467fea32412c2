import Foundation

/// A value shared between threads, reached only under a lock.
///
/// Not the standard library's `Mutex`: on Linux it waits on a raw futex, which
/// ThreadSanitizer cannot see, so every guarded access is reported as a race and the
/// sanitizer run (`Scripts/sanitize thread`) is useless. `NSLock` is a pthread mutex,
/// which it understands.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
