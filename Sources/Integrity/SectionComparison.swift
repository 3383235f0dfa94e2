import Foundation
import Support

/// Compares one section of the original with the section of the translation that has its id.
package struct SectionComparison {
    package let original: ChapterSection
    package let translation: ChapterSection
    package let originalLanguage: String
    package let translationLanguage: String
    package let glossary: Glossary
    package let scope: String
    /// For the text of a table cell: its column, which names it in messages instead of a section.
    package var column: String? = nil
    /// Where each link, table and figure first is in the whole chapter, per language: a message
    /// can then say where an item that left its section went.
    package var chapterItems: [String: [String: SourceLocation]] = [:]

    package func findings() -> [Finding] {
        facts(from: original, in: translation, language: translationLanguage)
            + facts(from: translation, in: original, language: originalLanguage)
            + names() + structure()
    }

    /// `in the zh-Hant section #opening (line 6) ... section #opening of content/en/04-plenary.md:6`.
    /// `otherLanguage` is the language of `other`; `own` is in the other language of the pair.
    private func describe(_ own: ChapterSection, against other: ChapterSection, otherLanguage: String) -> (own: String, other: String) {
        let language = otherLanguage == translationLanguage ? originalLanguage : translationLanguage
        if let column { return ("the \(language) '\(column)'", "'\(column)'") }
        return (
            "the \(language) section #\(own.id) (line \(own.location.line ?? 1))",
            "section #\(other.id) of \(other.location.file):\(other.location.line ?? 1)"
        )
    }

    /// Every significant number and every date of `section` must be among those of `other`.
    package func facts(from section: ChapterSection, in other: ChapterSection, language: String) -> [Finding] {
        let theirs = other.lines.flatMap(\.facts)
        let embedded = other.lines.reduce(into: Set<Decimal>()) { $0.formUnion($1.embeddedNumbers) }
        let (own, target) = describe(section, against: other, otherLanguage: language)
        return section.lines.flatMap { line in
            line.facts.filter(\.isSignificant).compactMap { fact -> Finding? in
                guard !theirs.contains(where: fact.matches) else { return nil }
                if case .number(let number) = fact.value, embedded.contains(number) { return nil }
                let kind = if case .date = fact.value { "date" } else { "number" }
                let normalised = fact.key == fact.written ? "" : " (\(fact.key))"
                return Finding(
                    scope: scope, section: section.id, value: fact.key, written: fact.written, location: line.location(at: fact.offset),
                    message: "\(kind) '\(fact.written)'\(normalised) in \(own) is not in the \(language) \(target)")
            }
        }
    }

    /// Every Latin name of the Chinese section must be in the English one, or its acronym spelt out.
    package func names() -> [Finding] {
        let text = translation.lines.map(\.text).joined(separator: "\n")
        let (own, target) = describe(original, against: translation, otherLanguage: translationLanguage)
        var reported: Set<String> = []
        return original.lines.flatMap { line in
            NameScanner.names(in: line.text).compactMap { name -> Finding? in
                guard !translation.keys.contains(name), !glossary.isExpanded(name, in: text), reported.insert(name.key).inserted else {
                    return nil
                }
                return Finding(
                    scope: scope, section: original.id, value: name.written, written: name.written,
                    location: line.location(at: name.offset),
                    message: "name '\(name.written)' in \(own) is not in the \(translationLanguage) \(target)")
            }
        }
    }

    /// The links, tables and figures of both sections, in the same order. Each item left over
    /// by the longest common subsequence is reported in the file that has it.
    private func structure() -> [Finding] {
        let ours = original.items.map(\.value)
        let theirs = translation.items.map(\.value)
        let common = Self.longestCommonSubsequence(ours, theirs)
        return leftovers(original, against: translation, keeping: common.first, language: translationLanguage)
            + leftovers(translation, against: original, keeping: common.second, language: originalLanguage)
    }

    private func leftovers(_ section: ChapterSection, against other: ChapterSection, keeping kept: Set<Int>, language: String) -> [Finding]
    {
        let (own, target) = describe(section, against: other, otherLanguage: language)
        let otherValues = other.items.map(\.value)
        return section.items.enumerated().filter { !kept.contains($0.offset) }.map { _, item in
            let problem = otherValues.contains(item.value) ? "is in a different place in" : "is not in"
            let elsewhere =
                chapterItems[language]?[item.value].flatMap { location in
                    otherValues.contains(item.value) ? nil : "; the \(language) chapter has it at line \(location.line ?? 1)"
                } ?? ""
            return Finding(
                scope: scope, section: section.id, value: item.value, written: item.target, location: item.location,
                message: "\(item.value) in \(own) \(problem) the \(language) \(target)\(elsewhere)")
        }
    }

    /// The indices of `a` and of `b` that belong to a longest common subsequence.
    package static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> (first: Set<Int>, second: Set<Int>) {
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var first: Set<Int> = []
        var second: Set<Int> = []
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                first.insert(i)
                second.insert(j)
                i += 1
                j += 1
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return (first, second)
    }
}
