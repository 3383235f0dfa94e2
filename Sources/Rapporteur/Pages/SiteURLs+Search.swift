import Model
import Search

extension SiteURLs {
    /// The search page of a language: `/en/search/`.
    func search(_ language: Language) -> String { siteHome(language) + "search/" }

    /// The search manifest of a language, beside its page: `/en/search/index.json` (see `SearchFiles`).
    func searchIndex(_ language: Language) -> String { searchFile(SearchFiles.manifestName, language) }

    /// A file of a language's search (a chunk of its index, a fragment), by its name in the search folder.
    func searchFile(_ name: String, _ language: Language) -> String { search(language) + name }
}
