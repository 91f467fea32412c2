/// The lines written so far, with blank lines between blocks kept to one.
struct TextOutput {
    private(set) var lines: [String] = []

    mutating func append(_ newLines: [String]) {
        lines += newLines
    }

    mutating func removeLast() {
        lines.removeLast()
    }

    mutating func append(_ line: String) {
        lines.append(line)
    }

    /// Ends the current block: one blank line, never two, never at the start.
    mutating func blank() {
        if let last = lines.last, !last.allSatisfy({ $0 == " " }) { lines.append("") }
    }
}
