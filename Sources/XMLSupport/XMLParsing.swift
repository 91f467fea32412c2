import CLibXML2
import ReportModel

extension XMLDocument {
    /// Parses XML from an untrusted source.
    ///
    /// No network (`XML_PARSE_NONET`), no external entity or DTD loading (neither
    /// `XML_PARSE_NOENT` nor `XML_PARSE_DTDLOAD` is set), and libxml2's limits on entity
    /// amplification stay on (no `XML_PARSE_HUGE`). Every error comes back with its line,
    /// in the file `url` names.
    public static func parse(_ bytes: [UInt8], url: String = "input.xml") throws(DiagnosticError) -> XMLDocument {
        LibXML.ensureInitialized()
        let collector = XMLDiagnosticCollector(file: url, code: .xmlNotWellFormed)
        let options = Int32(XML_PARSE_NONET.rawValue)
        let pointer: xmlDocPtr? = collector.collecting {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                    xmlReadMemory($0, Int32(clamping: buffer.count), url, "UTF-8", options)
                }
            }
        }
        guard let pointer, collector.diagnostics.isEmpty else {
            if let pointer { xmlFreeDoc(pointer) }
            throw collector.diagnostics.isEmpty
                ? DiagnosticError(error: .xmlNotWellFormed, "not well-formed XML", at: .file(url)) : DiagnosticError(collector.diagnostics)
        }
        return XMLDocument(parsed: pointer)
    }

    /// Whether the document declares a document type (`<!DOCTYPE …>`), which could
    /// declare entities: untrusted XML whose parts are copied elsewhere must not.
    public var hasDocumentType: Bool {
        pointer.pointee.intSubset != nil || pointer.pointee.extSubset != nil
    }

    /// Every text node's content under the root, in document order: what a reader would
    /// read, for tests that check that no word is lost.
    public var textContent: String {
        guard let root = xmlDocGetRootElement(pointer), let content = xmlNodeGetContent(root) else { return "" }
        defer { imprint_xml_free(content) }
        return LibXML.string(content) ?? ""
    }
}
