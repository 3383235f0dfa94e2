import Foundation
import Testing

@testable import Model
@testable import Rapporteur
@testable import Support

/// The report's text and table notes cite sections by their numbers (大會「(十三) 討論未來會議主辦事宜」,
/// "the plenary, item (13)"); every such citation must name a numbered heading of that part.
@Suite struct SectionCitationTests {
    /// The parts of the report a citation names, by the chapters that hold their sections.
    static let parts: [String: [String]] = [
        "摘要表": ["summary"], "大會": ["plenary", "economy-reports", "plenary-decisions"], "心得及建議": ["conclusions"],
        "summary sheet": ["summary"], "plenary": ["plenary", "economy-reports", "plenary-decisions"], "conclusions": ["conclusions"],
    ]
    static let chinese = try! NSRegularExpression(
        pattern: "(摘要表|大會|心得及建議)「((?:\\([一二三四五六七八九十]+\\)|[一二三四五六七八九十]+、)[^」]*)」")
    static let english = try! NSRegularExpression(
        pattern:
            "(summary sheet|plenary|conclusions)(?:'s)?,? (?:\\(item (\\d+)\\)|item \\((\\d+)\\)|item (\\d+)|\\((\\d+)\\)|\\(?\"((?:\\(\\d+\\)|\\d+\\.) [^\"]+)\")",
        options: .caseInsensitive)

    @Test func everyCitedSectionNumberIsAHeading() throws {
        let content = TestProject.repository.appendingPathComponent("content")
        let config = try SiteConfig.load(
            text: try SourceFile.read(content.appendingPathComponent("site.yaml"), as: "site.yaml"), file: "site.yaml")
        for language in config.languages {
            let headings = try Self.numberedHeadings(content: content, language: language)
            var cited = 0
            for (file, line) in try Self.lines(content: content, language: language.code) {
                let isChinese = language.code == "zh-Hant"
                let pattern = isChinese ? Self.chinese : Self.english
                let range = NSRange(line.startIndex..., in: line)
                for match in pattern.matches(in: line, range: range) {
                    let part = (line as NSString).substring(with: match.range(at: 1)).lowercased()
                    let inPart = headings.filter { Self.parts[part, default: []].contains($0.slug) }
                    let resolved: Bool
                    if isChinese {
                        let quoted = (line as NSString).substring(with: match.range(at: 2))
                        resolved = inPart.contains { $0.text == quoted || $0.number == quoted }
                    } else if let quoted = Range(match.range(at: 6), in: line) {
                        resolved = inPart.contains { $0.text == line[quoted] }
                    } else {
                        let number = (2...5).compactMap { Range(match.range(at: $0), in: line).map { String(line[$0]) } }.first ?? ""
                        resolved = inPart.contains { $0.number == "(\(number))" || $0.number == "\(number)." }
                    }
                    cited += 1
                    #expect(resolved, "\(file): '\((line as NSString).substring(with: match.range))' names no numbered heading")
                }
            }
            #expect(cited >= 8, "\(language.code): only \(cited) citations found; the patterns no longer match the report")
        }
    }

    @Test func aQuotedSectionBecomesALinkAndOtherTextStaysText() throws {
        let language = Language(code: "zh-Hant", name: "中文", numbering: NumberingScheme(levels: ["{han}、", "({han})"]))
        let chapter = try Chapter.load(
            text: "---\ntitle: 大會\nnumber: \"4\"\n---\n\n## 開幕 {#opening}\n\n## 討論 & 表決 {#talks}\n", file: "a.md",
            fileName: "04-plenary.md", language: language)
        var log = DiagnosticLog()
        let outlined = Outliner(chapter: chapter, counterpartIDs: nil).run(log: &log)
        let outline = SectionNumberer(numbering: try #require(chapter.numbering), scheme: language.numbering).run(
            outlined.blocks, outline: outlined.outline
        ).outline
        let citations = SectionCitations([(chapter, outline)], urls: SiteURLs(baseURL: "https://example.org/r/", basePath: "/r/"))
        #expect(
            citations.html("見大會「(二) 討論 & 表決」與「(一) 開幕」，及「(三) 其他」、\"四、大會\"。")
                == "見大會「<a href=\"/r/zh-hant/plenary/#talks\">(二) 討論 &amp; 表決</a>」與「<a href=\"/r/zh-hant/plenary/#opening\">(一) 開幕</a>」，"
                + "及「(三) 其他」、&quot;<a href=\"/r/zh-hant/plenary/\">四、大會</a>&quot;。")
        #expect(citations.html("a < b \"unclosed") == "a &lt; b &quot;unclosed")
    }

    /// Every numbered heading of the language, as its chapter numbers it: slug, label, label and text.
    static func numberedHeadings(content: URL, language: Language) throws -> [(slug: String, number: String, text: String)] {
        let folder = content.appendingPathComponent(language.code)
        var headings: [(slug: String, number: String, text: String)] = []
        for fileName in FileTree.files(under: folder) where fileName.hasSuffix(".md") {
            let chapter = try Chapter.load(
                text: try SourceFile.read(folder.appendingPathComponent(fileName), as: fileName), file: fileName, fileName: fileName,
                language: language)
            guard let numbering = chapter.numbering else { continue }
            var log = DiagnosticLog()
            let outlined = Outliner(chapter: chapter, counterpartIDs: nil).run(log: &log)
            let outline = SectionNumberer(numbering: numbering, scheme: language.numbering).run(outlined.blocks, outline: outlined.outline)
                .outline
            if let number = chapter.titleNumber { headings.append((chapter.slug, number, chapter.numberedTitle)) }
            headings += outline.compactMap { entry in entry.number.map { (chapter.slug, $0, entry.numberedText) } }
        }
        return headings
    }

    /// The lines of the chapters of `language` and of the tables' text in it.
    static func lines(content: URL, language: String) throws -> [(file: String, line: String)] {
        var lines: [(file: String, line: String)] = []
        let folder = content.appendingPathComponent(language)
        for fileName in FileTree.files(under: folder) where fileName.hasSuffix(".md") {
            let text = try SourceFile.read(folder.appendingPathComponent(fileName), as: fileName)
            lines += text.split(separator: "\n").map { ("content/\(language)/\(fileName)", String($0)) }
        }
        let tables = content.appendingPathComponent("tables")
        for fileName in FileTree.files(under: tables) where fileName.hasSuffix(".yaml") {
            let text = try SourceFile.read(tables.appendingPathComponent(fileName), as: fileName)
            lines += text.split(separator: "\n").filter { $0.contains("\(language): ") }.map { ("content/tables/\(fileName)", String($0)) }
        }
        return lines
    }
}
