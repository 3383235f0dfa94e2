import Model

/// Acronyms and their expansions in a translation's language, from the site's glossary: a
/// translation that spells out `ACMA` in full does not need the acronym.
package struct Glossary: Sendable {
    /// Expansions by the key of the acronym, lower case and without punctuation.
    private var expansions: [String: [String]] = [:]

    package init(report: Report, language: String) {
        for row in report.glossary(in: language) {
            for name in row.terms.split(whereSeparator: { $0 == "," || $0 == "/" }) {
                expansions[NameScanner.key(String(name)), default: []].append(row.expansion)
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
