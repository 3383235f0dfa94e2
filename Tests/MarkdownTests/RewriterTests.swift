import Testing

@testable import Markdown

@Suite struct RewriterTests {
    static let position = SourcePosition(line: 1, column: 1)
    static let tight = ListStyle(start: nil, isTight: true)

    static func paragraph(_ text: String) -> Block { .paragraph([.text(text)], position) }

    /// Rewrites the children of every node.
    static func entersAll(_ node: Rewriter.Node) -> Bool { true }

    @Test func transformsBlocksChildrenFirstInDocumentOrder() {
        let blocks: [Block] = [
            Self.paragraph("a"),
            .blockQuote([Self.paragraph("b"), .list(Self.tight, items: [[Self.paragraph("c")], [Self.paragraph("d")]])]),
            Self.paragraph("e"),
        ]
        var order: [String] = []
        let rewritten = Rewriter.rewrite(blocks) { block in
            switch block {
            case .paragraph(let inlines, _):
                order.append(inlines.plainText)
                return .codeBlock(info: "", literal: inlines.plainText, Self.position)
            case .list(_, let items):
                // The items' paragraphs are code blocks already.
                order.append("list of " + items.joined().map { WalkerTests.name(of: $0) }.joined(separator: " "))
                return block
            case .blockQuote(let children):
                order.append("quote of \(children.count)")
                return block
            default:
                return block
            }
        }
        #expect(order == ["a", "b", "c", "d", "list of code[] code[]", "quote of 2", "e"])
        #expect(
            WalkerTests.trace(rewritten) == "code[]( ) quote( code[]( ) ul( item( code[]( ) ) item( code[]( ) ) ) ) code[]( )")
    }

    @Test func rewritingBlocksAloneLeavesInlinesUntouched() {
        let blocks: [Block] = [.heading(level: 2, content: [.emphasis([.text("x")])], id: nil, Self.position)]
        var seen: [String] = []
        let rewritten = Rewriter.rewrite(blocks) { block in
            seen.append(WalkerTests.name(of: block))
            guard case .heading(let level, let content, _, let position) = block else { return block }
            return .heading(level: level, content: content, id: "x", position)
        }
        #expect(seen == ["h2"])
        #expect(rewritten == [.heading(level: 2, content: [.emphasis([.text("x")])], id: "x", Self.position)])
    }

    @Test func inlinesAreReplacedByNoneOneOrSeveral() throws {
        let blocks = try CommonMark.parse("a *b `c`* d\n\n> e\n").blocks
        var order: [String] = []
        let rewritten = Rewriter.rewrite(blocks, entering: RewriterTests.entersAll) { inline, result in
            order.append(WalkerTests.name(of: inline))
            switch inline {
            case .text(let text): result += text.split(separator: " ").map { .text(String($0)) }
            case .code: break
            default: result.append(inline)
            }
        }
        #expect(order == ["'a '", "'b '", "`c`", "em", "' d'", "'e'"])
        #expect(WalkerTests.trace(rewritten) == "p( 'a'( ) em( 'b'( ) ) 'd'( ) ) quote( p( 'e'( ) ) )")
    }

    @Test func childrenNotEnteredAreKeptAndTheirOwnerStillTransformed() throws {
        let blocks = try CommonMark.parse("# *h*\n\n[*l*](x.md) *m*\n\n> *q*\n").blocks
        var entered: [String] = []
        let rewritten = Rewriter.rewrite(
            blocks,
            entering: { node in
                switch node {
                case .block(let block): entered.append(WalkerTests.name(of: block))
                case .inline(let inline): entered.append(WalkerTests.name(of: inline))
                }
                switch node {
                case .block(.heading), .inline(.link), .block(.blockQuote): return false
                default: return true
                }
            },
            block: { block in
                guard case .heading(let level, let content, _, let position) = block else { return block }
                return .heading(level: level, content: content, id: "kept", position)
            },
            inline: { inline, result in
                switch inline {
                case .emphasis(let children): result.append(.strong(children))
                case .link(_, let title, let content, let position):
                    result.append(.link(destination: "y.html", title: title, content: content, position))
                default: result.append(inline)
                }
            })
        #expect(entered == ["h1", "p", "a[x.md]", "em", "quote"])
        #expect(
            WalkerTests.trace(rewritten)
                == "h1( em( 'h'( ) ) ) p( a[y.html]( em( 'l'( ) ) ) ' '( ) strong( 'm'( ) ) ) quote( p( em( 'q'( ) ) ) )")
        guard case .heading(_, _, "kept", _) = rewritten[0] else {
            Issue.record("the heading was not transformed: \(rewritten[0])")
            return
        }
    }

    @Test func anEmptyTreeStaysEmpty() {
        #expect(Rewriter.rewrite([]) { $0 }.isEmpty)
        #expect(Rewriter.rewrite([], entering: Self.entersAll, inline: { $1.append($0) }).isEmpty)
    }
}
