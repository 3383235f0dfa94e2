import Testing

@testable import Markdown

/// Trees nested far deeper than the parser allows (it stops at `CommonMark.maximumNesting`), built
/// directly in Swift: walking, rewriting and rendering them costs heap, not the thread's stack.
///
/// Freeing such a tree is itself recursive in the Swift runtime (an array frees its elements,
/// which free their arrays...): dropped whole, a block tree of 30,000 levels overflowed the stack
/// of a test in a debug build (20,000 did not). So every deep tree here is taken apart level by
/// level with `Block.dismantle`.
@Suite struct DeepTreeTests {
    static let depth = 100_000
    static let position = SourcePosition(line: 1, column: 1)

    /// Block quotes and tight lists nested alternately, `depth` levels, around one paragraph.
    static func deepBlocks(innermost: [Inline] = [.text("deep")]) -> [Block] {
        var block = Block.paragraph(innermost, position)
        for level in 0..<depth {
            block = level.isMultiple(of: 2) ? .blockQuote([block]) : .list(ListStyle(start: nil, isTight: true), items: [[block]])
        }
        return [block]
    }

    /// Emphasis, strong emphasis and links nested in turn, `depth` levels, around one text.
    static func deepInlines() -> [Inline] {
        var inline = Inline.text("deep")
        for level in 0..<depth {
            switch level % 3 {
            case 0: inline = .emphasis([inline])
            case 1: inline = .strong([inline])
            default: inline = .link(destination: "x.md", title: "", content: [inline], position)
            }
        }
        return [inline]
    }

    /// The deepest nesting a walk reaches, and the texts it finds.
    static func survey(_ blocks: [Block]) -> (depth: Int, texts: [String], events: Int) {
        var open = 0
        var deepest = 0
        var texts: [String] = []
        var events = 0
        Walker.walk(blocks) { event in
            events += 1
            switch event {
            case .enterBlock(.paragraph), .enterInline(.text): break
            case .enterBlock, .enterItem, .enterInline:
                open += 1
                deepest = max(deepest, open)
            case .exitBlock(.paragraph), .exitInline(.text): break
            case .exitBlock, .exitItem, .exitInline: open -= 1
            }
            if case .enterInline(.text(let text)) = event { texts.append(text) }
            return .visitChildren
        }
        return (deepest, texts, events)
    }

    @Test func deepBlocksAreWalkedRewrittenAndRendered() {
        var blocks = Self.deepBlocks()
        defer { Block.dismantle(&blocks) }
        let lists = Self.depth / 2
        // A list is two levels: the list and its item. The outermost block is a list.
        let walked = Self.survey(blocks)
        #expect(walked.depth == Self.depth + lists)
        #expect(walked.texts == ["deep"])

        // Compared and hashed on the walker too.
        var same = Self.deepBlocks()
        var other = Self.deepBlocks(innermost: [.text("other")])
        defer {
            Block.dismantle(&same)
            Block.dismantle(&other)
        }
        #expect(same == blocks && same.hashValue == blocks.hashValue)
        #expect(other != blocks)

        var rewritten = Rewriter.rewrite(blocks, entering: RewriterTests.entersAll) { inline, result in
            if case .text(let text) = inline { result.append(.text(text.uppercased())) } else { result.append(inline) }
        }
        defer { Block.dismantle(&rewritten) }
        let rewrittenWalk = Self.survey(rewritten)
        #expect(rewrittenWalk.depth == walked.depth && rewrittenWalk.events == walked.events)
        #expect(rewrittenWalk.texts == ["DEEP"])

        let html = HTMLRenderer().render(blocks)
        #expect(html.hasPrefix("<ul>\n<li>\n<blockquote>\n<ul>\n<li>\n<blockquote>\n"))
        #expect(html.hasSuffix("</blockquote>\n</li>\n</ul>\n</blockquote>\n</li>\n</ul>\n"))
        // The innermost paragraph is a block quote's: not tight.
        #expect(html.contains("<blockquote>\n<p>deep</p>\n</blockquote>"))
        #expect(
            html.utf8.count == lists * "<ul>\n<li>\n<blockquote>\n</blockquote>\n</li>\n</ul>\n".utf8.count + "<p>deep</p>\n".utf8.count)
    }

    @Test func deepInlinesAreWalkedRewrittenAndRendered() {
        var blocks = [Block.paragraph(Self.deepInlines(), Self.position)]
        defer { Block.dismantle(&blocks) }
        let walked = Self.survey(blocks)
        #expect(walked.depth == Self.depth)
        #expect(walked.texts == ["deep"])

        var linksSeen = 0
        var rewritten = Rewriter.rewrite(blocks, entering: RewriterTests.entersAll) { inline, result in
            switch inline {
            case .link(_, let title, let content, let position):
                linksSeen += 1
                result.append(.link(destination: "y.html", title: title, content: content, position))
            case .text(let text): result.append(.text(text.uppercased()))
            default: result.append(inline)
            }
        }
        defer { Block.dismantle(&rewritten) }
        #expect(linksSeen == Self.depth / 3)
        #expect(Self.survey(rewritten).texts == ["DEEP"])

        let html = HTMLRenderer().render(rewritten)
        let tags = ["<em>", "<strong>", "<a href=\"y.html\">"]
        let opening = (0..<Self.depth).reversed().map { tags[$0 % 3] }.joined()
        let closing = (0..<Self.depth).map { ["</em>", "</strong>", "</a>"][$0 % 3] }.joined()
        #expect(html == "<p>" + opening + "DEEP" + closing + "</p>\n")
        let plainText = blocks.first.flatMap { block -> String? in
            guard case .paragraph(let inlines, _) = block else { return nil }
            return inlines.plainText + "|" + inlines.altText
        }
        #expect(plainText == "deep|deep")
    }
}

extension Block {
    /// Frees `blocks` one level at a time with an explicit stack, where dropping them whole would
    /// recurse in the Swift runtime once per level. Each node is freed after its children were put
    /// on the stack, so freeing it frees no more than itself.
    static func dismantle(_ blocks: inout [Block]) {
        var pendingBlocks = blocks
        blocks = []
        var pendingInlines: [Inline] = []
        while let block = pendingBlocks.popLast() {
            switch block {
            case .paragraph(let inlines, _), .heading(_, let inlines, _, _): pendingInlines += inlines
            case .blockQuote(let children): pendingBlocks += children
            case .list(_, let items): for item in items { pendingBlocks += item }
            case .codeBlock, .htmlBlock, .thematicBreak, .generated: break
            }
        }
        // Only once no block holds them: a block freed later would free its inlines whole.
        while let inline = pendingInlines.popLast() {
            switch inline {
            case .emphasis(let children), .strong(let children), .link(_, _, let children, _), .image(_, _, let children, _):
                pendingInlines += children
            case .text, .softBreak, .lineBreak, .code, .html, .abbreviation, .span, .sectionNumber: break
            }
        }
    }
}
