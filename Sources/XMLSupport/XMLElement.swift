import CLibXML2

/// An element of an `XMLDocument` under construction. It keeps its document alive.
public struct XMLElement {
    let node: xmlNodePtr
    let document: XMLDocument

    /// Adds the children `add` makes of each of `elements` as this element's last: when the
    /// element is a child of a container being streamed (`XMLDocument.serialize(_:streaming:to:)`),
    /// while it is written, each freed once written, so that a table of 50,000 rows is
    /// never whole in the tree; otherwise at once. Nothing else may be added to the
    /// element afterwards, and `add` may run after the code that follows this call: what
    /// it writes must not depend on that code (counters they share may number in either
    /// order).
    public func streamChildren<Elements: Sequence>(adding elements: Elements, with add: @escaping (Elements.Element) -> Void) {
        var remaining = elements.makeIterator()
        streamChildren {
            guard let element = remaining.next() else { return false }
            add(element)
            return true
        }
    }

    /// How many inline children an element is given before a writer streams them
    /// (`addChildren(of:with:)`): each streamed element costs a frame of its own, which a
    /// few children do not repay (streaming every paragraph costs a tenth of a large
    /// build's time), while a paragraph of thousands of links is many times its text as a tree.
    public static let streamingThreshold = 256

    /// Adds the children `add` makes of each of `elements`: streamed as
    /// `streamChildren(adding:with:)` streams them when there are more than
    /// `streamingThreshold`, at once otherwise.
    public func addChildren<Elements: Collection>(of elements: Elements, with add: @escaping (Elements.Element) -> Void) {
        addChildren(of: elements, streamed: elements.count > Self.streamingThreshold, with: add)
    }

    /// Adds the children `add` makes of each of `elements`: streamed as
    /// `streamChildren(adding:with:)` streams them when `streamed`, at once otherwise.
    public func addChildren<Elements: Sequence>(of elements: Elements, streamed: Bool, with add: @escaping (Elements.Element) -> Void) {
        guard streamed else { return elements.forEach(add) }
        streamChildren(adding: elements, with: add)
    }

    /// Adds what `add` makes as this element's children in one step: when `streamed`, as
    /// `streamChildren(adding:with:)` streams them, so that a container of streamed children
    /// (a table's body, inside the table) is a child of a streamed element in its turn.
    public func addChildren(streamed: Bool, all add: @escaping () -> Void) {
        addChildren(of: CollectionOfOne(()), streamed: streamed) { add() }
    }

    /// The children `addNext` adds, a few at a time until it returns false, streamed as
    /// `streamChildren(adding:with:)` streams them.
    public func streamChildren(_ addNext: @escaping () -> Bool) {
        if let parent = node.pointee.parent, document.streamedContainers.contains(parent) {
            document.deferredChildren.append((node, addNext))
        } else {
            while addNext() {}
        }
    }

    /// Adds a child element in this element's namespace (or in `namespace`, declared on
    /// the child as its default when it differs), with attributes in the order given. A
    /// prefixed name (`dc:title`) is in the namespace declared for that prefix.
    @discardableResult
    public func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], namespace: String? = nil,
        text: String? = nil
    ) -> XMLElement {
        var ns = node.pointee.ns
        var localName = name
        if let colon = XMLElement.colon(in: name) {
            let prefix = String(name[..<colon])
            ns = LibXML.withXMLString(prefix) { xmlSearchNs(document.pointer, node, $0) }
            precondition(ns != nil, "no namespace declared for prefix \(prefix)")
            localName = String(name[name.index(after: colon)...])
        }
        let child = LibXML.withXMLString(localName) { xmlNewDocNode(document.pointer, ns, $0, nil)! }
        xmlAddChild(node, child)
        let element = XMLElement(node: child, document: document)
        if let namespace, namespace != element.namespaceURI {
            let ns = LibXML.withXMLString(namespace) { xmlNewNs(child, $0, nil) }
            xmlSetNs(child, ns)
        }
        for (key, value) in attributes { element.setAttribute(key, value) }
        if let text { element.addText(text) }
        return element
    }

    /// Adds character data; libxml2 escapes it on output. Characters XML 1.0 forbids are
    /// dropped, and the document records a warning naming where.
    public func addText(_ text: String) {
        guard !text.isEmpty else { return }
        let clean = sanitized(text, where: "text")
        let textNode = LibXML.withXMLString(clean) { xmlNewDocText(document.pointer, $0)! }
        xmlAddChild(node, textNode)
    }

    /// Marks the element as mixed content (text and elements), so that indented output
    /// never adds white space inside it, even when its children are all elements.
    ///
    /// libxml2 indents an element's children only when none of them is text; an empty
    /// text node is enough to stop it, and serialises as nothing.
    public func beginMixedContent() {
        guard node.pointee.children == nil else { return }
        xmlAddChild(node, xmlNewDocText(document.pointer, nil))
    }

    /// Sets an attribute. A prefixed name (`xml:lang`, `xlink:href`) uses the namespace
    /// declared for that prefix, which must be in scope.
    public func setAttribute(_ name: String, _ value: String) {
        let clean = sanitized(value, where: "attribute \(name)")
        LibXML.withXMLString(clean) { cleanValue in
            if let colon = XMLElement.colon(in: name) {
                let prefix = String(name[..<colon])
                let ns = LibXML.withXMLString(prefix) { xmlSearchNs(document.pointer, node, $0) }
                precondition(ns != nil, "no namespace declared for prefix \(prefix)")
                LibXML.withXMLString(String(name[name.index(after: colon)...])) { _ = xmlSetNsProp(node, ns, $0, cleanValue) }
            } else {
                LibXML.withXMLString(name) { _ = xmlSetProp(node, $0, cleanValue) }
            }
        }
    }

    /// Where the `:` of a prefixed name is, looked for among the bytes in place: this runs
    /// for every element and attribute of a large report, and a search by characters, or
    /// even through the UTF-8 view's iterator, cost more than making the element.
    static func colon(in name: String) -> String.Index? {
        let utf8 = name.utf8
        guard let offset = utf8.withContiguousStorageIfAvailable({ $0.firstIndex(of: UInt8(ascii: ":")) }) else {
            return utf8.firstIndex(of: UInt8(ascii: ":"))
        }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// Declares `prefix` for `namespace` on this element.
    public func declareNamespace(_ namespace: String, prefix: String) {
        LibXML.withXMLString(namespace) { href in
            LibXML.withXMLString(prefix) { _ = xmlNewNs(node, href, $0) }
        }
    }

    /// Adds a CDATA section; libxml2 writes its text unescaped. `text` must not contain `]]>`.
    public func addCDATA(_ text: String) {
        let clean = sanitized(text, where: "CDATA")
        precondition(!clean.contains("]]>"), "a CDATA section cannot contain ]]>")
        let length = Int32(clamping: clean.utf8.count)
        let section = LibXML.withXMLString(clean) { xmlNewCDataBlock(document.pointer, $0, length)! }
        xmlAddChild(node, section)
    }

    /// Adds a processing instruction such as `<?linebreak?>`.
    public func addProcessingInstruction(_ name: String, _ content: String? = nil) {
        let pi = LibXML.withXMLString(name) { name in
            if let content {
                return LibXML.withXMLString(content) { xmlNewDocPI(document.pointer, name, $0)! }
            }
            return xmlNewDocPI(document.pointer, name, nil)!
        }
        xmlAddChild(node, pi)
    }

    /// The element's local name.
    public var name: String { LibXML.string(node.pointee.name) ?? "" }

    /// The namespace the element is in, if any.
    public var namespaceURI: String? { node.pointee.ns.flatMap { LibXML.string($0.pointee.href) } }

    /// Whether the element has no children at all.
    public var isEmpty: Bool { node.pointee.children == nil }

    /// `place` is worked out only when something is dropped, which is rare: its text is
    /// not built for every attribute of a large report.
    private func sanitized(_ text: String, where place: @autoclosure () -> String) -> String {
        let (clean, dropped) = XMLCharacters.sanitized(text)
        if !dropped.isEmpty {
            let path = xmlGetNodePath(node).map { path -> String in
                defer { imprint_xml_free(path) }
                return LibXML.string(path) ?? name
            } ?? name
            let names = dropped.map(XMLCharacters.name).joined(separator: ", ")
            document.warn("dropped \(names) from \(place()) of \(path): XML 1.0 does not allow it")
        }
        return clean
    }
}
