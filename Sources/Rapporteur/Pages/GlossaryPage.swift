import Foundation
import Markdown
import Model

/// The template data of the glossary's own page (`glossary.mustache`): the glossary table with
/// every language's expansion in each row (the page's own first, each other in its own `lang`),
/// its rows grouped by initial for a jump list, and source links named by the chapter and section
/// they lead to.
struct GlossaryPage {
    let table: Table
    let role: GlossaryRole
    let language: Language
    let languages: [Language]
    /// Chapters by language code and file name, for the titles of the sections rows come from.
    let index: [String: [String: ExpandedChapter]]
    let project: Project
    let urls: SiteURLs

    /// The data of `partials/glossary-table`; nil when the table lacks the role's columns.
    func context(strings: [String: String]) -> [String: Any]? {
        guard let termColumn = table.columns.firstIndex(where: { $0.id == role.term }),
            let expansionColumn = table.columns.firstIndex(where: { $0.id == role.expansion })
        else { return nil }
        let codes = languages.map(\.code)
        let others = languages.filter { $0 != language }
        let otherColumns = table.columns.indices.filter { $0 != termColumn && $0 != expansionColumn }
        let parts = LanguageParts(language: language.code, siteLanguages: codes)
        let othersParts = others.map { LanguageParts(language: $0.code, siteLanguages: codes) }
        let label = { (index: Int) in table.columns[index].label.text(in: language.code, fallback: codes) }
        let labels =
            [label(termColumn), label(expansionColumn)]
            + others.map { other in
                (strings["glossaryIn"] ?? "{label} ({language})").replacingOccurrences(of: "{label}", with: label(expansionColumn))
                    .replacingOccurrences(of: "{language}", with: other.name)
            } + otherColumns.map(label) + [strings["source"] ?? ""]

        var groups: [(letter: String, rows: [[String: Any]])] = []
        for row in table.rows {
            let term = table.display(row.values[termColumn], column: table.columns[termColumn], in: language, fallback: codes) ?? ""
            var cells: [[String: Any]] = [["html": ContentHTML(html: html(row.values[expansionColumn], in: language, parts: parts))]]
            for (other, otherParts) in zip(others, othersParts) {
                cells.append([
                    "html": ContentHTML(html: html(row.values[expansionColumn], in: other, parts: otherParts)), "language": other.code,
                ])
            }
            // Notes and other columns stay empty where a row has none (hidden on phones).
            cells += otherColumns.map { ["html": ContentHTML(html: html(row.values[$0], in: language, parts: parts, missing: ""))] }
            var context: [String: Any] = ["term": ContentHTML(html: parts.html(term)), "cells": cells]
            if let source = row.source.flatMap(sourceLink) { context["source"] = source }
            let letter = Self.initial(of: term)
            if groups.last?.letter == letter { groups[groups.count - 1].rows.append(context) } else { groups.append((letter, [context])) }
        }
        var context: [String: Any] = [
            "name": table.name,
            "caption": table.caption.text(in: language.code, fallback: codes),
            "labels": labels,
            "columnCount": labels.count,
            "groups": groups.enumerated().map { position, group in
                // A letter that comes back after others (rows out of order) gets an id of its own.
                let repeats = groups[..<position].filter { $0.letter == group.letter }.count
                let id = "letter-" + Self.slug(group.letter) + (repeats > 0 ? "-\(repeats + 1)" : "")
                return ["letter": group.letter, "id": id, "rows": group.rows] as [String: Any]
            },
        ]
        if let description = table.description?.text(in: language.code, fallback: codes) { context["description"] = description }
        return context
    }

    /// The initial rows are grouped by: a letter in upper case, or `0–9` for digits and symbols.
    static func initial(of term: String) -> String {
        guard let first = term.first, first.isLetter else { return "0–9" }
        return String(first).uppercased()
    }
}

// MARK: - Cells

private extension GlossaryPage {
    /// A cell in `language` alone (no fallback: a missing translation shows as a dash), escaped,
    /// its runs in the other script marked.
    func html(_ value: Table.Value, in language: Language, parts: LanguageParts, missing: String = "—") -> String {
        if case .text(let text) = value, let shown = text.text(in: language.code), !shown.isEmpty {
            return shown.split(separator: "\n", omittingEmptySubsequences: true).map { parts.html(String($0)) }.joined(separator: "<br>")
        }
        return missing
    }

    /// The row's source as a link named by where it leads: `Chapter › Section`.
    func sourceLink(_ source: Table.SourceReference) -> [String: String]? {
        guard let chapter = project.chapter(slug: source.slug, language: language) else { return nil }
        var text = chapter.title
        let outline = index[chapter.language.code]?[chapter.fileName]?.outline ?? []
        if let anchor = source.anchor, let section = outline.first(where: { $0.id == anchor }) { text += " › " + section.text }
        return ["href": urls.chapter(chapter.slug, chapter.language) + (source.anchor.map { "#" + $0 } ?? ""), "text": text]
    }

    /// An id-safe form of an initial: ASCII letters and digits, lower case.
    static func slug(_ letter: String) -> String {
        let ascii = letter.lowercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        return ascii.isEmpty ? String(letter.unicodeScalars.first.map { $0.value } ?? 0) : String(String.UnicodeScalarView(ascii))
    }
}
