/// Rebuilds a Markdown tree bottom-up with an explicit stack: each block and inline is handed to a
/// transform after its children were rewritten, in document order among nodes that do not contain
/// one another (so the first heading or text is transformed first). Deep nesting costs heap memory
/// in proportion to its depth, never the thread's stack.
public enum Rewriter {
    /// A block or an inline, as `rewrite(_:entering:block:inline:)` asks whether to rewrite its children.
    public enum Node {
        case block(Block)
        case inline(Inline)
    }

    /// `blocks` with each block replaced by `block(_:)` of it; inlines are neither visited nor
    /// changed.
    public static func rewrite(_ blocks: [Block], block: (Block) -> Block) -> [Block] {
        rewrite(blocks, visitsInlines: false, entering: { _ in true }, block: block, inline: { _, _ in })
    }

    /// `blocks` with their blocks and inlines rewritten.
    ///
    /// - Parameters:
    ///   - entering: called when a block or inline with children (a paragraph, a link) is
    ///     reached, before its children: false keeps its children as they are. The node itself is
    ///     still transformed.
    ///   - block: the block that replaces a block.
    ///   - inline: appends what replaces an inline to its rewritten siblings (itself, nothing, or
    ///     several inlines).
    public static func rewrite(
        _ blocks: [Block], entering: (Node) -> Bool = { _ in true }, block: (Block) -> Block = { $0 },
        inline: (Inline, inout [Inline]) -> Void
    ) -> [Block] {
        rewrite(blocks, visitsInlines: true, entering: entering, block: block, inline: inline)
    }
}

// MARK: - The stack

private extension Rewriter {
    /// A level of the tree being rebuilt: what owns it, the children read so far and those written.
    struct BlockFrame {
        enum Owner {
            case root
            case blockQuote
            case item
            case list(ListStyle)
        }

        var owner: Owner
        var blocks: [Block] = []
        var items: [[Block]] = []
        var index = 0
        var rewrittenBlocks: [Block] = []
        var rewrittenItems: [[Block]] = []

        init(_ owner: Owner, blocks: [Block]) {
            self.owner = owner
            self.blocks = blocks
            rewrittenBlocks.reserveCapacity(blocks.count)
        }

        init(list style: ListStyle, items: [[Block]]) {
            owner = .list(style)
            self.items = items
            rewrittenItems.reserveCapacity(items.count)
        }
    }

    /// A level of inlines being rebuilt; `owner` is nil for the inlines of a block.
    struct InlineFrame {
        var owner: Inline?
        var inlines: [Inline]
        var index = 0
        var rewritten: [Inline] = []

        init(_ owner: Inline?, inlines: [Inline]) {
            self.owner = owner
            self.inlines = inlines
            rewritten.reserveCapacity(inlines.count)
        }
    }

    /// The current level is a local variable, and its ancestors wait on a stack: a child is
    /// appended to a uniquely held array, never to a copy.
    static func rewrite(
        _ blocks: [Block], visitsInlines: Bool, entering: (Node) -> Bool, block transform: (Block) -> Block,
        inline: (Inline, inout [Inline]) -> Void
    ) -> [Block] {
        var stack: [BlockFrame] = []
        var inlineStack: [InlineFrame] = []
        var current = BlockFrame(.root, blocks: blocks)
        func rewritten(_ inlines: [Inline], of block: Block) -> [Inline] {
            guard visitsInlines, entering(.block(block)) else { return inlines }
            return rewrite(inlines, stack: &inlineStack, entering: entering, inline: inline)
        }
        while true {
            if case .list = current.owner, current.index < current.items.count {
                let item = current.items[current.index]
                current.index += 1
                stack.append(current)
                current = BlockFrame(.item, blocks: item)
                continue
            }
            if current.index < current.blocks.count {
                let block = current.blocks[current.index]
                current.index += 1
                switch block {
                case .paragraph(let inlines, let position):
                    current.rewrittenBlocks.append(transform(.paragraph(rewritten(inlines, of: block), position)))
                case .heading(let level, let content, let id, let position):
                    let content = rewritten(content, of: block)
                    current.rewrittenBlocks.append(transform(.heading(level: level, content: content, id: id, position)))
                case .blockQuote(let children) where entering(.block(block)):
                    stack.append(current)
                    current = BlockFrame(.blockQuote, blocks: children)
                case .list(let style, let items) where entering(.block(block)):
                    stack.append(current)
                    current = BlockFrame(list: style, items: items)
                default:
                    current.rewrittenBlocks.append(transform(block))
                }
                continue
            }
            // The level is complete: it becomes a child of the level that waits above it.
            switch current.owner {
            case .root:
                return current.rewrittenBlocks
            case .blockQuote:
                let children = current.rewrittenBlocks
                current = stack.removeLast()
                current.rewrittenBlocks.append(transform(.blockQuote(children)))
            case .item:
                let item = current.rewrittenBlocks
                current = stack.removeLast()
                current.rewrittenItems.append(item)
            case .list(let style):
                let items = current.rewrittenItems
                current = stack.removeLast()
                current.rewrittenBlocks.append(transform(.list(style, items: items)))
            }
        }
    }

    /// Inlines contain only inlines: their levels wait on a stack of their own, which is kept
    /// (empty) from one block to the next.
    static func rewrite(
        _ inlines: [Inline], stack: inout [InlineFrame], entering: (Node) -> Bool, inline transform: (Inline, inout [Inline]) -> Void
    ) -> [Inline] {
        var current = InlineFrame(nil, inlines: inlines)
        while true {
            if current.index < current.inlines.count {
                let inline = current.inlines[current.index]
                current.index += 1
                switch inline {
                case .emphasis(let children), .strong(let children), .link(_, _, let children, _), .image(_, _, let children, _):
                    if entering(.inline(inline)) {
                        stack.append(current)
                        current = InlineFrame(inline, inlines: children)
                    } else {
                        transform(inline, &current.rewritten)
                    }
                case .text, .softBreak, .lineBreak, .code, .html, .abbreviation:
                    transform(inline, &current.rewritten)
                }
                continue
            }
            let finished = current.rewritten
            let rebuilt: Inline
            switch current.owner {
            case nil: return finished
            case .emphasis: rebuilt = .emphasis(finished)
            case .strong: rebuilt = .strong(finished)
            case .link(let destination, let title, _, let position):
                rebuilt = .link(destination: destination, title: title, content: finished, position)
            case .image(let source, let title, _, let position): rebuilt = .image(source: source, title: title, alt: finished, position)
            case .text, .softBreak, .lineBreak, .code, .html, .abbreviation:
                preconditionFailure("only inlines with children own a level")
            }
            current = stack.removeLast()
            transform(rebuilt, &current.rewritten)
        }
    }
}
