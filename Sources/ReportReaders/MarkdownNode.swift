import CCmarkGFM
import Foundation
import XMLSupport

/// A Swift copy of one cmark-gfm node. The C tree is walked once, copied into these
/// objects and freed before parsing returns, so no C pointer escapes the parser.
///
/// A class, not a struct: the converters pass nodes and their children around a great
/// deal, and a struct this wide would cost a dozen reference counts per copy. Nodes are
/// not changed once parsed; a converter that needs a changed node changes a `copy()`.
///
/// Kept small, for a large report's pieces are many nodes each (a node per word, near
/// enough) while they wait to be converted: what only some kinds of node have (a link's
/// address, a list's numbering, a table's alignments) is in a box of its own that most
/// nodes go without, and positions are 32-bit: 80 bytes a node.
final class MarkdownNode {
    enum Kind: UInt8, Hashable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case footnoteDefinition, table, tableRow, tableCell
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough, link, image
        case footnoteReference
        /// A node of an extension Imprint does not know.
        case unknown
    }

    /// What only some kinds of node have.
    private final class Extra {
        var url = ""
        var title = ""
        var level = 0
        var ordered = false
        var listStart = 1
        var tight = true
        var fenceInfo = ""
        var taskChecked: Bool?
        var isHeaderRow = false
        var alignments: [UInt8] = []
        var droppedCharacters: [MarkdownParser.DroppedCharacters] = []

        func copy() -> Extra {
            let extra = Extra()
            (extra.url, extra.title, extra.level) = (url, title, level)
            (extra.ordered, extra.listStart, extra.tight) = (ordered, listStart, tight)
            (extra.fenceInfo, extra.taskChecked, extra.isHeaderRow, extra.alignments) = (fenceInfo, taskChecked, isHeaderRow, alignments)
            extra.droppedCharacters = droppedCharacters
            return extra
        }
    }

    var kind: Kind
    private var lines: (start: Int32, end: Int32) = (0, 0)
    private var columns: (start: Int32, end: Int32) = (0, 0)
    var children: [MarkdownNode] = []
    /// Text of leaf nodes (text, code, code block, raw HTML); for a footnote reference, its index.
    var literal: String = ""
    private var extra: Extra?

    init(kind: Kind) {
        self.kind = kind
    }

    /// The box of the rare fields, made on the first change of one.
    private var changingExtra: Extra {
        if let extra { return extra }
        let made = Extra()
        extra = made
        return made
    }

    var url: String {
        get { extra?.url ?? "" }
        set { changingExtra.url = newValue }
    }
    var title: String {
        get { extra?.title ?? "" }
        set { changingExtra.title = newValue }
    }
    /// Heading level, 1 to 6.
    var level: Int {
        get { extra?.level ?? 0 }
        set { changingExtra.level = newValue }
    }
    var ordered: Bool {
        get { extra?.ordered ?? false }
        set { changingExtra.ordered = newValue }
    }
    var listStart: Int {
        get { extra?.listStart ?? 1 }
        set { changingExtra.listStart = newValue }
    }
    var tight: Bool {
        get { extra?.tight ?? true }
        set { changingExtra.tight = newValue }
    }
    var fenceInfo: String {
        get { extra?.fenceInfo ?? "" }
        set { changingExtra.fenceInfo = newValue }
    }
    /// `nil` for an item that is not a task item.
    var taskChecked: Bool? {
        get { extra?.taskChecked }
        set { changingExtra.taskChecked = newValue }
    }
    var isHeaderRow: Bool {
        get { extra?.isHeaderRow ?? false }
        set { changingExtra.isHeaderRow = newValue }
    }
    var alignments: [UInt8] {
        get { extra?.alignments ?? [] }
        set { changingExtra.alignments = newValue }
    }
    /// On a parsed text's document node: the characters no edition can carry that its
    /// character references wrote (`&#x1;`), left out of the tree, with where they were.
    var droppedCharacters: [MarkdownParser.DroppedCharacters] {
        get { extra?.droppedCharacters ?? [] }
        set { changingExtra.droppedCharacters = newValue }
    }

    /// 1-based source position from cmark (columns in bytes); 0 when cmark has none.
    var startLine: Int {
        get { Int(lines.start) }
        set { lines.start = Int32(clamping: newValue) }
    }
    var startColumn: Int {
        get { Int(columns.start) }
        set { columns.start = Int32(clamping: newValue) }
    }
    var endLine: Int {
        get { Int(lines.end) }
        set { lines.end = Int32(clamping: newValue) }
    }
    var endColumn: Int {
        get { Int(columns.end) }
        set { columns.end = Int32(clamping: newValue) }
    }

    /// A node like this one (sharing its children), to be changed.
    func copy() -> MarkdownNode {
        let node = MarkdownNode(kind: kind)
        node.lines = lines
        node.columns = columns
        node.children = children
        node.literal = literal
        node.extra = extra?.copy()
        return node
    }
}

/// Parses Report Markdown with cmark-gfm and its GFM extensions.
enum MarkdownParser {
    /// Nesting deeper than this is refused: it keeps every later walk's recursion bounded.
    static let maximumDepth = 128

    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Held while cmark-gfm parses. Its inline parser reads a table of special characters
    /// that is global to the library, and every parse with extensions adds their characters
    /// to it and takes them out again when done (at the end of the parse, and around each
    /// table row): a parse on another thread would meanwhile miss strikethrough, autolinks
    /// and table cells. (cmark-gfm pull request 176, "Made cmark re-entrant", is not merged.)
    /// Copying the tree into Swift, which touches no such table, runs outside the lock.
    private static let parseLock = NSLock()

    struct TooDeep: Error {
        var line: Int
        var column: Int
    }

    /// Characters that XML 1.0 (and so no edition) can carry, written as character
    /// references in the text: the source's own bytes hold none (see `SourceText`), but
    /// cmark-gfm decodes `&#x1;` into U+0001. Left out of the tree where cmark-gfm puts
    /// them, and reported at the node that held them.
    struct DroppedCharacters {
        var line: Int
        var column: Int
        var scalars: [Unicode.Scalar]
    }

    /// Parses `bytes` into a Swift tree; throws `TooDeep` at the first node nested deeper
    /// than `maximumDepth`. `lineOffset` is added to every line number (for a piece of a
    /// larger text, see `PieceParser`).
    static func parse(_ bytes: [UInt8], lineOffset: Int = 0) throws(TooDeep) -> MarkdownNode {
        try parse(bytes[...], lineOffset: lineOffset)
    }

    /// Parses `bytes`, which start on line `lineOffset + 1` of the file. `autolinks`: whether
    /// to attach the autolink extension; by default, when the text may hold an autolink.
    static func parse(_ bytes: ArraySlice<UInt8>, lineOffset: Int, autolinks: Bool? = nil) throws(TooDeep) -> MarkdownNode {
        _ = extensionsRegistered
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART
        let extensions = ["table", "strikethrough", "tasklist"] + (autolinks ?? mayHoldAutolinks(bytes) ? ["autolink"] : [])
        let document: OpaquePointer = parseLock.withLock {
            guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new failed: out of memory") }
            defer { cmark_parser_free(parser) }
            for name in extensions {
                if let syntaxExtension = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, syntaxExtension)
                }
            }
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            guard let document = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish failed") }
            return document
        }
        defer { cmark_node_free(document) }
        return try copy(document, lineOffset: lineOffset)
    }

    /// Whether the autolink extension could find anything in `bytes`: it makes links only of
    /// `www.`, of an address with `://` and of an e-mail address (`@`). Without any of them
    /// it is not attached, for it changes nothing then but cost: it makes `w`, `:` and `@`
    /// special, and cmark-gfm cuts the text at each special character into nodes that it
    /// joins again only at the end, so a paragraph of millions of words would take many
    /// times its size while it is parsed (`Scripts/hostile`'s 8 MB line).
    /// Checked over the bytes, `www` in any case.
    static func mayHoldAutolinks(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            guard text.count >= 3 else { return text.contains(UInt8(ascii: "@")) }
            for index in 0..<text.count {
                switch text[index] {
                case UInt8(ascii: "@"): return true
                case UInt8(ascii: ":"):
                    if index + 2 < text.count, text[index + 1] == UInt8(ascii: "/"), text[index + 2] == UInt8(ascii: "/") { return true }
                case UInt8(ascii: "w"), UInt8(ascii: "W"):
                    if index + 3 < text.count, text[index + 1] | 0x20 == UInt8(ascii: "w"), text[index + 2] | 0x20 == UInt8(ascii: "w"),
                        text[index + 3] == UInt8(ascii: ".")
                    {
                        return true
                    }
                default: break
                }
            }
            return false
        }
    }

    /// Copies the C tree without recursion: a stack holds the nodes whose children are
    /// still being copied, with their C nodes so that the walk can go on to their siblings.
    ///
    /// Each C node is freed as soon as it and its children are copied, so the two trees are
    /// never both whole in memory, not even for one large block (a table of 500,000 cells,
    /// a list of 200,000 items: each tree is many times the text). The document node itself
    /// is left for the caller to free.
    private static func copy(_ root: OpaquePointer, lineOffset: Int) throws(TooDeep) -> MarkdownNode {
        var dropped: [DroppedCharacters] = []
        var stack: [(node: MarkdownNode, pointer: OpaquePointer)] = [(node(from: root, lineOffset: lineOffset, dropped: &dropped), root)]
        var current = cmark_node_first_child(root)
        while true {
            if let pointer = current {
                let copied = node(from: pointer, lineOffset: lineOffset, dropped: &dropped)
                if var last = dropped.last, last.line == 0 {
                    // An inline without a position of its own: where the nearest block is.
                    let owner = stack.last { $0.node.startLine > 0 }?.node
                    (last.line, last.column) = (owner?.startLine ?? 0, owner?.startColumn ?? 0)
                    dropped[dropped.count - 1] = last
                }
                if let child = cmark_node_first_child(pointer) {
                    if stack.count >= maximumDepth {
                        throw TooDeep(line: copied.startLine, column: copied.startColumn)
                    }
                    stack.append((copied, pointer))
                    current = child
                } else {
                    stack[stack.count - 1].node.children.append(copied)
                    current = cmark_node_next(pointer)
                    cmark_node_free(pointer)
                }
            } else {
                let finished = stack.removeLast()
                guard !stack.isEmpty else {
                    if !dropped.isEmpty { finished.node.droppedCharacters = dropped }
                    return finished.node
                }
                stack[stack.count - 1].node.children.append(finished.node)
                current = cmark_node_next(finished.pointer)
                cmark_node_free(finished.pointer)
            }
        }
    }

    /// `dropped` gets the characters left out of the node's strings, if any.
    private static func node(from pointer: OpaquePointer, lineOffset: Int, dropped: inout [DroppedCharacters]) -> MarkdownNode {
        let node = MarkdownNode(kind: kind(of: pointer))
        let startLine = Int(cmark_node_get_start_line(pointer))
        let endLine = Int(cmark_node_get_end_line(pointer))
        node.startLine = startLine == 0 ? 0 : startLine + lineOffset
        node.startColumn = Int(cmark_node_get_start_column(pointer))
        node.endLine = endLine == 0 ? 0 : endLine + lineOffset
        node.endColumn = Int(cmark_node_get_end_column(pointer))
        var droppedHere: [Unicode.Scalar] = []
        func string(_ pointer: UnsafePointer<CChar>?) -> String {
            let (text, left) = XMLCharacters.sanitized(MarkdownParser.string(pointer))
            droppedHere += left
            return text
        }
        defer {
            if !droppedHere.isEmpty {
                dropped.append(DroppedCharacters(line: node.startLine, column: node.startColumn, scalars: droppedHere))
            }
        }
        switch node.kind {
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline, .footnoteReference:
            node.literal = string(cmark_node_get_literal(pointer))
        case .link, .image:
            node.url = string(cmark_node_get_url(pointer))
            node.title = string(cmark_node_get_title(pointer))
        case .heading:
            node.level = Int(cmark_node_get_heading_level(pointer))
        case .list:
            node.ordered = cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST
            node.listStart = Int(cmark_node_get_list_start(pointer))
            node.tight = cmark_node_get_list_tight(pointer) != 0
        case .item:
            if string(cmark_node_get_type_string(pointer)) == "tasklist" {
                node.taskChecked = cmark_gfm_extensions_get_tasklist_item_checked(pointer)
            }
        case .table:
            let columns = Int(cmark_gfm_extensions_get_table_columns(pointer))
            if let alignments = cmark_gfm_extensions_get_table_alignments(pointer) {
                node.alignments = Array(UnsafeBufferPointer(start: alignments, count: columns))
            }
        case .tableRow:
            node.isHeaderRow = cmark_gfm_extensions_get_table_row_is_header(pointer) != 0
        default:
            break
        }
        if node.kind == .codeBlock {
            node.fenceInfo = string(cmark_node_get_fence_info(pointer))
        }
        return node
    }

    private static func kind(of pointer: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        default: break
        }
        // Extension nodes are told apart by name.
        switch string(cmark_node_get_type_string(pointer)) {
        case "table": return .table
        case "table_header", "table_row": return .tableRow
        case "table_cell": return .tableCell
        case "strikethrough": return .strikethrough
        case "tasklist": return .item
        default: return .unknown
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
