import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parses CommonMark with libcmark and returns the document as Swift values.
///
/// This is the only file that touches cmark: every C node is read here and freed before
/// `parse` returns.
public enum CommonMark {
    /// How deep blocks and inline markup may nest (a list item in a list is two levels, emphasis
    /// in a paragraph one): far beyond what a report needs, and shallow enough that freeing the
    /// Swift tree, which the Swift runtime does recursively, stays well inside a thread's stack
    /// (the walks and rewrites keep their stacks on the heap).
    public static let maximumNesting = 100

    /// Parses `source`. cmark accepts any input; a document nested deeper than `maximumNesting`
    /// is refused at the first block or inline that goes too deep, and one that libcmark would
    /// take quadratic time over (see `SourceLimits`) before it is parsed.
    public static func parse(_ source: String) throws(MarkdownLimit) -> Document {
        var contiguous = source
        return try contiguous.withUTF8 { buffer -> Result<Document, MarkdownLimit> in
            if let excess = SourceLimits.firstExcess(in: buffer) { return .failure(excess) }
            // No CMARK_OPT_VALIDATE_UTF8: a Swift string is valid UTF-8 already, and cmark replaces
            // NUL bytes with U+FFFD either way, so the check would find nothing to repair.
            let options = CMARK_OPT_SOURCEPOS
            guard let document = cmark_parse_document(buffer.baseAddress, buffer.count, options) else {
                preconditionFailure("cmark_parse_document returned no document")
            }
            defer { cmark_node_free(document) }
            return NodeReader(lines: LineIndex(source, bytes: buffer)).read(document)
        }.get()
    }

    /// Leaves get an enter event only from cmark's iterator, containers an enter and an exit.
    fileprivate static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK,
            CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            true
        default:
            false
        }
    }
}

/// A document past one of the limits Rapporteur sets on Markdown.
public enum MarkdownLimit: Error, Sendable, Equatable {
    /// Blocks or inline markup nested deeper than `CommonMark.maximumNesting`, at the first
    /// block or inline that goes too deep.
    case nestedTooDeep(SourcePosition, limit: Int)
    /// More image openers (`![`) than libcmark 0.30.2 parses in reasonable time.
    case tooManyImages(SourcePosition, limit: Int)

    public var position: SourcePosition {
        switch self {
        case .nestedTooDeep(let position, _), .tooManyImages(let position, _): position
        }
    }

    /// What is wrong, for a message.
    public var explanation: String {
        switch self {
        case .nestedTooDeep(_, let limit): "nested too deep: blocks and inline markup may nest at most \(limit) levels"
        case .tooManyImages(_, let limit): "too many images: a chapter may have at most \(limit) '![' (image openers)"
        }
    }
}

/// Converts cmark's byte columns to character columns. Line starts are found once on the UTF-8
/// bytes; a column is counted only for the blocks that ask.
struct LineIndex {
    private let source: String
    /// The UTF-8 bytes of `source`, valid only while they are lent (during `CommonMark.parse`).
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The UTF-8 offset where each line starts.
    let starts: [Int]

    init(_ source: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.source = source
        self.bytes = bytes
        var starts = [0]
        if let base = bytes.baseAddress {
            // memchr finds line ends many bytes at a time.
            while let newline = memchr(base + starts[starts.count - 1], 0x0A, bytes.count - starts[starts.count - 1]) {
                starts.append(base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1)
            }
        }
        self.starts = starts
    }

    func position(line: Int, byteColumn: Int) -> SourcePosition {
        guard line >= 1, line <= starts.count, byteColumn > 1 else {
            return SourcePosition(line: max(line, 1), column: max(byteColumn, 1))
        }
        let start = starts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        // Columns count characters, as editors do: cmark's count bytes.
        let utf8 = source.utf8
        let before = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
        return SourcePosition(line: line, column: before.count + 1)
    }
}

/// Reads cmark's tree into Swift values with cmark's iterator: a container's children are
/// gathered on an explicit stack between its enter and exit events, so deep nesting never costs
/// the thread's stack.
private struct NodeReader {
    let lines: LineIndex

    /// A container whose children are being read: its blocks, list items or inlines so far.
    private struct Level {
        let node: OpaquePointer
        var blocks: [Block] = []
        var items: [[Block]] = []
        var inlines: [Inline] = []

        /// Room is made once for all the children, so that no array grows twice.
        init(_ node: OpaquePointer, type: cmark_node_type) {
            self.node = node
            var count = 0
            var child = cmark_node_first_child(node)
            while let current = child {
                count += 1
                child = cmark_node_next(current)
            }
            switch type {
            case CMARK_NODE_LIST: items.reserveCapacity(count)
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                inlines.reserveCapacity(count)
            default: blocks.reserveCapacity(count)
            }
        }
    }

    /// The blocks of `document` and where it has raw HTML, in order, or the first node nested
    /// deeper than `CommonMark.maximumNesting`; one pass of cmark's iterator finds all three.
    func read(_ document: OpaquePointer) -> Result<Document, MarkdownLimit> {
        guard let iterator = cmark_iter_new(document) else { preconditionFailure("cmark_iter_new returned no iterator") }
        defer { cmark_iter_free(iterator) }
        var stack: [Level] = []
        var current = Level(document, type: CMARK_NODE_DOCUMENT)
        var rawHTML: [SourcePosition] = []
        while true {
            let event = cmark_iter_next(iterator)
            guard event == CMARK_EVENT_ENTER || event == CMARK_EVENT_EXIT, let node = cmark_iter_get_node(iterator) else {
                preconditionFailure("cmark's iterator ended before leaving the document")
            }
            if node == document {
                if event == CMARK_EVENT_EXIT { return .success(Document(blocks: current.blocks, rawHTML: rawHTML)) }
                continue
            }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                let finished = consume current
                current = stack.removeLast()
                add(finished, type: type, to: &current)
            } else if CommonMark.isLeaf(type) {
                if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE { rawHTML.append(blockPosition(of: node)) }
                addLeaf(node, type: type, to: &current)
            } else {
                stack.append(consume current)
                current = Level(node, type: type)
                // The stack holds the document and the containers around `node`.
                if stack.count > CommonMark.maximumNesting {
                    return .failure(.nestedTooDeep(blockPosition(of: node), limit: CommonMark.maximumNesting))
                }
            }
        }
    }

    /// The position of `node`, or of its nearest ancestor that has one (inlines have none in cmark 0.30).
    func blockPosition(of node: OpaquePointer) -> SourcePosition {
        var current: OpaquePointer? = node
        while let candidate = current, cmark_node_get_start_line(candidate) <= 0 { current = cmark_node_parent(candidate) }
        return current.map(position(of:)) ?? SourcePosition(line: 1, column: 1)
    }

    private func position(of node: OpaquePointer) -> SourcePosition {
        lines.position(
            line: Int(cmark_node_get_start_line(node)),
            byteColumn: Int(cmark_node_get_start_column(node))
        )
    }

    private func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Adds a container, its children read, to its parent.
    private func add(_ level: Level, type: cmark_node_type, to parent: inout Level) {
        let node = level.node
        switch type {
        case CMARK_NODE_PARAGRAPH:
            parent.blocks.append(.paragraph(level.inlines, position(of: node)))
        case CMARK_NODE_HEADING:
            let headingLevel = Int(cmark_node_get_heading_level(node))
            parent.blocks.append(.heading(level: headingLevel, content: level.inlines, id: nil, position(of: node)))
        case CMARK_NODE_BLOCK_QUOTE:
            parent.blocks.append(.blockQuote(level.blocks))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let style = ListStyle(
                start: ordered ? Int(cmark_node_get_list_start(node)) : nil,
                isTight: cmark_node_get_list_tight(node) != 0
            )
            parent.blocks.append(.list(style, items: level.items))
        case CMARK_NODE_ITEM:
            parent.items.append(level.blocks)
        case CMARK_NODE_EMPH:
            parent.inlines.append(.emphasis(level.inlines))
        case CMARK_NODE_STRONG:
            parent.inlines.append(.strong(level.inlines))
        // Links and images carry their own position; the other inlines need none.
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
            let position = blockPosition(of: node)
            parent.inlines.append(
                type == CMARK_NODE_LINK
                    ? .link(destination: url, title: title, content: level.inlines, position)
                    : .image(source: url, title: title, alt: level.inlines, position))
        default:
            break
        }
    }

    /// Adds a node without children to its parent.
    private func addLeaf(_ node: OpaquePointer, type: cmark_node_type, to parent: inout Level) {
        switch type {
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            parent.blocks.append(.codeBlock(info: info, literal: literal(of: node), position(of: node)))
        case CMARK_NODE_HTML_BLOCK: parent.blocks.append(.htmlBlock(literal(of: node), position(of: node)))
        case CMARK_NODE_THEMATIC_BREAK: parent.blocks.append(.thematicBreak)
        case CMARK_NODE_TEXT: parent.inlines.append(.text(literal(of: node)))
        case CMARK_NODE_SOFTBREAK: parent.inlines.append(.softBreak)
        case CMARK_NODE_LINEBREAK: parent.inlines.append(.lineBreak)
        case CMARK_NODE_CODE: parent.inlines.append(.code(literal(of: node)))
        case CMARK_NODE_HTML_INLINE: parent.inlines.append(.html(literal(of: node)))
        default: break
        }
    }
}
