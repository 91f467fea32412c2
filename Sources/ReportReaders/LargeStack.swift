import Foundation

/// Work that may recurse deeper than a thread's usual stack allows (a dispatch worker has
/// 512 KiB), run on a thread of its own with a large stack while the caller waits. The
/// stack is address space, not memory: only the pages used are ever touched.
enum LargeStack {
    static let size = 256 << 20

    static func run<Value>(_ work: @escaping () -> Value) -> Value {
        let box = Box<Value>()
        // The caller waits until the thread is done: nothing is shared while both run.
        nonisolated(unsafe) let work = work
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return box.value!
    }

    private final class Box<Value>: @unchecked Sendable {
        var value: Value?
    }
}
