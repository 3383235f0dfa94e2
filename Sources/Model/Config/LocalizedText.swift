/// Text that is either the same in every language or given per language code.
public struct LocalizedText: Hashable, Sendable {
    /// Text that reads the same in every language (a name, a code such as `TEL54`).
    public var neutral: String?
    public var byLanguage: [String: String]

    public init(neutral: String? = nil, byLanguage: [String: String] = [:]) {
        self.neutral = neutral
        self.byLanguage = byLanguage
    }

    /// The text for `language`, or nil when it is only given in other languages.
    public func text(in language: String) -> String? {
        byLanguage[language] ?? neutral
    }

    /// The text for `language`, falling back to the first language that has it.
    public func text(in language: String, fallback languages: [String]) -> String {
        text(in: language) ?? languages.lazy.compactMap { self.byLanguage[$0] }.first ?? ""
    }

    /// The languages among `languages` that lack this text.
    public func missing(in languages: [String]) -> [String] {
        neutral != nil ? [] : languages.filter { byLanguage[$0] == nil }
    }
}
