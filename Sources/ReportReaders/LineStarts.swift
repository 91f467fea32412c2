/// The byte offset at which each line of a text starts: 0, and after each line feed.
///
/// Kept as 32-bit offsets (a report is at most 64 MiB), counted first and then filled in
/// an array of just that size: a large report has a line for every 25 bytes or so, so
/// the offsets are a sizeable fraction of the text.
struct LineStarts: RandomAccessCollection, Sendable {
    private let offsets: [UInt32]

    init(of bytes: [UInt8]) {
        precondition(bytes.count <= Int(UInt32.max), "a text of 4 GiB or more")
        offsets = bytes.withUnsafeBufferPointer { buffer in
            var count = 1
            for byte in buffer where byte == UInt8(ascii: "\n") { count += 1 }
            return [UInt32](unsafeUninitializedCapacity: count) { starts, initialized in
                starts[0] = 0
                var line = 1
                for index in buffer.indices where buffer[index] == UInt8(ascii: "\n") {
                    starts[line] = UInt32(truncatingIfNeeded: index + 1)
                    line += 1
                }
                initialized = count
            }
        }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { offsets.count }

    subscript(line: Int) -> Int { Int(offsets[line]) }
}
