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
    /// in a paragraph one): far beyond what a report needs, and shallow enough that every walk of
    /// the Swift tree, and freeing it, stays well inside a thread's stack.
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
            let reader = NodeReader(lines: LineIndex(source, bytes: buffer))
            let survey = survey(document)
            if let tooDeep = survey.tooDeep {
                return .failure(.nestedTooDeep(reader.blockPosition(of: tooDeep), limit: maximumNesting))
            }
            return .success(Document(blocks: reader.blocks(under: document), rawHTML: survey.rawHTML.map(reader.blockPosition(of:))))
        }.get()
    }

    /// The first node nested deeper than `maximumNesting`, and the raw HTML nodes, found with
    /// cmark's own iterator, which keeps no stack of its own.
    private static func survey(_ document: OpaquePointer) -> (tooDeep: OpaquePointer?, rawHTML: [OpaquePointer]) {
        guard let iterator = cmark_iter_new(document) else { preconditionFailure("cmark_iter_new returned no iterator") }
        defer { cmark_iter_free(iterator) }
        var depth = 0
        var rawHTML: [OpaquePointer] = []
        while true {
            switch cmark_iter_next(iterator) {
            case CMARK_EVENT_ENTER:
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE { rawHTML.append(node) }
                // Leaves get an enter event only, containers an enter and an exit.
                guard !isLeaf(type) else { continue }
                depth += 1
                if depth > maximumNesting + 1 { return (node, rawHTML) }  // the document itself is not nesting
            case CMARK_EVENT_EXIT:
                depth -= 1
            default:
                return (nil, rawHTML)
            }
        }
    }

    private static func isLeaf(_ type: cmark_node_type) -> Bool {
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
        // ASCII other than "\r" (which joins a following "\n") is one character per byte.
        if !bytes[start..<end].contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) {
            return SourcePosition(line: line, column: end - start + 1)
        }
        return SourcePosition(line: line, column: characterCount(from: start, to: end) + 1)
    }

    /// The characters of `source` between two UTF-8 offsets.
    func characterCount(from start: Int, to end: Int) -> Int {
        let utf8 = source.utf8
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]).count
    }
}

private struct NodeReader {
    let lines: LineIndex

    func blocks(under parent: OpaquePointer) -> [Block] {
        children(of: parent, block)
    }

    /// Reads the children of `node` in order into an array sized once, without an intermediate
    /// array of pointers.
    private func children<T>(of node: OpaquePointer, _ read: (OpaquePointer) -> T?) -> [T] {
        var count = 0
        var child = cmark_node_first_child(node)
        while let current = child {
            count += 1
            child = cmark_node_next(current)
        }
        var result: [T] = []
        result.reserveCapacity(count)
        child = cmark_node_first_child(node)
        while let current = child {
            if let value = read(current) { result.append(value) }
            child = cmark_node_next(current)
        }
        return result
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

    private func block(_ node: OpaquePointer) -> Block? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(under: node), position(of: node))
        case CMARK_NODE_HEADING:
            let level = Int(cmark_node_get_heading_level(node))
            return .heading(level: level, content: inlines(under: node), id: nil, position(of: node))
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(under: node))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let style = ListStyle(
                start: ordered ? Int(cmark_node_get_list_start(node)) : nil,
                isTight: cmark_node_get_list_tight(node) != 0
            )
            return .list(style, items: children(of: node, blocks(under:)))
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .codeBlock(info: info, literal: literal(of: node), position(of: node))
        case CMARK_NODE_HTML_BLOCK:
            return .htmlBlock(literal(of: node), position(of: node))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        default:
            return nil
        }
    }

    /// Links and images carry their own position; the other inlines need none.
    private func inlines(under parent: OpaquePointer) -> [Inline] {
        children(of: parent, inline)
    }

    private func inline(_ node: OpaquePointer) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(of: node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal(of: node))
        case CMARK_NODE_HTML_INLINE: return .html(literal(of: node))
        case CMARK_NODE_EMPH: return .emphasis(inlines(under: node))
        case CMARK_NODE_STRONG: return .strong(inlines(under: node))
        case CMARK_NODE_LINK:
            return .link(
                destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                title: cmark_node_get_title(node).map { String(cString: $0) } ?? "",
                content: inlines(under: node), blockPosition(of: node))
        case CMARK_NODE_IMAGE:
            return .image(
                source: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                title: cmark_node_get_title(node).map { String(cString: $0) } ?? "",
                alt: inlines(under: node), blockPosition(of: node))
        default:
            return nil
        }
    }
}
