import CCmark

/// Parses CommonMark with libcmark and returns the document as Swift values.
///
/// This is the only file that touches cmark: every C node is read here and freed before
/// `parse` returns.
public enum CommonMark {
    /// Parses `source` into blocks. cmark accepts any input, so this cannot fail.
    public static func parse(_ source: String) -> [Block] {
        var source = source
        let lines = LineIndex(source)
        return source.withUTF8 { buffer in
            let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
            guard let document = cmark_parse_document(buffer.baseAddress, buffer.count, options) else {
                preconditionFailure("cmark_parse_document returned no document")
            }
            defer { cmark_node_free(document) }
            return NodeReader(lines: lines).blocks(under: document)
        }
    }
}

/// Converts cmark's byte columns to character columns. Line starts are found once on the UTF-8
/// bytes; a column is counted only for the blocks that ask.
private struct LineIndex {
    private let source: String
    /// The UTF-8 offset where each line starts.
    private let starts: [Int]

    init(_ source: String) {
        self.source = source
        var starts = [0]
        for (offset, byte) in source.utf8.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.starts = starts
    }

    func position(line: Int, byteColumn: Int) -> SourcePosition {
        guard line >= 1, line <= starts.count, byteColumn > 1 else {
            return SourcePosition(line: max(line, 1), column: max(byteColumn, 1))
        }
        let utf8 = source.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[line - 1])
        let end = utf8.index(start, offsetBy: byteColumn - 1, limitedBy: utf8.endIndex) ?? utf8.endIndex
        return SourcePosition(line: line, column: Substring(utf8[start..<end]).count + 1)
    }
}

private struct NodeReader {
    let lines: LineIndex

    func blocks(under parent: OpaquePointer) -> [Block] {
        children(of: parent).compactMap(block)
    }

    private func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
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
            let at = position(of: node)
            return .paragraph(inlines(under: node, at: at), at)
        case CMARK_NODE_HEADING:
            let at = position(of: node)
            let level = Int(cmark_node_get_heading_level(node))
            return .heading(level: level, content: inlines(under: node, at: at), id: nil, at)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(under: node))
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let style = ListStyle(
                start: ordered ? Int(cmark_node_get_list_start(node)) : nil,
                isTight: cmark_node_get_list_tight(node) != 0
            )
            return .list(style, items: children(of: node).map(blocks(under:)))
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

    /// Inline positions are not tracked by cmark 0.30, so links take their block's position.
    private func inlines(under parent: OpaquePointer, at blockPosition: SourcePosition) -> [Inline] {
        children(of: parent).compactMap { inline($0, at: blockPosition) }
    }

    private func inline(_ node: OpaquePointer, at: SourcePosition) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(of: node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal(of: node))
        case CMARK_NODE_HTML_INLINE: return .html(literal(of: node))
        case CMARK_NODE_EMPH: return .emphasis(inlines(under: node, at: at))
        case CMARK_NODE_STRONG: return .strong(inlines(under: node, at: at))
        case CMARK_NODE_LINK:
            return .link(
                destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                title: cmark_node_get_title(node).map { String(cString: $0) } ?? "",
                content: inlines(under: node, at: at), at)
        case CMARK_NODE_IMAGE:
            return .image(
                source: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                title: cmark_node_get_title(node).map { String(cString: $0) } ?? "",
                alt: inlines(under: node, at: at), at)
        default:
            return nil
        }
    }
}
