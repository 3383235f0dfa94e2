import Markdown
import Testing

@testable import Model
@testable import Rapporteur
@testable import Support

/// Section numbers: counter styles, the scheme of each language, where a chapter sits in the
/// outline, and the numbers its headings get.
@Suite struct SectionNumberTests {
    static let chinese = NumberingScheme(levels: ["{han-formal}、", "{han}、", "({han})", "{decimal}.", "({decimal})"])
    static let english = NumberingScheme(levels: ["{upper-roman}.", "{decimal}.", "({decimal})", "({lower-alpha})", "({lower-roman})"])

    @Test func counterStylesWriteNumbersAsReportsDo() {
        #expect([1, 2, 3, 10, 11, 16, 20, 21].map(CounterStyle.han.format) == ["一", "二", "三", "十", "十一", "十六", "二十", "二十一"])
        #expect([1, 2, 3, 4, 10, 11].map(CounterStyle.hanFormal.format) == ["壹", "貳", "參", "肆", "拾", "拾壹"])
        #expect([1, 4, 9, 14, 40, 1999].map(CounterStyle.upperRoman.format) == ["I", "IV", "IX", "XIV", "XL", "MCMXCIX"])
        #expect(CounterStyle.lowerRoman.format(3) == "iii")
        #expect([1, 26, 27, 52, 703].map(CounterStyle.lowerAlpha.format) == ["a", "z", "aa", "az", "aaa"])
        #expect(CounterStyle.decimal.format(11) == "11")
    }

    @Test func theSameSectionIsWrittenEachLanguagesWay() {
        #expect(Self.chinese.label(11, level: 3) == "(十一)")
        #expect(Self.english.label(11, level: 3) == "(11)")
        #expect(Self.chinese.label(2, level: 1) == "貳、")
        #expect(Self.chinese.label(1, level: 6) == nil, "deeper than the scheme: no number")
        #expect(Self.chinese.label(0, level: 1) == nil, "a level without a number")
        #expect(NumberingScheme.titled("一、", "會議名稱") == "一、會議名稱")
        #expect(NumberingScheme.titled("(十一)", "討論") == "(十一) 討論")
        #expect(NumberingScheme.titled(nil, "Purpose") == "Purpose")
    }

    private func numbered(_ frontMatter: String, _ body: String, scheme: NumberingScheme = chinese) throws -> (Chapter, [OutlineEntry]) {
        let chapter = try Chapter.load(
            text: "---\ntitle: 大會\n\(frontMatter)\n---\n\n" + body, file: "content/zh-Hant/04-a.md", fileName: "04-a.md",
            language: Language(code: "zh-Hant", name: "中文", numbering: scheme))
        var log = DiagnosticLog()
        let outlined = Outliner(chapter: chapter, counterpartIDs: nil).run(log: &log)
        let numbering = try #require(chapter.numbering)
        return (chapter, SectionNumberer(numbering: numbering, scheme: scheme).run(outlined.blocks, outline: outlined.outline).outline)
    }

    @Test func aNumberedChapterNumbersItsHeadingsBelowIt() throws {
        let (chapter, outline) = try numbered("number: \"2.4\"", "## 開幕式\n\n### 致詞\n\n### 報告\n\n#### 細節\n\n## 議程\n\n### 項目\n")
        #expect(chapter.numberedTitle == "四、大會")
        #expect(outline.map(\.numberedText) == ["(一) 開幕式", "1. 致詞", "2. 報告", "(1) 細節", "(二) 議程", "1. 項目"])
    }

    @Test func aChapterCanContinueItsParentsNumbering() throws {
        let (chapter, outline) = try numbered("firstSection: \"2.4.6\"", "## 策略\n\n## 工作計畫\n\n### 項目\n")
        #expect(chapter.numberedTitle == "大會", "the title itself has no number")
        #expect(outline.map(\.numberedText) == ["(六) 策略", "(七) 工作計畫", "1. 項目"])
    }

    @Test func aLevelWithoutANumberStartsBelowIt() throws {
        let (_, outline) = try numbered("firstSection: \"0.1\"", "## 會議名稱\n\n## 會議日期\n")
        #expect(outline.map(\.numberedText) == ["一、會議名稱", "二、會議日期"])
    }

    @Test func headingsGetTheNumberBeforeTheirText() throws {
        let chapter = try Chapter.load(
            text: "---\ntitle: t\nnumber: \"2.4\"\n---\n\n## 開幕式 {#opening}\n", file: "a.md", fileName: "04-a.md",
            language: Language(code: "zh-Hant", name: "中文", numbering: Self.chinese))
        var log = DiagnosticLog()
        let outlined = Outliner(chapter: chapter, counterpartIDs: nil).run(log: &log)
        let blocks = SectionNumberer(numbering: try #require(chapter.numbering), scheme: Self.chinese).run(
            outlined.blocks, outline: outlined.outline
        ).blocks
        #expect(
            HTMLRenderer(allowsRawHTML: false).render(blocks) == "<h2 id=\"opening\"><span class=\"section-number\">(一) </span>開幕式</h2>\n")
    }

    @Test func badNumbersAreErrorsAtTheirLine() {
        for (frontMatter, message) in [
            ("number: \"2.x\"", "number is a section number such as 2.4.5"), ("number: \"+2\"", "got '+2'"),
            ("firstSection: \"2.0\"", "firstSection is a section number"),
            ("number: \"1\"\nfirstSection: \"1.1\"", "give 'number'"),
        ] {
            do {
                _ = try Chapter.load(
                    text: "---\ntitle: t\n\(frontMatter)\n---\n", file: "a.md", fileName: "01-a.md",
                    language: Language(code: "en", name: "en"))
                Issue.record("'\(frontMatter)' was accepted")
            } catch {
                #expect(error.description.contains(message), "\(error.description)")
                #expect(error.description.hasPrefix("a.md:3:") || error.description.hasPrefix("a.md:4:"), "\(error.description)")
            }
        }
    }

    @Test func aSchemeNeedsAKnownStyleAtEachLevel() {
        let site =
            "baseURL: https://example.org/\nlanguages:\n  - code: en\n    name: English\n    numbering: [\"{decimal}.\", \"(roman)\"]\ntitle: t\nsubtitle: s\ndescription: d\n"
        do {
            _ = try SiteConfig.load(text: site, file: "site.yaml")
            Issue.record("a level without a style was accepted")
        } catch {
            #expect(error.description.contains("site.yaml:5:"), "\(error.description)")
            #expect(error.description.contains("got '(roman)'"), "\(error.description)")
        }
    }

    @Test func aBuiltChapterShowsItsNumbersInEveryLanguageAndWarnsWhenTheyDiffer() throws {
        let project = try TestProject()
        try project.replace("content/zh-Hant/01-plenary.md", "description: 開幕與各經濟體報告\n", with: "description: 開幕與各經濟體報告\nnumber: \"2.4\"\n")
        try project.replace(
            "content/en/01-plenary.md", "description: Opening and economy reports\n",
            with: "description: Opening and economy reports\nnumber: \"2.4\"\n")
        var result = try project.build()
        let chinese = try result.text("zh-hant/plenary/index.html")
        #expect(chinese.contains("<h1><span class=\"section-number\">4. </span>大會</h1>"), "no scheme in site.yaml: plain numbers")
        #expect(chinese.contains("<h2 id=\"opening\"><span class=\"section-number\">1. </span>開幕式<a class=\"heading-link\""))
        #expect(
            try result.text("en/plenary/index.html").contains(
                "<h2 id=\"opening\"><span class=\"section-number\">1. </span>Opening<a class=\"heading-link\""))
        #expect(!result.warnings.contains { $0.message.contains("differs from its original") })

        try project.replace("content/en/01-plenary.md", "number: \"2.4\"", with: "number: \"2.5\"")
        result = try project.build()
        #expect(
            result.warnings.contains { $0.location?.file == "content/en/01-plenary.md" && $0.message.contains("differs from its original") }
        )
    }
}
