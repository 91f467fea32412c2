import CLibXML2

/// XML's rules for names, as libxml2 applies them (so that an id Imprint accepts is one
/// libxml2 will read back).
public enum XMLNames {
    /// Whether `text` is an NCName: usable as an `xml:id`, an `id`, a fragment.
    public static func isNCName(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        LibXML.ensureInitialized()
        return LibXML.withXMLString(text) { xmlValidateNCName($0, 0) } == 0
    }
}
