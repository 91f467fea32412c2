/// The lines written so far, with blank lines between blocks kept to one, handed on as
/// UTF-8 once they are final.
///
/// Only the last lines can still change (a blank line is taken back to keep a tight
/// list's items together), so all but the last few go on to the sink in pieces: a large
/// report's text is never whole in memory, where as lines it would take several times
/// its size.
struct TextOutput {
    /// The lines not yet handed on; `window` of them stay when the others go.
    private var lines: [String] = []
    private let window: Int
    /// The last line handed on, for `blank`.
    private var lastFinal: String?
    /// Final lines as UTF-8, gathered up to `pieceSize` bytes per hand-over.
    private var bytes: [UInt8] = []
    private let ascii: Bool
    private let sink: (UnsafeRawBufferPointer) -> Void

    /// Lines kept back: far more than are ever taken back (one blank line at a time).
    static let defaultWindow = 64
    private static let pieceSize = 1 << 16

    /// `ascii`: typographic punctuation spelled in ASCII (see `Typography`).
    init(ascii: Bool, window: Int = defaultWindow, sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.ascii = ascii
        self.window = max(1, window)
        self.sink = sink
    }

    mutating func append(_ newLines: [String]) {
        for line in newLines { append(line) }
    }

    mutating func append(_ line: String) {
        lines.append(line)
        // Handed on in runs, not a line at a time, for `removeFirst` moves those kept.
        if lines.count - window >= 1024 { settle(lines.count - window) }
    }

    /// Takes back the last line, if it is blank and not yet handed on (tight lists keep
    /// their items together).
    mutating func removeTrailingBlank() {
        if lines.last == "" { lines.removeLast() }
    }

    /// Ends the current block: one blank line, never two, never at the start.
    mutating func blank() {
        if let last = lines.last ?? lastFinal, !last.allSatisfy({ $0 == " " }) { lines.append("") }
    }

    /// Hands on every line: the text is complete.
    mutating func finish() {
        settle(lines.count)
        flush()
    }

    /// Makes the first `count` lines final: trailing spaces dropped (as bytes: a trailing
    /// space is a byte 0x20 at the end of a line, and nothing can combine with it there),
    /// LF after each.
    private mutating func settle(_ count: Int) {
        guard count > 0 else { return }
        for index in 0..<count {
            var line = ascii ? Typography.ascii(lines[index]) : lines[index]
            // From the string's own storage: a copy through its UTF-8 view goes a byte at a time.
            line.withUTF8 { utf8 in
                var end = utf8.count
                while end > 0, utf8[end - 1] == 0x20 { end -= 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<end]))
            }
            bytes.append(0x0A)
            if bytes.count >= Self.pieceSize { flush() }
        }
        lastFinal = lines[count - 1]
        lines.removeFirst(count)
    }

    private mutating func flush() {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(sink)
        bytes.removeAll(keepingCapacity: true)
    }
}
