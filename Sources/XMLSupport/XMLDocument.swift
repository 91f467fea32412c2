import CLibXML2
import ReportModel

/// An XML document built as a libxml2 tree and serialised by libxml2.
///
/// Writers never glue markup together as strings: they add elements, attributes and
/// text here, and libxml2 does all escaping. A document is not shared across threads;
/// separate documents may be built in parallel.
public final class XMLDocument {
    let pointer: xmlDocPtr
    /// Characters that XML 1.0 forbids, dropped from text and attributes, each with where it was.
    public private(set) var warnings: [String] = []
    /// The containers whose children are being streamed (`serialize(_:streaming:to:)`).
    var streamedContainers: Set<xmlNodePtr> = []
    /// Elements of a streamed container whose own children are added when they are
    /// written (`XMLElement.streamChildren`), with what adds them, in the order given.
    var deferredChildren: [(node: xmlNodePtr, addNext: () -> Bool)] = []

    /// The warnings as a writer gives them: about the model, with no place in a source.
    public var diagnostics: [Diagnostic] { Self.diagnostics(warnings) }

    /// Warnings of the XML layer, gathered from several documents, as diagnostics.
    public static func diagnostics(_ warnings: [String]) -> [Diagnostic] {
        warnings.map { Diagnostic(.warning, .characterDropped, $0, at: nil) }
    }

    /// Starts a document whose root element is `rootName` in the default namespace
    /// `namespace` (or, with `prefix`, in `namespace` under that prefix: `w:document`);
    /// with `doctype`, a document type declaration without identifiers (`<!DOCTYPE html>`).
    public init(rootName: String, namespace: String? = nil, prefix: String? = nil, doctype: String? = nil) {
        LibXML.ensureInitialized()
        pointer = xmlNewDoc(nil)!
        // Element and attribute names are kept once in the document's dictionary rather than
        // copied for every node (a large report has millions), and can be told apart by
        // their address (see `closeEmptyNonVoidElements`). `xmlFreeDoc` frees it.
        pointer.pointee.dict = xmlDictCreate()
        let root = LibXML.withXMLString(rootName) { xmlNewDocNode(pointer, nil, $0, nil)! }
        xmlDocSetRootElement(pointer, root)
        if let doctype {
            LibXML.withXMLString(doctype) { _ = xmlCreateIntSubset(pointer, $0, nil, nil) }
        }
        if let namespace {
            let ns = LibXML.withXMLString(namespace) { href in
                prefix.map { LibXML.withXMLString($0) { xmlNewNs(root, href, $0) } } ?? xmlNewNs(root, href, nil)
            }
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

    /// The document as polyglot HTML: well-formed XML that HTML parsers read the same way.
    ///
    /// No XML declaration, and no element of the XHTML namespace written as `<p/>` unless
    /// HTML knows it as void (`<br/>`, `<img/>`, …): an HTML parser would read `<p/>` as an
    /// open tag. Elements of other namespaces (inline SVG) may self-close.
    public func serializedAsPolyglotHTML(indent: Bool = true) -> [UInt8] {
        closeEmptyNonVoidElements()
        guard let buffer = xmlBufferCreate() else { return [] }
        defer { xmlBufferFree(buffer) }
        var options = Int32(XML_SAVE_NO_DECL.rawValue)
        if indent { options |= Int32(XML_SAVE_FORMAT.rawValue) }
        guard let context = xmlSaveToBuffer(buffer, "UTF-8", options) else { return [] }
        xmlSaveDoc(context, pointer)
        xmlSaveClose(context)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    /// Whether any element of the document is in `namespace` (inline SVG in XHTML, say).
    public func containsElement(inNamespace namespace: String) -> Bool {
        root.containsElement(inNamespace: namespace)
    }

    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
    /// Elements whose content is (or may be) running text: white space between their
    /// children is significant, so indentation must never be added inside them.
    static let phrasingContainers = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "caption", "figcaption", "a", "span",
        "em", "strong", "del", "code", "sup", "sub", "time", "title", "pre", "label", "button", "summary",
    ]
    static let voidElements = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Gives every empty non-void XHTML element an empty text child, which libxml2 writes as
    /// `<p></p>`, and every element of running text a leading empty text child, so that
    /// libxml2 does not indent inside it: in the subtree of `root`, the whole document by
    /// default. Walks without recursion.
    ///
    /// Names are compared by address in the document's dictionary, and the namespace by
    /// libxml2's string comparison: making Swift strings of them for every node cost more
    /// than the rest of the walk.
    func closeEmptyNonVoidElements(from root: xmlNodePtr? = nil) {
        guard let root = root ?? xmlDocGetRootElement(pointer), let dict = pointer.pointee.dict else { return }
        // A few dozen addresses: a search through them is quicker than hashing.
        func names(_ names: [String]) -> [UnsafePointer<xmlChar>] {
            names.compactMap { name in LibXML.withXMLString(name) { xmlDictLookup(dict, $0, -1) } }
        }
        let void = names(XMLDocument.voidElements)
        let phrasing = names(XMLDocument.phrasingContainers)
        LibXML.withXMLString(XMLDocument.xhtmlNamespace) { xhtml in
            var stack: [xmlNodePtr] = [root]
            while let node = stack.popLast() {
                guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { continue }
                let inXHTML = node.pointee.ns.map { xmlStrEqual($0.pointee.href, xhtml) != 0 } ?? false
                guard let first = node.pointee.children else {
                    if inXHTML && !void.contains(name) { xmlAddChild(node, xmlNewDocText(pointer, nil)) }
                    continue
                }
                if inXHTML, first.pointee.type != XML_TEXT_NODE, phrasing.contains(name) {
                    xmlAddPrevSibling(first, xmlNewDocText(pointer, nil))
                }
                var child = node.pointee.children
                while let current = child {
                    stack.append(current)
                    child = current.pointee.next
                }
            }
        }
    }

    func warn(_ message: String) {
        warnings.append(message)
    }
}
