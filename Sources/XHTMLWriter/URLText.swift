/// Makes a path written in a report into valid URL text.
public enum URLText {
    /// Percent-encodes what a URL may not hold (white space, controls, `"<>\^`{|}`), and
    /// leaves everything else — `%` escapes already written, letters of any script — alone.
    public static func escapingPath(_ path: String) -> String {
        var result = ""
        for scalar in path.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7F || "\"<>\\^`{|}".unicodeScalars.contains(scalar) {
                for byte in String(scalar).utf8 {
                    let hex = String(byte, radix: 16, uppercase: true)
                    result += "%" + (hex.count == 1 ? "0" + hex : hex)
                }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
