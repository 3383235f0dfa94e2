import Markdown
import Model

extension Table {
    /// The data a table template gets (the theme's `partials/table.mustache`). Cell `html` is
    /// escaped here, with line breaks as `<br>`, and so are the notes and `descriptionHTML`, by
    /// `notesHTML`, which links the sections they cite; everything else is plain text for `{{ }}`.
    func templateContext(
        in language: Language, languages: [String], urls: SiteURLs, anchor: String, sourceURL: (SourceReference) -> String?,
        notesHTML: (String) -> String, meetingHTML: (MeetingReference) -> String = { HTML.escape($0.text) }, strings: [String: String]
    ) -> [String: Any] {
        // Runs in the other script get their language (`LanguageParts`).
        let parts = LanguageParts(language: language.code, siteLanguages: languages)
        let cellsHTML = { (text: String?) -> String in
            guard let text, !text.isEmpty else { return "—" }
            // Most cells are one line; splitting by `Character` costs more than marking the text.
            guard text.utf8.contains(UInt8(ascii: "\n")) else { return parts.html(text) }
            return text.split(separator: "\n", omittingEmptySubsequences: true).map { parts.html(String($0)) }.joined(separator: "<br>")
        }
        let labels = columns.map { $0.label.text(in: language.code, fallback: languages) }
        let displayed = rows.map { row in
            columns.indices.map { display(row.values[$0], column: columns[$0], in: language, fallback: languages) }
        }
        let kinds = columns.indices.map { index in columns[index].kind(of: displayed.map { $0[index] }) }
        let hasSource = rows.contains { $0.source != nil }
        let rowContexts: [[String: Any]] = rows.enumerated().map { rowIndex, row in
            var cells: [[String: Any]] = []
            for (index, column) in columns.enumerated() {
                let html: String
                if case .meeting(let meeting) = row.values[index] {
                    html = meetingHTML(meeting)
                } else {
                    html = cellsHTML(displayed[rowIndex][index])
                }
                var cell: [String: Any] = [
                    "html": ContentHTML(html: html), "numeric": column.type.isNumeric,
                    "kind": kinds[index],
                    "label": labels[index],
                ]
                if case .status(let key) = row.values[index] { cell["status"] = key }
                cells.append(cell)
            }
            var context: [String: Any] = ["header": cells.first ?? [:], "cells": Array(cells.dropFirst())]
            if let source = row.source, let url = sourceURL(source) { context["source"] = url }
            return context
        }
        var context: [String: Any] = [
            "name": name,
            "anchor": anchor,
            "caption": caption.text(in: language.code, fallback: languages),
            "headerColumn": labels.first.map { ["label": $0, "kind": kinds[0]] } ?? [:],
            "columns": columns.indices.dropFirst().map { ["label": labels[$0], "numeric": columns[$0].type.isNumeric, "kind": kinds[$0]] },
            "rows": rowContexts,
            "hasSource": hasSource,
            "cards": columns.count + (hasSource ? 1 : 0) > Self.mostColumnsOnPhones,
            "notes": notes.map { ContentHTML(html: notesHTML($0.text(in: language.code, fallback: languages))) },
            "hasNotes": !notes.isEmpty,
            "facts": facts.map { fact in
                [
                    "label": fact.label.text(in: language.code, fallback: languages),
                    "value": fact.display(in: language, fallback: languages),
                ]
            },
            "hasFacts": !facts.isEmpty,
            "hasRows": !rows.isEmpty,
            "charts": charts.indices.map {
                chartContext($0, in: language, languages: languages, id: anchor + "-chart-\($0 + 1)", strings: strings)
            },
            "page": urls.table(name, language),
            "json": urls.data(name, "json"),
            "csv": urls.data(name, "csv"),
            "t": strings,
        ]
        if let description = description?.text(in: language.code, fallback: languages) {
            context["description"] = description
            context["descriptionHTML"] = ContentHTML(html: notesHTML(description))
        }
        if let totalValues {
            let cells = columns.indices.map { index in
                let value = totalValues[index]
                return [
                    "html": ContentHTML(
                        html: value == .empty ? "" : cellsHTML(display(value, column: columns[index], in: language, fallback: languages))),
                    "numeric": columns[index].type.isNumeric, "kind": kinds[index], "label": labels[index],
                ]
            }
            context["totals"] = ["cells": Array(cells.dropFirst())]
        }
        return context
    }

    /// The keys of `templateContext` that hold the addresses of the table's own page and files.
    static let ownAddresses = ["page", "json", "csv"]

    /// A table with more columns than this (the source link included) is shown on phones as one
    /// labelled card per row: scrolled sideways, its columns would be a few characters wide.
    static let mostColumnsOnPhones = 6
}

extension Table.Column {
    /// The CSS class suffix of this column's cells (`cell-money`), which decides how they wrap:
    /// numbers, dates and short text (names, codes) never wrap inside; long text (`prose`) wraps
    /// at word and phrase boundaries.
    func kind(of shown: [String?]) -> String {
        guard type == .text else { return type.rawValue }
        let widest = shown.lazy.compactMap { $0 }.flatMap { $0.split(separator: "\n") }.map(Self.displayWidth).max() ?? 0
        return widest <= Self.shortTextWidth ? "short" : "prose"
    }

    /// The widest line, in columns of a monospaced terminal (a CJK character is two), that a
    /// text column may hold and still be kept on one line: a name, a code, a short label.
    static let shortTextWidth = 24

    /// The width of `text` in terminal columns: East Asian wide characters count two.
    static func displayWidth(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in width + (isWide(scalar) ? 2 : 1) }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }
}
