extension String {
    /// The text as it may be printed to a terminal: every control character (C0 but tab,
    /// DEL, C1) spelt as an escape (`\e`, `\n`, `\x07`, `\u{9B}`), so a file name, a key or
    /// a desk's value cannot move the cursor, retitle the window, clear the screen or
    /// start a line that looks like a diagnostic of its own.
    public var terminalSafe: String { terminalSafe(keepingLineBreaks: false) }

    /// `terminalSafe`, but with its line breaks kept: for text of several lines that is
    /// Imprint's own (a usage message) quoting the input.
    public func terminalSafe(keepingLineBreaks: Bool) -> String {
        let isControl = { (scalar: Unicode.Scalar) in scalar.isTerminalControl && !(keepingLineBreaks && scalar == "\n") }
        guard unicodeScalars.contains(where: isControl) else { return self }
        var text = ""
        for scalar in unicodeScalars {
            guard isControl(scalar) else {
                text.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\u{1B}": text += "\\e"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            default:
                let hex = String(scalar.value, radix: 16)
                text += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{" + hex + "}"
            }
        }
        return text
    }
}

extension Unicode.Scalar {
    /// C0 controls but tab, DEL, and C1 controls.
    var isTerminalControl: Bool {
        (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value)
    }
}
