import Foundation

/// The table as downloadable data: `data/NAME.json` and `data/NAME.csv`.
extension Table {
    /// Typed values: numbers as numbers, dates in ISO 8601, text per language.
    package func json(languages: [String]) -> String {
        func text(_ value: LocalizedText) -> JSONValue {
            if let neutral = value.neutral { return .string(neutral) }
            return .object(languages.compactMap { code in value.byLanguage[code].map { (code, .string($0)) } })
        }
        func json(_ value: Value) -> JSONValue {
            switch value {
            case .empty: .null
            case .text(let value): text(value)
            case .number(let number): .number("\(number)")
            case .year(let year): .number(String(year))
            case .date(let date): .string(date.iso)
            case .dateRange(let range): .string(range.iso)
            case .status(let key): .string(key)
            case .meeting(let meeting): .string(meeting.text)
            }
        }
        var object: [(String, JSONValue)] = [
            ("name", .string(name)),
            ("caption", text(caption)),
            (
                "columns",
                .array(
                    columns.map { column in
                        var pairs: [(String, JSONValue)] = [
                            ("id", .string(column.id)), ("type", .string(column.type.rawValue)), ("label", text(column.label)),
                        ]
                        if let currency = column.currency { pairs.append(("currency", .string(currency))) }
                        if !column.formula.isEmpty {
                            let formula = column.formula.enumerated().map { index, term in
                                (index == 0 ? (term.sign < 0 ? "-" : "") : (term.sign < 0 ? " - " : " + ")) + term.column
                            }.joined()
                            pairs.append(("compute", .string(formula)))
                        }
                        return .object(pairs)
                    })
            ),
            (
                "rows",
                .array(
                    rows.map { row in
                        var pairs = zip(columns, row.values).map { ($0.id, json($1)) }
                        if let source = row.source {
                            pairs.append(("source", .string(source.slug + (source.anchor.map { "#" + $0 } ?? ""))))
                        }
                        return .object(pairs)
                    })
            ),
        ]
        if let totalValues {
            object.append(("totals", .object(zip(columns, totalValues).filter { totals.contains($0.0.id) }.map { ($0.id, json($1)) })))
        }
        if !facts.isEmpty {
            object.append(("facts", .array(facts.map { .object([("label", text($0.label)), ("value", json($0.value))]) })))
        }
        if !notes.isEmpty { object.append(("notes", .array(notes.map(text)))) }
        return JSONValue.object(object).serialized()
    }

    /// RFC 4180 CSV with a byte-order mark, so spreadsheet programs read the Chinese right. Text
    /// given per language takes one column per language (`host (zh-Hant)`, `host (en)`).
    package func csv(languages: [String]) -> Data {
        var header: [String] = []
        var extractors: [(Row) -> String] = []
        for (index, column) in columns.enumerated() {
            let perLanguage =
                column.type == .text
                && rows.contains {
                    if case .text(let text) = $0.values[index] { return text.neutral == nil }
                    return false
                }
            if perLanguage {
                for code in languages {
                    header.append("\(column.id) (\(code))")
                    extractors.append { row in
                        if case .text(let text) = row.values[index] { return text.text(in: code) ?? "" }
                        return ""
                    }
                }
            } else {
                header.append(column.id)
                extractors.append { row in Self.csvValue(row.values[index], languages: languages) }
            }
        }
        if rows.contains(where: { $0.source != nil }) {
            header.append("source")
            extractors.append { row in row.source.map { $0.slug + ($0.anchor.map { "#" + $0 } ?? "") } ?? "" }
        }
        var lines = [header.map(Self.csvField).joined(separator: ",")]
        for row in rows {
            lines.append(extractors.map { Self.csvField($0(row)) }.joined(separator: ","))
        }
        return Data(("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    private static func csvValue(_ value: Value, languages: [String]) -> String {
        switch value {
        case .empty: ""
        case .text(let text): text.text(in: languages[0]) ?? text.byLanguage.values.first ?? ""
        case .number(let number): "\(number)"
        case .year(let year): String(year)
        case .date(let date): date.iso
        case .dateRange(let range): range.iso
        case .status(let key): key
        case .meeting(let meeting): meeting.text
        }
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
