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

    /// An element whose last children are added while the document is serialised: `addNext`
    /// adds a few at a time, and returns false when there are no more.
    public struct Stream {
        public let container: XMLElement
        public let addNext: () -> Bool
        /// Shown each streamed child after it is written and before it is freed (what the
        /// tree held is not there to ask afterwards).
        public var inspect: ((XMLElement) -> Void)?

        public init(into container: XMLElement, addNext: @escaping () -> Bool) {
            self.container = container
            self.addNext = addNext
        }

        /// The children `add` makes of each of `elements` in turn (a section, an entry).
        public init<Elements: Sequence>(
            into container: XMLElement, adding elements: Elements, with add: @escaping (Elements.Element) -> Void
        ) {
            var remaining = elements.makeIterator()
            self.init(into: container) {
                guard let element = remaining.next() else { return false }
                add(element)
                return true
            }
        }
    }

    /// The indented document, serialised while its bulk is still being built, so that the
    /// tree never holds more than one part of it: a whole tree is many times the size of
    /// its text, and XHTML and DocBook are built side by side. The
    /// bytes are those `serialized()` or `serializedAsPolyglotHTML()` would give for the
    /// whole tree (the tests compare them).
    ///
    /// The document handed to `sink` as it is made, the children of each stream's
    /// container serialised as they are added and then freed; `streams` in document order.
    ///
    /// The frame around the children is libxml2's serialisation of the document with a
    /// comment in each container after its last child; the bytes before a comment go
    /// before the first streamed child, and between two children goes the line break and
    /// indentation libxml2 wrote before that comment. A stream whose container is empty is
    /// first asked for children before the frame is made, so that the frame writes a
    /// container that stays empty as the whole tree would (and a container with no more
    /// children is its frame with the comment's line left out): what it adds then must
    /// not depend on what the streams before it add later. A freed child leaves an empty
    /// element of its name behind, so that node paths in warnings (`section[3]`) count as
    /// in the whole tree.
    ///
    /// `indent: false` gives the bytes of the tree serialised without indentation.
    public func serialize(
        _ serialization: Serialization, indent: Bool = true, streaming streams: [Stream], to sink: (UnsafeRawBufferPointer) -> Void
    ) {
        func emit(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes(sink) }
        let whole = { serialization == .xml ? self.serialized(indent: indent) : self.serializedAsPolyglotHTML(indent: indent) }
        var live: [(stream: Stream, marker: [UInt8])] = []
        // The children each live stream's first ask added, out of the tree meanwhile.
        var early: [[xmlNodePtr]] = []
        for stream in streams { streamedContainers.insert(stream.container.node) }
        defer { streamedContainers = [] }
        for stream in streams {
            let container = stream.container.node
            guard let taken = firstAsk(container, stream.addNext) else { continue }
            early.append(taken)
            let text = Self.streamMarker + "-\(live.count)"
            live.append((stream, Array("<!--\(text)-->".utf8)))
            xmlAddChild(container, LibXML.withXMLString(text) { xmlNewDocComment(pointer, $0)! })
        }
        let frame = whole()
        for ((stream, _), taken) in zip(live, early) {
            let marker = stream.container.node.pointee.last!
            xmlUnlinkNode(marker)
            xmlFreeNode(marker)
            for child in taken { xmlAddChild(stream.container.node, child) }
        }
        var places: [Range<Int>] = []
        for (_, marker) in live {
            guard let place = Self.range(of: marker, in: frame[(places.last?.upperBound ?? 0)...]),
                Self.range(of: marker, in: frame[place.upperBound...]) == nil,
                Self.range(of: marker, in: frame[..<place.lowerBound]) == nil
            else {
                // The marker's words are in the document too (a style sheet may say
                // anything): then the whole tree is built and written at once.
                streamedContainers = []
                completeDeferredChildren()
                for (stream, _) in live { while stream.addNext() {} }
                return emit(whole()[...])
            }
            places.append(place)
        }
        withoutActuallyEscaping(sink) { sink in
            writeStreams(live.map(\.stream), early: early, places: places, frame: frame, Writing(serialization: serialization, indent: indent, sink: sink))
        }
    }

    /// Writes the frame with each live stream's children in its place.
    private func writeStreams(_ live: [Stream], early: [[xmlNodePtr]], places: [Range<Int>], frame: [UInt8], _ writing: Writing) {
        var cursor = frame.startIndex
        for (index, (stream, place)) in zip(live, places).enumerated() {
            let prefix = frame[cursor..<place.lowerBound]
            let container = stream.container.node
            var level: Int32 = 1
            var ancestor = container.pointee.parent
            while let node = ancestor, node.pointee.type == XML_ELEMENT_NODE {
                level += 1
                ancestor = node.pointee.parent
            }
            // The first ask's children, put back, are the container's only ones.
            let last = early[index].isEmpty ? container.pointee.last : nil
            writeChildren(
                of: container, after: last, adding: stream.addNext, level: level, prefix: prefix, writing, inspect: stream.inspect)
            cursor = place.upperBound
        }
        // Unlike the whole tree, this one keeps the stand-ins: never to be serialised again.
        writing.emit(frame[cursor...])
    }

    /// How streamed children are written out.
    private struct Writing {
        let serialization: Serialization
        let indent: Bool
        let sink: (UnsafeRawBufferPointer) -> Void

        func emit(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes(sink) }
    }

    /// Asks an empty `container` for children until it has some: nil when it has none and
    /// no more will come. The children it then has, taken out of the tree, are given back
    /// (none when it was not empty): the frame is written without them, and they are
    /// streamed first.
    private func firstAsk(_ container: xmlNodePtr, _ addNext: () -> Bool) -> [xmlNodePtr]? {
        let wasEmpty = container.pointee.children == nil
        var more = true
        while more && container.pointee.children == nil { more = addNext() }
        guard more else { return nil }
        var taken: [xmlNodePtr] = []
        while wasEmpty, let child = container.pointee.children {
            xmlUnlinkNode(child)
            taken.append(child)
        }
        return taken
    }

    /// Writes each child of `container` after `last` (all of them when nil), then those
    /// `addNext` adds, at `level`: the first after `prefix` (the frame's bytes up to the
    /// marker), the next after the line break and indentation that ends `prefix`. Each is
    /// then freed, an empty element of its name left in its place.
    private func writeChildren(
        of container: xmlNodePtr, after last: xmlNodePtr?, adding addNext: () -> Bool, level: Int32,
        prefix: ArraySlice<UInt8>, _ writing: Writing, inspect: ((XMLElement) -> Void)?
    ) {
        let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")) ?? prefix.endIndex
        let separator = prefix[lineStart...].dropFirst().allSatisfy { $0 == UInt8(ascii: " ") } ? Array(prefix[lineStart...]) : []
        // No line break before the marker: the container is mixed content (or nothing is
        // indented), and libxml2 indents nothing inside it, its children's children neither.
        let children = separator.isEmpty ? Writing(serialization: writing.serialization, indent: false, sink: writing.sink) : writing
        var last = last
        // Text added after a text node would be merged into it, which is already written:
        // a comment keeps them apart (children are written one by one, never the comment).
        var boundary: xmlNodePtr?
        if let text = last, text.pointee.type == XML_TEXT_NODE {
            boundary = xmlNewDocComment(pointer, nil)
            xmlAddNextSibling(text, boundary)
            last = boundary
        }
        defer {
            if let boundary {
                xmlUnlinkNode(boundary)
                xmlFreeNode(boundary)
            }
        }
        func firstAdded() -> xmlNodePtr? { last.map { $0.pointee.next } ?? container.pointee.children }
        var written = 0
        repeat {
            while let child = firstAdded() {
                writing.emit(written == 0 ? prefix : separator[...])
                write(child, level: level, children, inspect: inspect)
                written += 1
                let stand = xmlNewDocNode(pointer, child.pointee.ns, child.pointee.name, nil)!
                xmlReplaceNode(child, stand)
                xmlFreeNode(child)
                last = stand
            }
        } while addNext()
        if written == 0 { writing.emit(prefix.dropLast(separator.count)) }
    }

    /// Writes one streamed child at `level`: whole, or, when its own children are
    /// deferred (`XMLElement.streamChildren`), its frame around them as they are added.
    private func write(_ node: xmlNodePtr, level: Int32, _ writing: Writing, inspect: ((XMLElement) -> Void)?) {
        defer { inspect?(XMLElement(node: node, document: self)) }
        guard let deferred = deferredChildren.firstIndex(where: { $0.node == node }) else {
            if writing.serialization == .polyglotHTML { closeEmptyNonVoidElements(from: node) }
            return dump(node, level: level, indent: writing.indent, to: writing.sink)
        }
        let addNext = deferredChildren.remove(at: deferred).addNext
        streamedContainers.insert(node)
        defer { streamedContainers.remove(node) }
        guard let taken = firstAsk(node, addNext) else {
            if writing.serialization == .polyglotHTML { closeEmptyNonVoidElements(from: node) }
            return dump(node, level: level, indent: writing.indent, to: writing.sink)
        }
        let text = Self.streamMarker + "-nested"
        let marker = LibXML.withXMLString(text) { xmlNewDocComment(pointer, $0)! }
        xmlAddChild(node, marker)
        if writing.serialization == .polyglotHTML { closeEmptyNonVoidElements(from: node) }
        var frame: [UInt8] = []
        dump(node, level: level, indent: writing.indent) { frame.append(contentsOf: $0) }
        xmlUnlinkNode(marker)
        xmlFreeNode(marker)
        for child in taken { xmlAddChild(node, child) }
        let needle = Array("<!--\(text)-->".utf8)
        guard let place = Self.range(of: needle, in: frame[...]), Self.range(of: needle, in: frame[place.upperBound...]) == nil,
            Self.range(of: needle, in: frame[..<place.lowerBound]) == nil
        else {
            // The marker's words are in the element's text too: it is built and written whole.
            streamedContainers.remove(node)
            completeDeferredChildren(inside: node)
            while addNext() {}
            if writing.serialization == .polyglotHTML { closeEmptyNonVoidElements(from: node) }
            return dump(node, level: level, indent: writing.indent, to: writing.sink)
        }
        writeChildren(
            of: node, after: taken.isEmpty ? node.pointee.last : nil, adding: addNext, level: level + 1,
            prefix: frame[..<place.lowerBound], writing, inspect: inspect)
        writing.emit(frame[place.upperBound...])
    }

    /// Adds the children of every deferred element (inside `ancestor`, when given) now, in
    /// the order they were deferred, as when the document is written whole.
    private func completeDeferredChildren(inside ancestor: xmlNodePtr? = nil) {
        func isInside(_ node: xmlNodePtr) -> Bool {
            var parent = node.pointee.parent
            while let current = parent, current != ancestor { parent = current.pointee.parent }
            return parent != nil || ancestor == nil
        }
        var index = 0
        while index < deferredChildren.count {
            guard isInside(deferredChildren[index].node) else {
                index += 1
                continue
            }
            let addNext = deferredChildren.remove(at: index).addNext
            while addNext() {}
        }
    }

    /// Where `needle` is in `haystack`, searched for among the bytes in place: the frame
    /// holds the table of contents, which is large, and a generic search element by
    /// element through it is slow.
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
    private func dump(_ node: xmlNodePtr, level: Int32, indent: Bool, to sink: (UnsafeRawBufferPointer) -> Void) {
        guard let buffer = xmlAllocOutputBuffer(nil) else { return }
        let encoding = pointer.pointee.encoding
        pointer.pointee.encoding = LibXML.withXMLString("UTF-8") { UnsafePointer(xmlStrdup($0)) }
        defer {
            imprint_xml_free(UnsafeMutableRawPointer(mutating: pointer.pointee.encoding))
            pointer.pointee.encoding = encoding
            xmlOutputBufferClose(buffer)
        }
        xmlNodeDumpOutput(buffer, pointer, node, level, indent ? 1 : 0, "UTF-8")
        guard let content = xmlOutputBufferGetContent(buffer) else { return }
        sink(UnsafeRawBufferPointer(start: content, count: Int(xmlOutputBufferGetSize(buffer))))
    }
}
