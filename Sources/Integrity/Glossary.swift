import Model

/// Acronyms and their English expansions from `content/tables/glossary.yaml`: an English text
/// that spells out `ACMA` in full does not need the acronym.
package struct Glossary: Sendable {
    /// Expansions by the key of the acronym, lower case and without punctuation.
    private var expansions: [String: [String]] = [:]

    package init(table: Table?, language: String) {
        guard let table,
            let acronym = table.columns.firstIndex(where: { $0.id == "acronym" }),
            let expansion = table.columns.firstIndex(where: { $0.id == "expansion" })
        else { return }
        for row in table.rows {
            guard case .text(let acronyms) = row.values[acronym], case .text(let text) = row.values[expansion],
                let names = acronyms.text(in: language), let full = text.text(in: language)
            else { continue }
            for name in names.split(whereSeparator: { $0 == "," || $0 == "/" }) {
                expansions[NameScanner.key(String(name)), default: []].append(full)
            }
        }
    }

    /// Whether `text` spells out the acronym: its expansion, with or without the part in brackets
    /// (`third generation (mobile communications)`).
    package func isExpanded(_ name: LatinName, in text: String) -> Bool {
        let haystack = Self.normalized(text)
        return expansions[name.key, default: []].contains { full in
            let short = full.split(separator: "(").first.map(String.init) ?? full
            return [full, short].contains { !Self.normalized($0).isEmpty && haystack.contains(Self.normalized($0)) }
        }
    }

    private static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
