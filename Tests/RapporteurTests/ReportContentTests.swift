import Foundation
import Markdown
import Testing

@testable import Model
@testable import Rapporteur
@testable import Support

/// Checks the real report in content/: every sentence of the original is kept, and every
/// Chinese chapter has an English counterpart with the same structure.
@Suite struct ReportContentTests {
    static let content = TestProject.repository.appendingPathComponent("content")

    static func chapters(_ language: String) throws -> [Chapter] {
        let folder = content.appendingPathComponent(language)
        return try FileTree.files(under: folder).filter { $0.hasSuffix(".md") }.map { fileName in
            try Chapter.load(
                text: try SourceFile.read(folder.appendingPathComponent(fileName), as: fileName),
                file: "content/\(language)/\(fileName)", fileName: fileName,
                language: Language(code: language, name: language))
        }
    }

    // MARK: - Nothing of the original is lost

    @Test func everySentenceOfTheOriginalIsInTheContent() throws {
        let original = try String(
            contentsOf: TestProject.fixtures.deletingLastPathComponent().appendingPathComponent("report/original.txt"), encoding: .utf8)
        let sentences = OriginalReport.sentences(of: original)
        let haystack = Array(try Self.chineseText().utf8)
        var whole = 0
        var missing: [String] = []
        for sentence in sentences {
            if haystack.firstRange(of: Array(sentence.utf8)) != nil {
                whole += 1
            } else if let piece = OriginalReport.firstMissingPiece(of: sentence, in: haystack) {
                missing.append("\(sentence)\n    missing: \(piece)")
            }
        }
        print(
            "original report: \(sentences.count) sentences compared, \(sentences.count - missing.count) found (\(whole) whole, the rest in pieces where the text became headings, lists or tables)"
        )
        #expect(sentences.count > 1000)
        #expect(missing.isEmpty, "not found in content/:\n\(missing.joined(separator: "\n"))")
    }

    /// All Chinese text a reader gets: chapter titles and bodies, figure captions, every table.
    static func chineseText() throws -> String {
        var parts: [String] = []
        for chapter in try chapters("zh-Hant") {
            parts.append(chapter.title)
            parts.append(OriginalReport.text(of: chapter.blocks, figureLabel: "圖"))
        }
        let tables = content.appendingPathComponent("tables")
        for fileName in FileTree.files(under: tables) where fileName.hasSuffix(".yaml") {
            let table = try Table.load(
                name: String(fileName.dropLast(5)), text: try SourceFile.read(tables.appendingPathComponent(fileName), as: fileName),
                file: fileName, languages: ["zh-Hant", "en"])
            let language = Language(code: "zh-Hant", name: "中文")
            parts.append(table.caption.text(in: "zh-Hant") ?? "")
            for row in table.rows {
                for (column, value) in zip(table.columns, row.values) {
                    parts.append(table.display(value, column: column, in: language, fallback: ["zh-Hant"]) ?? "")
                }
            }
            parts += table.notes.compactMap { $0.text(in: "zh-Hant") }
            parts += table.facts.map {
                ($0.label.text(in: "zh-Hant") ?? "")
                    + $0.display(in: language, fallback: ["zh-Hant"])
            }
        }
        return OriginalReport.normalize(parts.joined(separator: "\n"))
    }

    // MARK: - The English edition

    @Test func everyChineseChapterHasAnEnglishPairWithTheSameStructure() throws {
        let chinese = try Self.chapters("zh-Hant")
        let english = Dictionary(uniqueKeysWithValues: try Self.chapters("en").map { ($0.fileName, $0) })
        #expect(chinese.filter { !$0.isSummary }.count == 18)
        var headings = 0
        for zh in chinese {
            let en = try #require(english[zh.fileName], "no English translation of \(zh.fileName)")
            let zhShape = Structure(zh.blocks)
            let enShape = Structure(en.blocks)
            #expect(zhShape.headingsPerLevel == enShape.headingsPerLevel, "\(zh.fileName): headings per level")
            #expect(zhShape.headingIDs == enShape.headingIDs, "\(zh.fileName): heading ids")
            #expect(zhShape.tables == enShape.tables, "\(zh.fileName): table blocks")
            #expect(zhShape.figures == enShape.figures, "\(zh.fileName): figures")
            #expect(zhShape.links == enShape.links, "\(zh.fileName): link targets")
            headings += zhShape.headingIDs.count
        }
        print("English edition: \(english.count) chapters, \(headings) headings paired")
    }

    @Test func englishPagesHaveNoChineseCharacters() throws {
        for chapter in try Self.chapters("en") {
            let text = chapter.title + chapter.description + OriginalReport.text(of: chapter.blocks, figureLabel: "Figure ")
            let han = text.unicodeScalars.filter { $0.properties.isIdeographic }
            #expect(han.isEmpty, "\(chapter.file) has Chinese characters: \(String(String.UnicodeScalarView(han.prefix(20))))")
        }
    }

    @Test func noPDFArtifactsRemain() throws {
        for language in ["zh-Hant", "en"] {
            let folder = Self.content.appendingPathComponent(language)
            for fileName in FileTree.files(under: folder) {
                let text = try String(contentsOf: folder.appendingPathComponent(fileName), encoding: .utf8)
                for artifact in ["錯誤!", "找不到參照來源", "由 0 可以", "從 0 也", "Error! Reference source", "\u{F06C}", "\u{F09F}", "\u{F0D8}"] {
                    #expect(!text.contains(artifact), "\(language)/\(fileName) contains '\(artifact)'")
                }
                let loneNumbers = text.split(separator: "\n").filter { line in
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    return !trimmed.isEmpty && trimmed.allSatisfy(\.isNumber)
                }
                #expect(loneNumbers.isEmpty, "\(language)/\(fileName) has page-number lines: \(loneNumbers)")
            }
        }
    }

    @Test func everyChapterHasATitleAndDescription() throws {
        for chapter in try Self.chapters("zh-Hant") + Self.chapters("en") {
            #expect(!chapter.title.isEmpty && !chapter.description.isEmpty, "\(chapter.file)")
        }
    }
}

/// The structure two translations must share.
struct Structure: Equatable {
    var headingsPerLevel: [Int: Int] = [:]
    var headingIDs: [String] = []
    var tables: [String] = []
    var figures: [String] = []
    var links: [String] = []

    init(_ blocks: [Block]) {
        Walker.walk(blocks) { event in
            switch event {
            case .enterBlock(.heading(let level, let content, _, _)):
                headingsPerLevel[level, default: 0] += 1
                headingIDs.append(HeadingID.splitExplicitID(content).1 ?? "")
            case .enterBlock(.codeBlock(let info, let literal, _)):
                if info.hasPrefix("table ") { tables.append(info) }
                if info == "figure" {
                    figures.append(literal.split(separator: "\n").first { $0.hasPrefix("number:") }.map(String.init) ?? "")
                }
            case .enterInline(.link(let destination, _, _, _)): links.append(destination)
            // Links in an image's alt text are not the chapter's links.
            case .enterInline(.image): return .skipChildren
            default: break
            }
            return .visitChildren
        }
    }
}

/// How the original report is cut into sentences and compared.
enum OriginalReport {
    /// Broken cross-references of the original, mended in the content to the figure they mean.
    /// Written without whitespace, as sentences are compared.
    static let mended = [
        ("由0可以得知", "由圖8可以得知"),
        ("從0也可以看到", "從圖9也可以看到"),
        ("詳見錯誤!找不到參照來源。", "詳見圖12。"),
    ]

    /// The original's sentences, whitespace removed: split at sentence punctuation and before
    /// every numbered heading; numbering markers, bullets and page numbers dropped.
    static func sentences(of original: String) -> [String] {
        var segments: [String] = []
        var current = ""
        for line in original.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.allSatisfy(\.isNumber) { continue }
            let (marker, rest) = splitMarker(trimmed)
            if marker {
                segments.append(current)
                current = ""
            }
            current += rest
        }
        segments.append(current)
        return segments.flatMap { segment in
            var text = normalize(segment)
            for (broken, mended) in mended { text = text.replacingOccurrences(of: broken, with: mended) }
            return text.split(omittingEmptySubsequences: true) { "。！？；".contains($0) }.map(String.init)
        }.filter { $0.count >= 2 }
    }

    /// Where a sentence was split by the editing (its heading became a heading, its items a list or
    /// a table), it is found in pieces: the longest prefix found, then the rest. Returns the first
    /// piece that is not in the content, or nil when every piece is there. Pieces shorter than
    /// three characters (a lone label) must still be found, but may sit anywhere.
    static func firstMissingPiece(of sentence: String, in haystack: [UInt8]) -> String? {
        var rest = Substring(sentence)
        while !rest.isEmpty {
            var low = 0
            var high = rest.count
            while low < high {
                let middle = (low + high + 1) / 2
                if haystack.firstRange(of: Array(rest.prefix(middle).utf8)) != nil { low = middle } else { high = middle - 1 }
            }
            if low == 0 { return String(rest.prefix(12)) }
            rest = rest.dropFirst(low)
        }
        return nil
    }

    /// Removes a leading numbering marker (`壹、` `一、` `(一)` `1.` `(1)` `A.`) or bullet.
    static func splitMarker(_ line: String) -> (Bool, String) {
        let patterns = [
            #"^[壹貳參肆]、\s*"#, #"^[一二三四五六七八九十]+、\s*"#, #"^\([一二三四五六七八九十]+\)\s*"#,
            #"^\(\d+\)\s*"#, #"^\d+\.(?!\d)\s*"#, #"^[A-Za-z]\.\s+"#, #"^[\x{F06C}\x{F09F}\x{F0D8}]\s*"#, #"^-\s+"#, #"^\d+\s+(?=\D)"#,
        ]
        for pattern in patterns {
            if let range = line.range(of: pattern, options: .regularExpression) {
                return (true, String(line[range.upperBound...]))
            }
        }
        return (false, line)
    }

    /// Text without whitespace, so line joins and spacing choices do not matter.
    static func normalize(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }.map(Character.init))
    }

    /// The reader's text of Markdown blocks, with figures as `圖 N caption source`.
    static func text(of blocks: [Block], figureLabel: String) -> String {
        var parts: [String] = []
        Walker.walk(blocks) { event in
            guard case .enterBlock(let block) = event else { return .visitChildren }
            switch block {
            case .paragraph(let inlines, _):
                parts.append(inlines.plainText)
                return .skipChildren
            case .heading(_, let content, _, _):
                parts.append(HeadingID.splitExplicitID(content).0.plainText)
                return .skipChildren
            case .codeBlock(let info, let literal, _) where info == "figure":
                parts += literal.split(separator: "\n").map { line in
                    let value = line.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                    return line.hasPrefix("number:") ? figureLabel + value : value.trimmingCharacters(in: CharacterSet(charactersIn: " \""))
                }
            default: break
            }
            return .visitChildren
        }
        return parts.joined(separator: "\n")
    }
}
