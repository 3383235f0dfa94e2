/// Walks a Markdown tree in document order with an explicit stack: deep nesting costs heap memory
/// in proportion to its depth, never the thread's stack.
///
/// Every block, list item and inline is entered, then its children are walked, then it is exited;
/// a node without children (text, a code block) is entered and exited at once. A list's children
/// are its items, and an item's children are its blocks. `visit` answers each enter event with
/// whether to walk the node's children; its answer to an exit event is not read.
///
/// ```swift
/// Walker.walk(blocks) { event in
///     if case .enterBlock(.heading) = event { return .skipChildren }
///     return .visitChildren
/// }
/// ```
///
/// The walk is `@inlinable` so that it is specialized for each `visit`: the events are then made
/// and taken apart in place, and a walk costs no more than the recursion it replaces.
public enum Walker {
    /// One step of the walk.
    public enum Event: Sendable {
        case enterBlock(Block)
        case exitBlock(Block)
        /// A list item; the list's style says whether it is tight.
        case enterItem(ListStyle)
        case exitItem(ListStyle)
        case enterInline(Inline)
        case exitInline(Inline)
    }

    /// What the walk does after an enter event.
    public enum Step: Sendable {
        case visitChildren
        /// The node's exit is the next event.
        case skipChildren
    }

    /// Walks `blocks`, their items and their inlines.
    @inlinable public static func walk(_ blocks: [Block], _ visit: (Event) -> Step) {
        var stack: [BlockLevel] = []
        var inlineStack: [InlineLevel] = []
        var level = BlockLevel(blocks)
        while true {
            if let style = level.listStyle {
                if level.index < level.items.count {
                    if visit(.enterItem(style)) == .visitChildren {
                        let item = level.items[level.index]
                        stack.append(consume level)
                        level = BlockLevel(item)
                        continue
                    }
                    _ = visit(.exitItem(style))
                    level.index += 1
                    continue
                }
            } else if level.index < level.blocks.count {
                let step = visit(.enterBlock(level.blocks[level.index]))
                switch level.blocks[level.index] {
                case .paragraph(let inlines, _) where step == .visitChildren, .heading(_, let inlines, _, _) where step == .visitChildren:
                    walk(inlines, visit, stack: &inlineStack)
                case .blockQuote(let blocks) where step == .visitChildren:
                    stack.append(consume level)
                    level = BlockLevel(blocks)
                    continue
                case .list(let style, let items) where step == .visitChildren:
                    stack.append(consume level)
                    level = BlockLevel(items, style: style)
                    continue
                default:
                    break
                }
                _ = visit(.exitBlock(level.blocks[level.index]))
                level.index += 1
                continue
            }
            // The level is done: the parent's current child, a list item, block quote or list, owns it.
            guard let parent = stack.popLast() else { return }
            level = consume parent
            if let style = level.listStyle {
                _ = visit(.exitItem(style))
            } else {
                _ = visit(.exitBlock(level.blocks[level.index]))
            }
            level.index += 1
        }
    }

    /// Walks `inlines` and their children.
    @inlinable public static func walk(_ inlines: [Inline], _ visit: (Event) -> Step) {
        var stack: [InlineLevel] = []
        walk(inlines, visit, stack: &stack)
    }
}

// MARK: - Levels

extension Walker {
    /// The blocks of the root, a block quote or a list item, or the items of a list, and the
    /// index of the child being walked (which owns the level above while that is walked).
    @usableFromInline struct BlockLevel {
        @usableFromInline var blocks: [Block]
        @usableFromInline var items: [[Block]]
        /// The list's style for a level of items; nil for a level of blocks.
        @usableFromInline var listStyle: ListStyle?
        @usableFromInline var index = 0

        @inlinable init(_ blocks: [Block]) {
            self.blocks = blocks
            items = []
            listStyle = nil
        }

        @inlinable init(_ items: [[Block]], style: ListStyle) {
            blocks = []
            self.items = items
            listStyle = style
        }
    }

    /// Inlines and the index of the one being walked.
    @usableFromInline struct InlineLevel {
        @usableFromInline var inlines: [Inline]
        @usableFromInline var index = 0

        @inlinable init(_ inlines: [Inline]) {
            self.inlines = inlines
        }
    }

    /// Inlines contain only inlines: they are walked with a stack of their own, which is kept
    /// (empty) from one paragraph to the next.
    @inlinable static func walk(_ inlines: [Inline], _ visit: (Event) -> Step, stack: inout [InlineLevel]) {
        var level = InlineLevel(inlines)
        while true {
            if level.index < level.inlines.count {
                let step = visit(.enterInline(level.inlines[level.index]))
                switch level.inlines[level.index] {
                case .emphasis(let children) where step == .visitChildren, .strong(let children) where step == .visitChildren,
                    .link(_, _, let children, _) where step == .visitChildren, .image(_, _, let children, _) where step == .visitChildren:
                    stack.append(consume level)
                    level = InlineLevel(children)
                default:
                    _ = visit(.exitInline(level.inlines[level.index]))
                    level.index += 1
                }
                continue
            }
            guard let parent = stack.popLast() else { return }
            level = consume parent
            _ = visit(.exitInline(level.inlines[level.index]))
            level.index += 1
        }
    }
}
