import CLibXML2

/// An XML document built as a libxml2 tree and serialised by libxml2.
///
/// Writers never glue markup together as strings: they add elements, attributes and
/// text here, and libxml2 does all escaping. A document is not shared across threads;
/// separate documents may be built in parallel.
public final class XMLDocument {
    let pointer: xmlDocPtr
    /// Characters that XML 1.0 forbids, dropped from text and attributes, each with where it was.
    public private(set) var warnings: [String] = []

    /// Starts a document whose root element is `rootName` in the default namespace `namespace`.
    public init(rootName: String, namespace: String? = nil) {
        LibXML.ensureInitialized()
        pointer = xmlNewDoc(nil)!
        let root = LibXML.withXMLString(rootName) { xmlNewDocNode(pointer, nil, $0, nil)! }
        xmlDocSetRootElement(pointer, root)
        if let namespace {
            let ns = LibXML.withXMLString(namespace) { xmlNewNs(root, $0, nil) }
            xmlSetNs(root, ns)
        }
    }

    /// Takes ownership of a tree libxml2 parsed.
    init(parsed pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The root element.
    public var root: XMLElement {
        XMLElement(node: xmlDocGetRootElement(pointer)!, document: self)
    }

    /// The document as UTF-8 with an XML declaration; the same tree always gives the same
    /// bytes. With `indent`, element-only content is indented; mixed content never is, so
    /// no whitespace is added to text.
    public func serialized(indent: Bool = true) -> [UInt8] {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(pointer, &buffer, &size, "UTF-8", indent ? 1 : 0)
        guard let buffer else { return [] }
        defer { imprint_xml_free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }

    func warn(_ message: String) {
        warnings.append(message)
    }
}
