import Testing

@testable import Markdown

@Suite struct WalkerTests {
    /// The walk of `blocks` as a string: each node entered is `name(` and left is `)`.
    static func trace(_ blocks: [Block]) -> String { trace { Walker.walk(blocks, $0) } }

    static func trace(_ inlines: [Inline]) -> String { trace { Walker.walk(inlines, $0) } }

    static func trace(_ walk: ((Walker.Event) -> Walker.Step) -> Void) -> String {
        var events: [Walker.Event] = []
        walk { event in
            events.append(event)
            return .visitChildren
        }
        return trace(events)
    }

    static func trace(_ events: [Walker.Event]) -> String {
        events.map { event in
            switch event {
            case .enterBlock(let block): name(of: block) + "("
            case .enterItem(let style): style.isTight ? "item(" : "loose-item("
            case .enterInline(let inline): name(of: inline) + "("
            case .exitBlock, .exitItem, .exitInline: ")"
            }
        }.joined(separator: " ")
    }

    static func name(of block: Block) -> String {
        switch block {
        case .paragraph: "p"
        case .heading(let level, _, _, _): "h\(level)"
        case .blockQuote: "quote"
        case .list(let style, _): style.start == nil ? "ul" : "ol"
        case .codeBlock(let info, _, _): "code[\(info)]"
        case .htmlBlock: "html"
        case .thematicBreak: "hr"
        case .generated: "generated"
        }
    }

    static func name(of inline: Inline) -> String {
        switch inline {
        case .text(let text): "'\(text)'"
        case .softBreak: "soft"
        case .lineBreak: "br"
        case .code(let code): "`\(code)`"
        case .html: "html"
        case .emphasis: "em"
        case .strong: "strong"
        case .link(let destination, _, _, _): "a[\(destination)]"
        case .image(let source, _, _, _): "img[\(source)]"
        case .abbreviation(let text, _, _): "abbr[\(text)]"
        case .span(let text, let language): "span[\(language):\(text)]"
        case .sectionNumber(let label): "number[\(label)]"
        }
    }

    @Test func entersAndExitsEveryNodeInDocumentOrder() throws {
        let blocks = try CommonMark.parse(
            """
            ## Title *one*

            > - a [link **b**](x.md)
            > - `c`
            >
            > ```table t
            > ```

            ***
            ![alt *e*](i.png)
            """
        ).blocks
        #expect(
            Self.trace(blocks)
                == "h2( 'Title '( ) em( 'one'( ) ) ) "
                + "quote( ul( item( p( 'a '( ) a[x.md]( 'link '( ) strong( 'b'( ) ) ) ) ) item( p( `c`( ) ) ) ) code[table t]( ) ) "
                + "hr( ) p( img[i.png]( 'alt '( ) em( 'e'( ) ) ) )")
    }

    @Test func listItemsCarryTheirListsStyle() throws {
        let blocks = try CommonMark.parse("1. a\n\n2. b\n").blocks
        #expect(Self.trace(blocks) == "ol( loose-item( p( 'a'( ) ) ) loose-item( p( 'b'( ) ) ) )")
    }

    @Test func walksInlinesAlone() {
        let inlines: [Inline] = [.text("a"), .emphasis([.strong([.code("b")]), .softBreak]), .html("<br>")]
        #expect(Self.trace(inlines) == "'a'( ) em( strong( `b`( ) ) soft( ) ) html( )")
        #expect(Self.trace([Inline]()).isEmpty)
        #expect(Self.trace([Block]()).isEmpty)
    }

    @Test func skipsTheChildrenOfANodeWhenAskedOnEntering() throws {
        let blocks = try CommonMark.parse("> a *b*\n\n- c\n- d\n\ne").blocks
        var events: [Walker.Event] = []
        Walker.walk(blocks) { event in
            events.append(event)
            switch event {
            // The paragraph in the quote and the list's items are skipped; after a leaf or an exit,
            // skipping does nothing.
            case .enterBlock(.paragraph(let inlines, _)) where inlines.first == .text("a "): return .skipChildren
            case .enterItem, .enterInline(.text("e")), .exitBlock(.blockQuote): return .skipChildren
            default: return .visitChildren
            }
        }
        #expect(Self.trace(events) == "quote( p( ) ) ul( item( ) item( ) ) p( 'e'( ) )")
    }
}
