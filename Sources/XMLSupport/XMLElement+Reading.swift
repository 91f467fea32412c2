import CLibXML2

/// Reading a tree, and taking elements from another document (a Word template's styles).
extension XMLElement {
    /// The child elements, in order.
    public var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(node: current, document: document)) }
            child = current.pointee.next
        }
        return result
    }

    /// Whether this element or any inside it is in `namespace`.
    public func containsElement(inNamespace namespace: String) -> Bool {
        var stack: [xmlNodePtr] = [node]
        while let node = stack.popLast() {
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            if node.pointee.ns.flatMap({ LibXML.string($0.pointee.href) }) == namespace { return true }
            var child = node.pointee.children
            while let current = child {
                stack.append(current)
                child = current.pointee.next
            }
        }
        return false
    }

    /// The value of the attribute `name` in `namespace` (nil: no namespace), if set.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        let value = LibXML.withXMLString(name) { name in
            namespace.map { LibXML.withXMLString($0) { xmlGetNsProp(node, name, $0) } } ?? xmlGetNoNsProp(node, name)
        }
        guard let value else { return nil }
        defer { imprint_xml_free(value) }
        return LibXML.string(value)
    }

    /// Adds a deep copy of `other` (an element of another document) as the last child,
    /// its namespaces declared again where this document lacks them.
    public func appendCopy(of other: XMLElement) {
        guard let copy = xmlDocCopyNode(other.node, document.pointer, 1) else { return }
        xmlAddChild(node, copy)
        xmlReconciliateNs(document.pointer, copy)
    }

    /// Puts a deep copy of `other` (an element of another document) in this element's
    /// place, and frees this element: it must not be used again.
    public func replace(withCopyOf other: XMLElement) {
        guard let copy = xmlDocCopyNode(other.node, document.pointer, 1) else { return }
        xmlReplaceNode(node, copy)
        xmlReconciliateNs(document.pointer, copy)
        xmlFreeNode(node)
    }

    /// Takes the element out of its document, and frees it: it must not be used again.
    public func remove() {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }
}
