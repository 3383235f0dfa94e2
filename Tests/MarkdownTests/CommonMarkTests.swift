import Testing

@testable import Markdown

@Suite struct CommonMarkTests {
    private func html(_ source: String, allowsRawHTML: Bool = false) -> String {
        HTMLRenderer(allowsRawHTML: allowsRawHTML).render(CommonMark.parse(source))
    }

    @Test func parsesBlocksIntoSwiftValues() {
        let blocks = CommonMark.parse("## 開幕式 {#opening}\n\n主辦經濟體*致詞*。\n\n1. 一\n2. 二\n")
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

    @Test func columnsCountCharactersNotBytes() {
        let blocks = CommonMark.parse("- 中文項目\n\n  段落中的文字\n")
        guard case .list(_, let items) = blocks[0], case .paragraph(_, let position) = items[0][1] else {
            Issue.record("expected a list with two paragraphs, got \(blocks)")
            return
        }
        #expect(position == SourcePosition(line: 3, column: 3))
    }

    @Test func rendersLikeCommonMark() {
        #expect(html("Hello *world* and **bold** `code`") == "<p>Hello <em>world</em> and <strong>bold</strong> <code>code</code></p>\n")
        #expect(html("- a\n- b\n") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
        #expect(html("3. c\n4. d\n") == "<ol start=\"3\">\n<li>c</li>\n<li>d</li>\n</ol>\n")
        #expect(html("- a\n\n- b\n") == "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n")
        #expect(html("> quoted\n") == "<blockquote>\n<p>quoted</p>\n</blockquote>\n")
        #expect(html("```swift\nlet x = 1 < 2\n```\n") == "<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>\n")
        #expect(html("a  \nb") == "<p>a<br>\nb</p>\n")
        #expect(html("***\n") == "<hr>\n")
        #expect(html("[t](https://apec.org \"APEC\")") == "<p><a href=\"https://apec.org\" title=\"APEC\">t</a></p>\n")
        #expect(html("![圖 1](a.png)") == "<p><img src=\"a.png\" alt=\"圖 1\"></p>\n")
    }

    @Test func safeModeDropsRawHTMLAndDangerousLinks() {
        #expect(html("<script>alert(1)</script>\n") == "")
        #expect(html("a <b onclick=\"x\">b</b>") == "<p>a b</p>\n")
        #expect(html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n")
        #expect(html("[x](data:text/html;base64,AA)") == "<p><a href=\"\">x</a></p>\n")
        #expect(html("[x](data:image/png;base64,AA)") == "<p><a href=\"data:image/png;base64,AA\">x</a></p>\n")
    }

    @Test func rawHTMLIsTheSiteOwnersChoice() {
        #expect(html("<div class=\"note\">n</div>\n", allowsRawHTML: true) == "<div class=\"note\">n</div>\n")
    }

    @Test func textAndAttributesAreEscaped() {
        #expect(html("<&> \"q\" 'a'") == "<p>&lt;&amp;&gt; &quot;q&quot; &#39;a&#39;</p>\n")
        #expect(html("[x](/a?b=\"c\")") == "<p><a href=\"/a?b=&quot;c&quot;\">x</a></p>\n")
        #expect(HTML.escape("{{title}}") == "{{title}}")
    }

    @Test func headingsCarryTheirIdsAndGeneratedBlocksAreKept() {
        let blocks: [Block] = [
            .heading(level: 2, content: [.text("A & B")], id: "a-b", SourcePosition(line: 1, column: 1)),
            .generated("<figure id=\"fig-1\"></figure>\n"),
        ]
        #expect(HTMLRenderer().render(blocks) == "<h2 id=\"a-b\">A &amp; B</h2>\n<figure id=\"fig-1\"></figure>\n")
    }
}
