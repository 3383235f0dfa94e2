import Markdown

extension Table {
    /// The text of a value in `language`; nil for an empty cell.
    func display(_ value: Value, column: Column, in language: Language, fallback languages: [String]) -> String? {
        display(value, currency: column.currency, statuses: column.statuses, in: language, fallback: languages)
    }

    func display(
        _ value: Value, currency: String?, statuses: [(key: String, label: LocalizedText)], in language: Language,
        fallback languages: [String]
    ) -> String? {
        let format = ValueFormatter(language: language)
        switch value {
        case .empty: return nil
        case .text(let text): return text.text(in: language.code, fallback: languages)
        case .number(let number): return currency.map { format.money(number, currency: $0) } ?? format.number(number)
        case .year(let year): return String(year)
        case .date(let date): return format.date(date)
        case .dateRange(let range): return format.dateRange(range)
        case .status(let key):
            return statuses.first { $0.key == key }?.label.text(in: language.code, fallback: languages) ?? key
        }
    }

    /// The data a table template gets (`Templates/partials/table.mustache`). Cell `html` is
    /// escaped here, with line breaks as `<br>`; everything else is plain text for `{{ }}`.
    func templateContext(
        in language: Language, languages: [String], urls: SiteURLs, anchor: String, sourceURL: (SourceReference) -> String?,
        strings: [String: String]
    ) -> [String: Any] {
        let cellsHTML = { (text: String?) -> String in
            guard let text, !text.isEmpty else { return "—" }
            return text.split(separator: "\n", omittingEmptySubsequences: true).map { HTML.escape(String($0)) }.joined(separator: "<br>")
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
            "notes": notes.map { $0.text(in: language.code, fallback: languages) },
            "hasNotes": !notes.isEmpty,
            "facts": facts.map { fact in
                [
                    "label": fact.label.text(in: language.code, fallback: languages),
                    "value": display(fact.value, currency: fact.currency, statuses: [], in: language, fallback: languages) ?? "—",
                ]
            },
            "hasFacts": !facts.isEmpty,
            "hasRows": !rows.isEmpty,
            "page": urls.table(name, language),
            "json": urls.data(name, "json"),
            "csv": urls.data(name, "csv"),
            "t": strings,
        ]
        if let description { context["description"] = description.text(in: language.code, fallback: languages) }
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
