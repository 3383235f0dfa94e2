// Equality and hashing of blocks and inlines on the Walker: the synthesized `==` and
// `hash(into:)` recurse once per level of nesting.

extension Block {
    /// Two blocks are equal when their walks are: the same nodes, with the same fields, entered and
    /// left in the same order.
    public static func == (lhs: Block, rhs: Block) -> Bool {
        NodeFields.of { Walker.walk([lhs], $0) } == NodeFields.of { Walker.walk([rhs], $0) }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(NodeFields.of { Walker.walk([self], $0) }) }
}

extension Inline {
    /// Two inlines are equal when their walks are (see `Block.==`).
    public static func == (lhs: Inline, rhs: Inline) -> Bool {
        NodeFields.of { Walker.walk([lhs], $0) } == NodeFields.of { Walker.walk([rhs], $0) }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(NodeFields.of { Walker.walk([self], $0) }) }
}

// MARK: - One event at a time

/// What an event says about its node, children aside: comparing and hashing these, event by
/// event, compares and hashes whole trees.
private enum NodeFields: Hashable {
    case paragraph(SourcePosition)
    case heading(level: Int, id: String?, SourcePosition)
    case blockQuote
    case list(ListStyle)
    case codeBlock(info: String, literal: String, SourcePosition)
    case htmlBlock(String, SourcePosition)
    case thematicBreak
    case generated(String)
    case item(ListStyle)
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case html(String)
    case emphasis
    case strong
    case link(destination: String, title: String, SourcePosition)
    case image(source: String, title: String, SourcePosition)
    case abbreviation(String, title: String, language: String?)
    case span(String, language: String)
    case sectionNumber(String)
    /// The end of the node last entered (its fields were compared when it was entered).
    case exit

    init(_ event: Walker.Event) {
        switch event {
        case .enterBlock(let block): self.init(block)
        case .enterItem(let style): self = .item(style)
        case .enterInline(let inline): self.init(inline)
        case .exitBlock, .exitItem, .exitInline: self = .exit
        }
    }

    init(_ block: Block) {
        switch block {
        case .paragraph(_, let position): self = .paragraph(position)
        case .heading(let level, _, let id, let position): self = .heading(level: level, id: id, position)
        case .blockQuote: self = .blockQuote
        case .list(let style, _): self = .list(style)
        case .codeBlock(let info, let literal, let position): self = .codeBlock(info: info, literal: literal, position)
        case .htmlBlock(let html, let position): self = .htmlBlock(html, position)
        case .thematicBreak: self = .thematicBreak
        case .generated(let html): self = .generated(html)
        }
    }

    init(_ inline: Inline) {
        switch inline {
        case .text(let text): self = .text(text)
        case .softBreak: self = .softBreak
        case .lineBreak: self = .lineBreak
        case .code(let code): self = .code(code)
        case .html(let html): self = .html(html)
        case .emphasis: self = .emphasis
        case .strong: self = .strong
        case .link(let destination, let title, _, let position): self = .link(destination: destination, title: title, position)
        case .image(let source, let title, _, let position): self = .image(source: source, title: title, position)
        case .abbreviation(let text, let title, let language): self = .abbreviation(text, title: title, language: language)
        case .span(let text, let language): self = .span(text, language: language)
        case .sectionNumber(let label): self = .sectionNumber(label)
        }
    }
}

private extension NodeFields {
    /// The fields of every event of `walk`, in order.
    static func of(_ walk: ((Walker.Event) -> Walker.Step) -> Void) -> [NodeFields] {
        var fields: [NodeFields] = []
        walk { event in
            fields.append(NodeFields(event))
            return .visitChildren
        }
        return fields
    }
}
