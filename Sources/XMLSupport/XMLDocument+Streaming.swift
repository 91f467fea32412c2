import CLibXML2

extension XMLDocument {
    /// How a document is written out.
    public enum Serialization: Sendable {
        /// XML with its declaration (`serialized()`).
        case xml
        /// Polyglot HTML (`serializedAsPolyglotHTML()`).
        case polyglotHTML
    }

    /// A comment put where the streamed children go, to find that place in the frame's bytes.
    private static let streamMarker = "imprint:streamed-children"

    /// The indented document, serialised while its bulk is still being built, so that the
    /// tree never holds more than one part of it: for a large report the whole tree was
    /// ten times the size of its text, twice over (XHTML and DocBook side by side).
    ///
    /// Everything but `container`'s last children must be in the tree when this is
    /// called. `addNext` then adds children to `container` a few at a time and returns
    /// false when there are no more; after each call libxml2 serialises the new children
    /// and they are freed. The bytes are those `serialized()` or `serializedAsPolyglotHTML()`
    /// would give for the whole tree (the tests compare them): the frame around the
    /// children is libxml2's serialisation of the document with a comment in their place,
    /// and between two children goes the line break and indentation libxml2 wrote before
    /// that comment. A freed child leaves an empty element of its name behind, so that
    /// node paths in warnings (`section[3]`) count as in the whole tree.
    public func serialized(
        _ serialization: Serialization, streamingInto container: XMLElement, addNext: () -> Bool
    ) -> [UInt8] {
        var bytes: [UInt8] = []
        serialize(serialization, streamingInto: container, to: { bytes.append(contentsOf: $0) }, addNext: addNext)
        return bytes
    }

    /// As `serialized(_:streamingInto:addNext:)`, handing the bytes to `sink` as they are
    /// made (the whole document then never exists in memory, not even as bytes).
    public func serialize(
        _ serialization: Serialization, streamingInto container: XMLElement, to sink: (UnsafeRawBufferPointer) -> Void,
        addNext: () -> Bool
    ) {
        func emit(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes(sink) }
        let whole = { serialization == .xml ? self.serialized() : self.serializedAsPolyglotHTML() }
        let marker = LibXML.withXMLString(Self.streamMarker) { xmlNewDocComment(pointer, $0)! }
        xmlAddChild(container.node, marker)
        let frame = whole()
        xmlUnlinkNode(marker)
        xmlFreeNode(marker)
        let markerBytes = Array("<!--\(Self.streamMarker)-->".utf8)
        guard let place = Self.range(of: markerBytes, in: frame[...]),
            Self.range(of: markerBytes, in: frame[place.upperBound...]) == nil
        else {
            // The marker's words are in the document too (a style sheet may say anything):
            // then the whole tree is built and written at once.
            while addNext() {}
            return emit(whole()[...])
        }
        let prefix = frame[..<place.lowerBound]
        let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")) ?? prefix.endIndex
        let separator = prefix[lineStart...].dropFirst().allSatisfy { $0 == UInt8(ascii: " ") } ? Array(prefix[lineStart...]) : []
        var level: Int32 = 1
        var ancestor = container.node.pointee.parent
        while let node = ancestor, node.pointee.type == XML_ELEMENT_NODE {
            level += 1
            ancestor = node.pointee.parent
        }
        // The children `addNext` added are those after the last one there before it.
        var last = container.node.pointee.last
        func firstAdded() -> xmlNodePtr? { last.map { $0.pointee.next } ?? container.node.pointee.children }
        var written = 0
        while addNext() {
            while let child = firstAdded() {
                if serialization == .polyglotHTML { closeEmptyNonVoidElements(from: child) }
                emit(written == 0 ? prefix[...] : separator[...])
                dump(child, level: level, to: sink)
                written += 1
                let stand = xmlNewDocNode(pointer, child.pointee.ns, child.pointee.name, nil)!
                xmlReplaceNode(child, stand)
                xmlFreeNode(child)
                last = stand
            }
        }
        guard written > 0 else { return emit(whole()[...]) }
        // Unlike the whole tree, this one keeps the stand-ins: never to be serialised again.
        emit(frame[place.upperBound...])
    }

    /// Where `needle` is in `haystack`, searched for among the bytes in place: the frame
    /// holds the table of contents, and the standard library's generic `firstRange(of:)`
    /// through it took a tenth of a large build.
    private static func range(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Range<Int>? {
        haystack.withUnsafeBufferPointer { hay in
            var start = 0
            while let found = hay[start...].firstIndex(of: needle[0]), found + needle.count <= hay.count {
                if hay[found..<found + needle.count].elementsEqual(needle) {
                    return haystack.startIndex + found..<haystack.startIndex + found + needle.count
                }
                start = found + 1
            }
            return nil
        }
    }

    /// One node and its subtree as libxml2 writes them at `level` of an indented document.
    ///
    /// libxml2 writes attribute values in UTF-8 only when the document says that is its
    /// encoding (otherwise as `&#x…;`), and a document's serialisation says so for its
    /// duration: so does this.
    private func dump(_ node: xmlNodePtr, level: Int32, to sink: (UnsafeRawBufferPointer) -> Void) {
        guard let buffer = xmlAllocOutputBuffer(nil) else { return }
        let encoding = pointer.pointee.encoding
        pointer.pointee.encoding = LibXML.withXMLString("UTF-8") { UnsafePointer(xmlStrdup($0)) }
        defer {
            imprint_xml_free(UnsafeMutableRawPointer(mutating: pointer.pointee.encoding))
            pointer.pointee.encoding = encoding
            xmlOutputBufferClose(buffer)
        }
        xmlNodeDumpOutput(buffer, pointer, node, level, 1, "UTF-8")
        guard let content = xmlOutputBufferGetContent(buffer) else { return }
        sink(UnsafeRawBufferPointer(start: content, count: Int(xmlOutputBufferGetSize(buffer))))
    }
}
