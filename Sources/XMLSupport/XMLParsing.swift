import CLibXML2

/// Untrusted XML could not be read.
public struct XMLParseError: Error, Sendable, CustomStringConvertible {
    public var issues: [XMLIssue]
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

extension XMLDocument {
    /// Parses XML from an untrusted source.
    ///
    /// No network (`XML_PARSE_NONET`), no external entity or DTD loading (neither
    /// `XML_PARSE_NOENT` nor `XML_PARSE_DTDLOAD` is set), and libxml2's limits on entity
    /// amplification stay on (no `XML_PARSE_HUGE`). Every error comes back with its line.
    public static func parse(_ bytes: [UInt8], url: String = "input.xml") throws(XMLParseError) -> XMLDocument {
        LibXML.ensureInitialized()
        let collector = XMLIssueCollector()
        let options = Int32(XML_PARSE_NONET.rawValue)
        let pointer: xmlDocPtr? = collector.collecting {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                    xmlReadMemory($0, Int32(clamping: buffer.count), url, "UTF-8", options)
                }
            }
        }
        guard let pointer, collector.issues.isEmpty else {
            if let pointer { xmlFreeDoc(pointer) }
            throw XMLParseError(
                issues: collector.issues.isEmpty
                    ? [XMLIssue(message: "not well-formed XML", line: 0, column: 0)] : collector.issues)
        }
        return XMLDocument(parsed: pointer)
    }

    /// Every text node's content under the root, in document order: what a reader would
    /// read, for tests that check that no word is lost.
    public var textContent: String {
        guard let root = xmlDocGetRootElement(pointer), let content = xmlNodeGetContent(root) else { return "" }
        defer { imprint_xml_free(content) }
        return LibXML.string(content) ?? ""
    }
}
