/// How a language's words become search terms, chosen by its code: English words are stemmed
/// (`meetings` is `meet`) and its function words left out; other languages keep their words
/// whole. Every language folds case and accents (`Économie` is `economie`); CJK characters,
/// kana and Hangul are read as characters and pairs of characters in every language (see
/// `SearchTokenizer`). The theme's `assets/search.js` chooses by the index's language the same way.
package struct SearchRules: Sendable, Equatable {
    package var stemsEnglish: Bool

    /// The rules for a BCP 47 code: English (`en`, `en-GB`) stems, the others do not.
    package init(language: String) {
        let primary = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
        stemsEnglish = primary == "en"
    }
}
