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
    public func serialize(_ serialization: Serialization, streaming streams: [Stream], to sink: (UnsafeRawBufferPointer) -> Void) {
        func emit(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes(sink) }
        let whole = { serialization == .xml ? self.serialized() : self.serializedAsPolyglotHTML() }
        var live: [(stream: Stream, marker: [UInt8])] = []
        for stream in streams {
            var more = true
            while more && stream.container.node.pointee.children == nil { more = stream.addNext() }
            guard more else { continue }
            let text = Self.streamMarker + "-\(live.count)"
            live.append((stream, Array("<!--\(text)-->".utf8)))
            xmlAddChild(stream.container.node, LibXML.withXMLString(text) { xmlNewDocComment(pointer, $0)! })
        }
        let frame = whole()
        for (stream, _) in live {
            let marker = stream.container.node.pointee.last!
            xmlUnlinkNode(marker)
            xmlFreeNode(marker)
        }
        var places: [Range<Int>] = []
        for (_, marker) in live {
            guard let place = Self.range(of: marker, in: frame[(places.last?.upperBound ?? 0)...]),
                Self.range(of: marker, in: frame[place.upperBound...]) == nil,
                Self.range(of: marker, in: frame[..<place.lowerBound]) == nil
            else {
                // The marker's words are in the document too (a style sheet may say
                // anything): then the whole tree is built and written at once.
                for (stream, _) in live { while stream.addNext() {} }
                return emit(whole()[...])
            }
            places.append(place)
        }
        var cursor = frame.startIndex
        for ((stream, _), place) in zip(live, places) {
            let prefix = frame[cursor..<place.lowerBound]
            let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")) ?? prefix.endIndex
            let separator = prefix[lineStart...].dropFirst().allSatisfy { $0 == UInt8(ascii: " ") } ? Array(prefix[lineStart...]) : []
            let container = stream.container.node
            var level: Int32 = 1
            var ancestor = container.pointee.parent
            while let node = ancestor, node.pointee.type == XML_ELEMENT_NODE {
                level += 1
                ancestor = node.pointee.parent
            }
            // The children `addNext` added are those after the last one there before it.
            var last = container.pointee.last
            func firstAdded() -> xmlNodePtr? { last.map { $0.pointee.next } ?? container.pointee.children }
            var written = 0
            while stream.addNext() {
                while let child = firstAdded() {
                    if serialization == .polyglotHTML { closeEmptyNonVoidElements(from: child) }
                    emit(written == 0 ? prefix : separator[...])
                    dump(child, level: level, to: sink)
                    written += 1
                    let stand = xmlNewDocNode(pointer, child.pointee.ns, child.pointee.name, nil)!
                    xmlReplaceNode(child, stand)
                    xmlFreeNode(child)
                    last = stand
                }
            }
            if written == 0 { emit(prefix.dropLast(separator.count)) }
            cursor = place.upperBound
        }
        // Unlike the whole tree, this one keeps the stand-ins: never to be serialised again.
        emit(frame[cursor...])
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
