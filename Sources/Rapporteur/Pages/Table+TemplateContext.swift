import Markdown
import Model

extension Table {
    /// The data a table template gets (the theme's `partials/table.mustache`). Cell `html` is
    /// escaped here, with line breaks as `<br>`, and so are the notes and `descriptionHTML`, by
    /// `notesHTML`, which links the sections they cite; everything else is plain text for `{{ }}`.
    func templateContext(
        in language: Language, languages: [String], urls: SiteURLs, anchor: String, sourceURL: (SourceReference) -> String?,
        notesHTML: (String) -> String, strings: [String: String]
    ) -> [String: Any] {
        // Runs in the other script get their language (`LanguageParts`).
        let parts = LanguageParts(language: language.code, siteLanguages: languages)
        let cellsHTML = { (text: String?) -> String in
            guard let text, !text.isEmpty else { return "—" }
            return text.split(separator: "\n", omittingEmptySubsequences: true).map { parts.html(String($0)) }.joined(separator: "<br>")
        }
        let hasSource = rows.contains { $0.source != nil }
        let rowContexts: [[String: Any]] = rows.map { row in
            var cells: [[String: Any]] = []
            for (index, column) in columns.enumerated() {
                var cell: [String: Any] = [
                    "html": cellsHTML(display(row.values[index], column: column, in: language, fallback: languages)),
                    "numeric": column.type.isNumeric,
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
            "headerColumn": columns.first.map { ["label": $0.label.text(in: language.code, fallback: languages)] } ?? [:],
            "columns": columns.dropFirst().map {
                ["label": $0.label.text(in: language.code, fallback: languages), "numeric": $0.type.isNumeric]
            },
            "rows": rowContexts,
            "hasSource": hasSource,
            "notes": notes.map { notesHTML($0.text(in: language.code, fallback: languages)) },
            "hasNotes": !notes.isEmpty,
            "facts": facts.map { fact in
                [
                    "label": fact.label.text(in: language.code, fallback: languages),
                    "value": fact.display(in: language, fallback: languages),
                ]
            },
            "hasFacts": !facts.isEmpty,
            "hasRows": !rows.isEmpty,
            "page": urls.table(name, language),
            "json": urls.data(name, "json"),
            "csv": urls.data(name, "csv"),
            "t": strings,
        ]
        if let description = description?.text(in: language.code, fallback: languages) {
            context["description"] = description
            context["descriptionHTML"] = notesHTML(description)
        }
        if let totalValues {
            let cells = zip(columns, totalValues).map { column, value in
                [
                    "html": value == .empty ? "" : cellsHTML(display(value, column: column, in: language, fallback: languages)),
                    "numeric": column.type.isNumeric,
                ]
            }
            context["totals"] = ["cells": Array(cells.dropFirst())]
        }
        return context
    }
}
