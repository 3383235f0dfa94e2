/// Rebuilds a Markdown tree bottom-up with an explicit stack: each block and inline is handed to a
/// transform after its children were rewritten, in document order among nodes that do not contain
/// one another (so the first heading or text is transformed first). Deep nesting costs heap memory
/// in proportion to its depth, never the thread's stack.
///
/// `@inlinable` for the same reason as `Walker`: specialized for its closures, it costs no more than
/// the recursion it replaces.
public enum Rewriter {
    /// A block or an inline, as `rewrite(_:entering:block:inline:)` asks whether to rewrite its children.
    public enum Node {
        case block(Block)
        case inline(Inline)
    }

    /// `blocks` with each block replaced by `block(_:)` of it; inlines are neither visited nor
    /// changed.
    @inlinable public static func rewrite(_ blocks: [Block], block: (Block) -> Block) -> [Block] {
        rewrite(blocks, visitsInlines: false, transformsBlocks: true, entering: { _ in true }, block: block, inline: { _, _ in })
    }

    /// `blocks` with their inlines rewritten; the blocks are rebuilt around them.
    ///
    /// - Parameters:
    ///   - entering: called when a block or inline with children (a paragraph, a link) is
    ///     reached, before its children: false keeps its children as they are. The node itself is
    ///     still transformed.
    ///   - inline: appends what replaces an inline to its rewritten siblings (itself, nothing, or
    ///     several inlines).
    @inlinable public static func rewrite(
        _ blocks: [Block], entering: (Node) -> Bool, inline: (Inline, inout [Inline]) -> Void
    ) -> [Block] {
        rewrite(blocks, visitsInlines: true, transformsBlocks: false, entering: entering, block: { $0 }, inline: inline)
    }

    /// `blocks` with their blocks and inlines rewritten: as `rewrite(_:entering:inline:)`, and
    /// each block, its inlines or blocks rewritten, replaced by `block(_:)` of it.
    @inlinable public static func rewrite(
        _ blocks: [Block], entering: (Node) -> Bool, block: (Block) -> Block, inline: (Inline, inout [Inline]) -> Void
    ) -> [Block] {
        rewrite(blocks, visitsInlines: true, transformsBlocks: true, entering: entering, block: block, inline: inline)
    }
}

// MARK: - The stack

extension Rewriter {
    /// A level of blocks or list items read as the walker reads them (`read.index` is the child
    /// being rewritten, which owns the level above it), and the children written so far.
    @usableFromInline struct BlockLevel {
        @usableFromInline var read: Walker.BlockLevel
        @usableFromInline var rewrittenBlocks: [Block] = []
        @usableFromInline var rewrittenItems: [[Block]] = []

        @inlinable init(_ blocks: [Block]) {
            read = Walker.BlockLevel(blocks)
            rewrittenBlocks.reserveCapacity(blocks.count)
        }

        @inlinable init(_ items: [[Block]], style: ListStyle) {
            read = Walker.BlockLevel(items, style: style)
            rewrittenItems.reserveCapacity(items.count)
        }
    }

    /// A level of inlines read as the walker reads them, and those written so far.
    @usableFromInline struct InlineLevel {
        @usableFromInline var read: Walker.InlineLevel
        @usableFromInline var rewritten: [Inline] = []

        @inlinable init(_ inlines: [Inline]) {
            read = Walker.InlineLevel(inlines)
            rewritten.reserveCapacity(inlines.count)
        }
    }

    /// The current level is a local variable, and its ancestors wait on a stack: a child is
    /// appended to a uniquely held array, never to a copy. Inlined into each caller, where the
    /// closures are inlined in turn.
    @inlinable @inline(__always) static func rewrite(
        _ blocks: [Block], visitsInlines: Bool, transformsBlocks: Bool, entering: (Node) -> Bool, block: (Block) -> Block,
        inline: (Inline, inout [Inline]) -> Void
    ) -> [Block] {
        func transform(_ rewritten: Block) -> Block { transformsBlocks ? block(rewritten) : rewritten }
        var stack: [BlockLevel] = []
        var inlineStack: [InlineLevel] = []
        var level = BlockLevel(blocks)
        while true {
            if level.read.listStyle != nil {
                if level.read.index < level.read.items.count {
                    let item = level.read.items[level.read.index]
                    stack.append(consume level)
                    level = BlockLevel(item)
                    continue
                }
            } else if level.read.index < level.read.blocks.count {
                var rewritten = level.read.blocks[level.read.index]
                switch rewritten {
                case .paragraph(let inlines, let position) where visitsInlines && entering(.block(rewritten)):
                    rewritten = .paragraph(rewrite(inlines, entering: entering, inline: inline, stack: &inlineStack), position)
                case .heading(let headingLevel, let content, let id, let position) where visitsInlines && entering(.block(rewritten)):
                    let content = rewrite(content, entering: entering, inline: inline, stack: &inlineStack)
                    rewritten = .heading(level: headingLevel, content: content, id: id, position)
                case .blockQuote(let blocks) where entering(.block(rewritten)):
                    stack.append(consume level)
                    level = BlockLevel(blocks)
                    continue
                case .list(let style, let items) where entering(.block(rewritten)):
                    stack.append(consume level)
                    level = BlockLevel(items, style: style)
                    continue
                default:
                    break
                }
                level.rewrittenBlocks.append(transform(rewritten))
                level.read.index += 1
                continue
            }
            // The level is complete: it becomes a child of the level that waits above it.
            guard var parent = stack.popLast() else { return level.rewrittenBlocks }
            if parent.read.listStyle != nil {
                parent.rewrittenItems.append(level.rewrittenBlocks)
            } else if let style = level.read.listStyle {
                parent.rewrittenBlocks.append(transform(.list(style, items: level.rewrittenItems)))
            } else {
                parent.rewrittenBlocks.append(transform(.blockQuote(level.rewrittenBlocks)))
            }
            parent.read.index += 1
            level = consume parent
        }
    }

    /// Inlines contain only inlines: their levels wait on a stack of their own, which is kept
    /// (empty) from one block to the next.
    @inlinable @inline(__always) static func rewrite(
        _ inlines: [Inline], entering: (Node) -> Bool, inline transform: (Inline, inout [Inline]) -> Void, stack: inout [InlineLevel]
    ) -> [Inline] {
        var level = InlineLevel(inlines)
        while true {
            if level.read.index < level.read.inlines.count {
                let inline = level.read.inlines[level.read.index]
                switch inline {
                case .emphasis(let children), .strong(let children), .link(_, _, let children, _), .image(_, _, let children, _):
                    if entering(.inline(inline)) {
                        stack.append(consume level)
                        level = InlineLevel(children)
                        continue
                    }
                case .text, .softBreak, .lineBreak, .code, .html, .abbreviation, .span, .sectionNumber:
                    break
                }
                transform(inline, &level.rewritten)
                level.read.index += 1
                continue
            }
            guard let parent = stack.popLast() else { return level.rewritten }
            let children = level.rewritten
            let rebuilt: Inline
            switch parent.read.inlines[parent.read.index] {
            case .emphasis: rebuilt = .emphasis(children)
            case .strong: rebuilt = .strong(children)
            case .link(let destination, let title, _, let position):
                rebuilt = .link(destination: destination, title: title, content: children, position)
            case .image(let source, let title, _, let position): rebuilt = .image(source: source, title: title, alt: children, position)
            case .text, .softBreak, .lineBreak, .code, .html, .abbreviation, .span, .sectionNumber:
                preconditionFailure("only inlines with children own a level")
            }
            level = consume parent  // frees the finished level, so that `children` is held once
            transform(rebuilt, &level.rewritten)
            level.read.index += 1
        }
    }
}
