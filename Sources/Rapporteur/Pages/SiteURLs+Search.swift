import Model

extension SiteURLs {
    /// The search page of a language: `/en/search/`.
    func search(_ language: Language) -> String { home(language) + "search/" }

    /// The search index of a language, beside its page: `/en/search/index.json`.
    func searchIndex(_ language: Language) -> String { search(language) + "index.json" }
}
