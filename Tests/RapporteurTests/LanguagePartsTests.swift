import Markdown
import Testing

@testable import Rapporteur

/// The language of parts: Latin runs in Chinese text get the site's Latin-script language, CJK
/// runs in English text the site's CJK language.
@Suite struct LanguagePartsTests {
    static let chinese = LanguageParts(language: "zh-Hant", siteLanguages: ["zh-Hant", "en"])
    static let english = LanguageParts(language: "en", siteLanguages: ["zh-Hant", "en"])
    static let position = SourcePosition(line: 1, column: 1)

    /// The runs written as `text` or `[lang:text]`.
    static func shown(_ parts: LanguageParts, _ text: String) -> String {
        parts.runs(text).map { run in run.language.map { "[\($0):\(run.text)]" } ?? String(run.text) }.joined()
    }

    @Test(arguments: [
        ("出席APEC TEL53會議", "出席[en:APEC TEL53]會議"),
        ("APEC秘書處於2016年二月更新「APEC 101簡介」。", "[en:APEC]秘書處於2016年二月更新「[en:APEC 101]簡介」。"),
        ("2016 年 6 月 12 日，第 53 次", "2016 年 6 月 12 日，第 53 次"),
        ("4K、8K 超高畫質", "[en:4K]、[en:8K] 超高畫質"),
        ("由 Dr. Kim 主持。", "由 [en:Dr. Kim] 主持。"),
        ("(Ad Hoc Steering Group on the Internet Economy, AHSGIE)", "([en:Ad Hoc Steering Group on the Internet Economy, AHSGIE])"),
        ("2016 APEC", "2016 [en:APEC]"),
        ("Économie café", "[en:Économie café]"),
        ("", ""),
    ])
    func latinRunsInChineseText(text: String, expected: String) {
        #expect(Self.shown(Self.chinese, text) == expected)
    }

    @Test(arguments: [
        ("The report renders it \"網路經濟推動專案小組\" too.", "The report renders it \"[zh-Hant:網路經濟推動專案小組]\" too."),
        ("See 「大會、議程」 here", "See 「[zh-Hant:大會、議程]」 here"),
        ("Only English, 2016.", "Only English, 2016."),
    ])
    func cjkRunsInEnglishText(text: String, expected: String) {
        #expect(Self.shown(Self.english, text) == expected)
    }

    /// Runs found on scalars are the runs found character by character, for text of every kind
    /// of character the scalar pass must not split: combining and spacing marks, prepended marks,
    /// joiners, emoji sequences, Hangul jamo, regional indicators, CR LF.
    @Test(arguments: [("zh-Hant", ["zh-Hant", "en"]), ("en", ["zh-Hant", "en"])])
    func runsOnScalarsAreRunsByCharacters(language: String, site: [String]) {
        let parts = LanguageParts(language: language, siteLanguages: site)
        let pieces = [
            "A", "pec", "e\u{301}", "\u{301}", "n\u{303}\u{323}", "a\u{903}", "\u{600}", "\u{600}a", "\u{200D}", "👨\u{200D}💻", "👍🏽",
            "🇹🇼", "\u{1100}\u{1161}\u{11A8}", "한", "臺", "灣", "、", "「", "」", "。", " ", "-", ".", "&", "4", "G", "\r\n", "\n", "·",
            "ｘ", "\u{FE0F}", "\u{3099}", "か\u{3099}", "Ä", "x\u{200D}y",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let scalars = parts.runs(text).map { "\($0.language ?? "-"):\($0.text)" }
            let characters = parts.runsByCharacters(text).map { "\($0.language ?? "-"):\($0.text)" }
            #expect(scalars == characters, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Text the byte test says has no letter of a script has none: checked on every scalar.
    @Test(arguments: [LanguageParts.Script.latin, .cjk])
    func everyLetterIsSeenByItsBytes(script: LanguageParts.Script) {
        let letters = (0...0x3FFFF).compactMap(Unicode.Scalar.init).filter(script.isLetter)
        #expect(letters.count > 500)
        let missed = letters.filter { !script.mayHoldLetter(String($0)) }
        #expect(missed.first == nil, "\(missed.prefix(5).map { String($0.value, radix: 16) })")
        #expect(!script.mayHoldLetter(script == .latin ? "大會 2016、「」" : "The 2016 report."))
    }

    @Test func theLanguagesComeFromTheSitesScripts() {
        // Japanese pages mark Latin runs with the site's Latin-script language, whichever it is.
        let japanese = LanguageParts(language: "ja", siteLanguages: ["ja", "fr"])
        #expect(Self.shown(japanese, "会議OECD") == "会議[fr:OECD]")
        let spanish = LanguageParts(language: "es", siteLanguages: ["en", "es", "ja", "zh-Hant"])
        #expect(Self.shown(spanish, "y 会議") == "y [ja:会議]")
        // A site with one script marks nothing.
        let latinOnly = LanguageParts(language: "en", siteLanguages: ["en", "es"])
        #expect(Self.shown(latinOnly, "the 大會 met") == "the 大會 met")
    }

    @Test func htmlIsEscapedInsideAndOutsideRuns() {
        #expect(
            Self.chinese.html("研發R&D <b>「x」")
                == "研發<span lang=\"en\">R&amp;D</span> &lt;<span lang=\"en\">b</span>&gt;「<span lang=\"en\">x</span>」")
    }

    @Test func aLongTextIsOneLinearPass() {
        let text = String(repeating: "大會APEC 53 ", count: 20_000)
        let runs = Self.chinese.runs(text)
        #expect(runs.count == 40_001)
        #expect(runs.map(\.text).joined() == text)
    }

    @Test func theTreeIsMarkedInTextNotInCodeLinksTargetsOrImages() {
        let link = Inline.link(destination: "https://apec.org/大會", title: "APEC 網站", content: [.text("APEC 網站")], Self.position)
        let image = Inline.image(source: "a.png", title: "", alt: [.text("APEC 圖")], Self.position)
        let blocks: [Block] = [
            .heading(level: 2, content: [.text("TEL 大會")], id: "tel", Self.position),
            .paragraph(
                [.text("由 APEC"), .code("APEC"), link, image, .abbreviation("ICT", title: "資通訊技術"), .html("<b>APEC</b>")], Self.position),
            .generated("<td>APEC</td>"),
        ]
        let marked = Self.chinese.mark(blocks)
        #expect(
            marked == [
                .heading(level: 2, content: [.span("TEL", language: "en"), .text(" 大會")], id: "tel", Self.position),
                .paragraph(
                    [
                        .text("由 "), .span("APEC", language: "en"), .code("APEC"),
                        .link(
                            destination: "https://apec.org/大會", title: "APEC 網站", content: [.span("APEC", language: "en"), .text(" 網站")],
                            Self.position),
                        image, .abbreviation("ICT", title: "資通訊技術", language: "en"), .html("<b>APEC</b>"),
                    ], Self.position),
                .generated("<td>APEC</td>"),
            ])
        let html = HTMLRenderer().render(marked)
        #expect(html.contains("<abbr title=\"資通訊技術\"><span lang=\"en\">ICT</span></abbr>"))
        #expect(html.contains("<a href=\"https://apec.org/%E5%A4%A7%E6%9C%83\" title=\"APEC 網站\"><span lang=\"en\">APEC</span> 網站</a>"))
        #expect(html.contains("alt=\"APEC 圖\""))
    }
}
