import CCmarkGFM
import Foundation

/// A Swift copy of one cmark-gfm node. The C tree is walked once, copied into these
/// objects and freed before parsing returns, so no C pointer escapes the parser.
///
/// A class, not a struct: the converters pass nodes and their children around a great
/// deal, and a struct this wide cost a dozen reference counts per copy (a fifth of the
/// reader's time on large reports). Nodes are not changed once parsed; a converter that
/// needs a changed node changes a `copy()`.
final class MarkdownNode {
    enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case footnoteDefinition, table, tableRow, tableCell
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough, link, image
        case footnoteReference
        case unknown(String)
    }

    var kind: Kind
    var children: [MarkdownNode] = []
    /// Text of leaf nodes (text, code, code block, raw HTML); for a footnote reference, its index.
    var literal: String = ""
    var url: String = ""
    var title: String = ""
    /// Heading level, 1 to 6.
    var level: Int = 0
    var ordered = false
    var listStart = 1
    var tight = true
    var fenceInfo = ""
    /// `nil` for an item that is not a task item.
    var taskChecked: Bool?
    var isHeaderRow = false
    var alignments: [UInt8] = []
    /// 1-based source position from cmark (columns in bytes); 0 when cmark has none.
    var startLine = 0
    var startColumn = 0
    var endLine = 0
    var endColumn = 0

    init(kind: Kind) {
        self.kind = kind
    }

    /// A node like this one (sharing its children), to be changed.
    func copy() -> MarkdownNode {
        let node = MarkdownNode(kind: kind)
        node.children = children
        node.literal = literal
        node.url = url
        node.title = title
        node.level = level
        node.ordered = ordered
        node.listStart = listStart
        node.tight = tight
        node.fenceInfo = fenceInfo
        node.taskChecked = taskChecked
        node.isHeaderRow = isHeaderRow
        node.alignments = alignments
        node.startLine = startLine
        node.startColumn = startColumn
        node.endLine = endLine
        node.endColumn = endColumn
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

    /// Parses `bytes` into a Swift tree; throws `TooDeep` at the first node nested deeper
    /// than `maximumDepth`. `lineOffset` is added to every line number (for a piece of a
    /// larger text, see `ChunkedParser`).
    static func parse(_ bytes: [UInt8], lineOffset: Int = 0) throws(TooDeep) -> MarkdownNode {
        try parse(bytes[...], lineOffset: lineOffset)
    }

    /// Parses `bytes`, which start on line `lineOffset + 1` of the file.
    static func parse(_ bytes: ArraySlice<UInt8>, lineOffset: Int) throws(TooDeep) -> MarkdownNode {
        _ = extensionsRegistered
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
        let document: OpaquePointer = parseLock.withLock {
            guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new failed: out of memory") }
            defer { cmark_parser_free(parser) }
            for name in ["table", "strikethrough", "autolink", "tasklist"] {
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

    /// Copies the C tree without recursion: a stack holds the nodes whose children are
    /// still being copied, with their C nodes so that the walk can go on to their siblings.
    ///
    /// Each top-level block's C subtree is freed as soon as it is copied, so the two trees
    /// are never both whole in memory (on a large report each is many times its size).
    /// The document node itself is left for the caller to free.
    private static func copy(_ root: OpaquePointer, lineOffset: Int) throws(TooDeep) -> MarkdownNode {
        var stack: [(node: MarkdownNode, pointer: OpaquePointer)] = [(node(from: root, lineOffset: lineOffset), root)]
        var current = cmark_node_first_child(root)
        while true {
            if let pointer = current {
                let copied = node(from: pointer, lineOffset: lineOffset)
                if let child = cmark_node_first_child(pointer) {
                    if stack.count >= maximumDepth {
                        throw TooDeep(line: copied.startLine, column: copied.startColumn)
                    }
                    stack.append((copied, pointer))
                    current = child
                } else {
                    stack[stack.count - 1].node.children.append(copied)
                    current = cmark_node_next(pointer)
                    if stack.count == 1 { cmark_node_free(pointer) }
                }
            } else {
                let finished = stack.removeLast()
                guard !stack.isEmpty else { return finished.node }
                stack[stack.count - 1].node.children.append(finished.node)
                current = cmark_node_next(finished.pointer)
                if stack.count == 1 { cmark_node_free(finished.pointer) }
            }
        }
    }

    private static func node(from pointer: OpaquePointer, lineOffset: Int) -> MarkdownNode {
        let node = MarkdownNode(kind: kind(of: pointer))
        let startLine = Int(cmark_node_get_start_line(pointer))
        let endLine = Int(cmark_node_get_end_line(pointer))
        node.startLine = startLine == 0 ? 0 : startLine + lineOffset
        node.startColumn = Int(cmark_node_get_start_column(pointer))
        node.endLine = endLine == 0 ? 0 : endLine + lineOffset
        node.endColumn = Int(cmark_node_get_end_column(pointer))
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
        case let other: return .unknown(other)
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
