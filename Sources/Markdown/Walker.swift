/// Walks a Markdown tree in document order with an explicit stack: deep nesting costs heap memory
/// in proportion to its depth, never the thread's stack.
///
/// Every block, list item and inline is entered, then its children are walked, then it is exited;
/// a node without children (text, a code block) is entered and exited at once. A list's children
/// are its items, and an item's children are its blocks.
///
/// ```swift
/// var walker = Walker(blocks)
/// while let event = walker.next() {
///     if case .enterBlock(.heading) = event { walker.skipChildren() }
/// }
/// ```
public struct Walker: IteratorProtocol, Sequence {
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

    /// The children being walked at one level, and the event that ends that level.
    fileprivate struct Frame {
        var children: Children
        var index = 0
        /// nil for the root.
        var exit: Event?
    }

    fileprivate enum Children {
        case blocks([Block])
        case items([[Block]], ListStyle)
        case inlines([Inline])
    }

    private var stack: [Frame]
    /// The exit of a node without children, which follows its enter.
    private var pendingExit: Event?
    /// Whether the last event entered a node whose children are on top of the stack.
    private var enteredChildren = false

    /// A walk of `blocks`, their items and their inlines.
    public init(_ blocks: [Block]) {
        stack = [Frame(children: .blocks(blocks))]
    }

    /// A walk of `inlines` and their children.
    public init(_ inlines: [Inline]) {
        stack = [Frame(children: .inlines(inlines))]
    }

    /// The next event, or nil when the walk is over.
    public mutating func next() -> Event? {
        enteredChildren = false
        if let exit = pendingExit {
            pendingExit = nil
            return exit
        }
        while let top = stack.indices.last {
            let index = stack[top].index
            switch stack[top].children {
            case .blocks(let blocks) where index < blocks.count:
                stack[top].index = index + 1
                return enter(blocks[index])
            case .items(let items, let style) where index < items.count:
                stack[top].index = index + 1
                push(.blocks(items[index]), exit: .exitItem(style))
                return .enterItem(style)
            case .inlines(let inlines) where index < inlines.count:
                stack[top].index = index + 1
                return enter(inlines[index])
            default:
                if let exit = stack.removeLast().exit { return exit }
            }
        }
        return nil
    }

    /// Leaves out the children of the node just entered: its exit is the next event. Does
    /// nothing after any other event.
    public mutating func skipChildren() {
        guard enteredChildren else { return }
        enteredChildren = false
        stack[stack.count - 1].children = .inlines([])
    }
}

// MARK: - Entering

private extension Walker {
    mutating func enter(_ block: Block) -> Event {
        switch block {
        case .paragraph(let inlines, _), .heading(_, let inlines, _, _): push(.inlines(inlines), exit: .exitBlock(block))
        case .blockQuote(let blocks): push(.blocks(blocks), exit: .exitBlock(block))
        case .list(let style, let items): push(.items(items, style), exit: .exitBlock(block))
        case .codeBlock, .htmlBlock, .thematicBreak, .generated: pendingExit = .exitBlock(block)
        }
        return .enterBlock(block)
    }

    mutating func enter(_ inline: Inline) -> Event {
        switch inline {
        case .emphasis(let children), .strong(let children), .link(_, _, let children, _), .image(_, _, let children, _):
            push(.inlines(children), exit: .exitInline(inline))
        case .text, .softBreak, .lineBreak, .code, .html, .abbreviation:
            pendingExit = .exitInline(inline)
        }
        return .enterInline(inline)
    }

    mutating func push(_ children: Children, exit: Event) {
        stack.append(Frame(children: children, exit: exit))
        enteredChildren = true
    }
}
