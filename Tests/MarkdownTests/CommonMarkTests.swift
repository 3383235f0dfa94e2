import Testing

@testable import Markdown

@Suite struct CommonMarkTests {
    private func html(_ source: String, allowsRawHTML: Bool = false) throws -> String {
        HTMLRenderer(allowsRawHTML: allowsRawHTML).render(try CommonMark.parse(source).blocks)
    }

    @Test func parsesBlocksIntoSwiftValues() throws {
        let blocks = try CommonMark.parse("## 開幕式 {#opening}\n\n主辦經濟體*致詞*。\n\n1. 一\n2. 二\n").blocks
        #expect(blocks.count == 3)
        guard case .heading(2, let content, nil, let position) = blocks[0] else {
            Issue.record("expected a heading, got \(blocks[0])")
            return
        }
        #expect(content.plainText == "開幕式 {#opening}")
        #expect(position == SourcePosition(line: 1, column: 1))
        guard case .list(let style, let items) = blocks[2] else {
            Issue.record("expected a list")
            return
        }
        #expect(style == ListStyle(start: 1, isTight: true))
        #expect(items.count == 2)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let blocks = try CommonMark.parse("- 中文項目\n\n  段落中的文字\n").blocks
        guard case .list(_, let items) = blocks[0], case .paragraph(_, let position) = items[0][1] else {
            Issue.record("expected a list with two paragraphs, got \(blocks)")
            return
        }
        #expect(position == SourcePosition(line: 3, column: 3))
    }

    @Test func rendersLikeCommonMark() throws {
        #expect(
            try html("Hello *world* and **bold** `code`") == "<p>Hello <em>world</em> and <strong>bold</strong> <code>code</code></p>\n")
        #expect(try html("- a\n- b\n") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
        #expect(try html("3. c\n4. d\n") == "<ol start=\"3\">\n<li>c</li>\n<li>d</li>\n</ol>\n")
        #expect(try html("- a\n\n- b\n") == "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n")
        #expect(try html("> quoted\n") == "<blockquote>\n<p>quoted</p>\n</blockquote>\n")
        #expect(try html("```swift\nlet x = 1 < 2\n```\n") == "<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>\n")
        #expect(try html("a  \nb") == "<p>a<br>\nb</p>\n")
        #expect(try html("***\n") == "<hr>\n")
        #expect(try html("[t](https://apec.org \"APEC\")") == "<p><a href=\"https://apec.org\" title=\"APEC\">t</a></p>\n")
        #expect(try html("![圖 1](a.png)") == "<p><img src=\"a.png\" alt=\"圖 1\"></p>\n")
    }

    @Test func safeModeOmitsRawHTMLAndDangerousLinks() throws {
        #expect(try html("<script>alert(1)</script>\n") == "<!-- raw HTML omitted -->\n")
        #expect(try html("a <b onclick=\"x\">b</b>") == "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n")
        #expect(try html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n")
        #expect(try html("[x](data:text/html;base64,AA)") == "<p><a href=\"\">x</a></p>\n")
        #expect(try html("[x](data:image/png;base64,AA)") == "<p><a href=\"data:image/png;base64,AA\">x</a></p>\n")
    }

    @Test func rawHTMLIsTheSiteOwnersChoice() throws {
        #expect(try html("<div class=\"note\">n</div>\n", allowsRawHTML: true) == "<div class=\"note\">n</div>\n")
    }

    @Test func textAndAttributesAreEscaped() throws {
        #expect(try html("<&> \"q\" 'a'") == "<p>&lt;&amp;&gt; &quot;q&quot; &#39;a&#39;</p>\n")
        #expect(try html("[x](/a?b=\"c\")") == "<p><a href=\"/a?b=%22c%22\">x</a></p>\n")
        #expect(HTML.escape("{{title}}") == "{{title}}")
    }

    @Test func headingsCarryTheirIdsAndGeneratedBlocksAreKept() {
        let blocks: [Block] = [
            .heading(level: 2, content: [.text("A & B")], id: "a-b", SourcePosition(line: 1, column: 1)),
            .generated("<figure id=\"fig-1\"></figure>\n"),
        ]
        #expect(HTMLRenderer().render(blocks) == "<h2 id=\"a-b\">A &amp; B</h2>\n<figure id=\"fig-1\"></figure>\n")
    }

    @Test func headingsWithIdsLinkToThemselvesWhenAskedAndSpansCarryTheirLanguage() {
        let blocks: [Block] = [
            .heading(level: 2, content: [.span("A & B", language: "en")], id: "a-b", SourcePosition(line: 1, column: 1)),
            .heading(level: 3, content: [.text("no id")], id: nil, SourcePosition(line: 2, column: 1)),
        ]
        #expect(
            HTMLRenderer(headingLinkLabel: "Link to \"this\"").render(blocks)
                == "<h2 id=\"a-b\"><span lang=\"en\">A &amp; B</span><a class=\"heading-link\" href=\"#a-b\" aria-label=\"Link to &quot;this&quot;\">#</a></h2>\n<h3>no id</h3>\n"
        )
        #expect(HTMLRenderer().render(blocks) == "<h2 id=\"a-b\"><span lang=\"en\">A &amp; B</span></h2>\n<h3>no id</h3>\n")
    }

    @Test func theHeadingLinksMarkedAreWhatARendererWithoutThemLeavesOut() {
        let blocks: [Block] = [
            .heading(level: 1, content: [.text("開幕 & <致詞>")], id: "開幕", SourcePosition(line: 1, column: 1)),
            .paragraph([.text("<a class=\"heading-link\" href=\"#x\">#</a> as text")], SourcePosition(line: 2, column: 1)),
            .heading(level: 2, content: [.emphasis([.text("a")]), .text("😀")], id: "a-b", SourcePosition(line: 3, column: 1)),
            .htmlBlock("<h2 id=\"raw\">raw</h2>", SourcePosition(line: 4, column: 1)),
            .heading(level: 3, content: [.text("no id")], id: nil, SourcePosition(line: 5, column: 1)),
            .heading(level: 6, content: [.text("last")], id: "z", SourcePosition(line: 6, column: 1)),
        ]
        for allowsRawHTML in [false, true] {
            let linked = HTMLRenderer(allowsRawHTML: allowsRawHTML, headingLinkLabel: "本節連結").renderMarkingHeadingLinks(blocks)
            #expect(linked.headingLinks.count == 3)
            #expect(linked.html == HTMLRenderer(allowsRawHTML: allowsRawHTML, headingLinkLabel: "本節連結").render(blocks))
            #expect(linked.withoutHeadingLinks == HTMLRenderer(allowsRawHTML: allowsRawHTML).render(blocks))
        }
        #expect(HTMLRenderer().renderMarkingHeadingLinks(blocks).headingLinks.isEmpty)
    }

    @Test func urlsArePercentEncodedAsCmarkDoes() throws {
        #expect(
            try html("<http://example.com?find=\\*>") == "<p><a href=\"http://example.com?find=%5C*\">http://example.com?find=\\*</a></p>\n"
        )
        #expect(try html("[link](</my uri>)") == "<p><a href=\"/my%20uri\">link</a></p>\n")
        #expect(try html("[a](/p?x=1&y='2')") == "<p><a href=\"/p?x=1&amp;y=&#x27;2&#x27;\">a</a></p>\n")
        #expect(try html("[a](<`[]{|}^\" \\\\>)") == "<p><a href=\"%60%5B%5D%7B%7C%7D%5E%22%20%5C\">a</a></p>\n")
        #expect(try html("[臺灣](/zh-hant/a/#臺)") == "<p><a href=\"/zh-hant/a/#%E8%87%BA\">臺灣</a></p>\n")
        #expect(try html("[a](/x-_.+!*(),%25#@?=;:/$~)") == "<p><a href=\"/x-_.+!*(),%25#@?=;:/$~\">a</a></p>\n")
    }

    @Test func aFencesLanguageEndsAtAnyWhitespace() throws {
        #expect(try html("```ruby\tstartline=3\nx\n```\n") == "<pre><code class=\"language-ruby\">x\n</code></pre>\n")
        #expect(Block.infoWords("table\tfunding  x") == ["table", "funding", "x"])
        #expect(Block.infoWords("") == [])
    }

    @Test func altTextKeepsRawHTMLAsText() throws {
        #expect(try html("![a <b>c</b> *d* `e`](x.png)") == "<p><img src=\"x.png\" alt=\"a &lt;b&gt;c&lt;/b&gt; d e\"></p>\n")
    }

    @Test func nestingDeeperThanTheLimitIsRefusedAtItsBlock() throws {
        let limit = CommonMark.maximumNesting
        // At the limit: fine. Each "> " is one level; the paragraph inside is one more.
        let atLimit = String(repeating: "> ", count: limit - 1) + "x\n"
        #expect(try CommonMark.parse(atLimit).blocks.count == 1)
        // One level more: the paragraph in the innermost quote is too deep.
        let tooDeep = "para\n\n" + String(repeating: "> ", count: limit) + "x\n"
        #expect(throws: MarkdownLimit.nestedTooDeep(SourcePosition(line: 3, column: 2 * limit + 1), limit: limit)) {
            try CommonMark.parse(tooDeep)
        }
        // Inline nesting is counted too: the paragraph and 99 levels of emphasis fit, and the
        // `**` of the 50th `*a **a ` is one level too deep.
        let emphasis = "a\n\n" + String(repeating: "*a **a ", count: 60) + "b" + String(repeating: " a** a*", count: 60) + "\n"
        #expect(throws: MarkdownLimit.nestedTooDeep(SourcePosition(line: 3, column: 7 * 49 + 4), limit: limit)) {
            try CommonMark.parse(emphasis)
        }
        // Ten thousand levels: refused, not a crash.
        #expect(throws: MarkdownLimit.self) { try CommonMark.parse(String(repeating: "- ", count: 10_000) + "x\n") }
    }

    @Test func rawHTMLIsFoundWhereTheAuthorWroteIt() throws {
        let document = try CommonMark.parse("# t\n\n<div>\nx\n</div>\n\n- a <b>b</b>\n")
        #expect(
            document.rawHTML == [
                SourcePosition(line: 3, column: 1), SourcePosition(line: 7, column: 5), SourcePosition(line: 7, column: 9),
            ])
        #expect(try CommonMark.parse("plain *text*\n").rawHTML.isEmpty)
    }

    @Test func inputsLibcmarkIsSlowOnAreRefusedBeforeParsing() {
        // cmark's own pathological inputs that libcmark 0.30.2 takes tens of seconds over.
        let slow = [
            String(repeating: "- ", count: 30_000) + "x" + String(repeating: "\n", count: 30_000),
            "> " + String(repeating: "- ", count: 30_000) + "x\n" + String(repeating: ">\n", count: 30_000),
            String(repeating: ">", count: 100_000) + String(repeating: "a*", count: 100_000),
        ]
        for input in slow {
            #expect(throws: MarkdownLimit.self) { try CommonMark.parse(input) }
        }
        let images = String(repeating: "![[]()", count: 160_000)
        #expect(throws: MarkdownLimit.tooManyImages(SourcePosition(line: 1, column: 6 * 10_000 + 1), limit: 10_000)) {
            try CommonMark.parse(images)
        }
    }

    @Test func theCheckBeforeParsingReportsWhereTheExactOneWould() throws {
        // The 51st list of "- - - …" is the first node past 100 levels, at its marker.
        #expect(throws: MarkdownLimit.nestedTooDeep(SourcePosition(line: 2, column: 101), limit: 100)) {
            try CommonMark.parse("a\n" + String(repeating: "- ", count: 200) + "x\n")
        }
        // 99 quotes and their paragraph are 100 levels; "1." lists count as "-" lists do.
        #expect(try CommonMark.parse(String(repeating: "> ", count: 99) + "a\n").blocks.count == 1)
        #expect(try CommonMark.parse(String(repeating: "1. ", count: 49) + "a\n").blocks.count == 1)
        #expect(throws: MarkdownLimit.self) { try CommonMark.parse(String(repeating: "1. ", count: 50) + "a\n") }
        // A long thematic break is one block, not nesting.
        #expect(try CommonMark.parse(String(repeating: "- ", count: 300) + "\n").blocks == [.thematicBreak])
        #expect(try CommonMark.parse(String(repeating: "![a](b) ", count: 10_000)).blocks.count == 1)
    }
}
