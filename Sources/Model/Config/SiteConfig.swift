import Foundation
import Support
import Yams

/// `content/site.yaml`: the site's settings and the facts of the meeting it reports on.
public struct SiteConfig: Sendable {
    /// The published address, always ending in `/` (`https://example.org/tel53/`).
    public var baseURL: String
    /// The languages; the first is the default.
    public var languages: [Language]
    /// The language the report was written in (`original:`, by default the first): translations
    /// take its heading ids and are compared with it.
    public var originalLanguage: Language
    public var title: LocalizedText
    public var subtitle: LocalizedText
    public var description: LocalizedText
    /// Whether raw HTML in chapters is written out (off: cmark's safe mode).
    public var allowsRawHTML: Bool
    /// What the home page says of the meeting, in this order (name, dates, venue…).
    public var facts: [Fact]
    public var glossary: GlossaryRole
    /// Who published the report and when (`publication:`), for the colophon and the citation.
    public var publication: Publication
    /// Who publishes the site (`publisher:`): in a library, the agency whose reports it holds;
    /// a report that names no publisher of its own is published by it.
    public var publisher: LocalizedText?

    /// The language the site opens in: the first listed.
    public var defaultLanguage: Language { languages[0] }
    /// The languages other than the original.
    public var translations: [Language] { languages.filter { $0 != originalLanguage } }
    /// The original first, then the translations in their order.
    public var languagesOriginalFirst: [Language] { [originalLanguage] + translations }
    public var languageCodes: [String] { languages.map(\.code) }

    /// The path part of `baseURL` (`/tel53/`), which every internal link starts with.
    public var basePath: String {
        guard let components = URLComponents(string: baseURL), !components.path.isEmpty else { return "/" }
        return components.path.hasSuffix("/") ? components.path : components.path + "/"
    }
}

// MARK: - Loading

extension SiteConfig {
    package static let keys = [
        "baseURL", "languages", "original", "title", "subtitle", "description", "allowRawHTML", "facts", "glossary", "publication",
        "publisher",
    ]

    /// The path of a project's settings.
    package static let file = "content/site.yaml"

    /// Reads the settings of the project at `root`, with `baseURL` (from the command line) over
    /// the file's; problems are logged.
    package static func load(root: URL, baseURL: String?, log: inout DiagnosticLog) -> SiteConfig? {
        guard
            var config = log.collect({ () throws(SiteError) in
                try load(text: try SourceFile.read(root.appendingPathComponent(file), as: file), file: file)
            })
        else { return nil }
        if let baseURL, let normalized = log.collect({ () throws(SiteError) in try normalizedBaseURL(baseURL) }) {
            config.baseURL = normalized
        }
        return config
    }

    /// Reads `site.yaml`; `file` is the path printed in messages.
    package static func load(text: String, file: String) throws(SiteError) -> SiteConfig {
        let yaml = YAMLReader(file: file)
        let site = try YAMLMapping(try yaml.parse(text), "site.yaml", allowed: keys, yaml: yaml)
        let languages = try loadLanguages(try site.required("languages"), yaml: yaml)
        let codes = languages.map(\.code)
        let baseURLNode = try site.required("baseURL")
        let baseURL = try normalizedBaseURL(try yaml.string(baseURLNode, "baseURL"), yaml: yaml, node: baseURLNode)
        var original = languages[0]
        if let node = site["original"] {
            let code = try yaml.string(node, "original")
            guard let language = languages.first(where: { $0.code == code }) else {
                throw yaml.error("original '\(code)' is not one of the languages (\(codes.joined(separator: ", ")))", at: node)
            }
            original = language
        }
        return SiteConfig(
            baseURL: baseURL,
            languages: languages,
            originalLanguage: original,
            title: try site.requiredLocalized("title", languages: codes),
            subtitle: try site.requiredLocalized("subtitle", languages: codes),
            description: try site.requiredLocalized("description", languages: codes),
            allowsRawHTML: try site.bool("allowRawHTML") ?? false,
            facts: try Fact.load(try site.sequence("facts"), yaml: yaml, languages: codes),
            glossary: try loadGlossaryRole(site["glossary"], yaml: yaml),
            publication: try site["publication"].map { node throws(SiteError) in
                try Publication.load(node, yaml: yaml, languages: codes)
            } ?? Publication(),
            publisher: try site.localized("publisher", languages: codes)
        )
    }

    /// Checks and normalises a base URL given on the command line.
    package static func normalizedBaseURL(_ url: String) throws(SiteError) -> String {
        try normalizedBaseURL(url, yaml: nil, node: nil)
    }
}

private extension SiteConfig {
    static func loadLanguages(_ node: Node, yaml: YAMLReader) throws(SiteError) -> [Language] {
        var languages: [Language] = []
        for item in try yaml.sequence(node, "languages") {
            let fields = try YAMLMapping(
                item, "a language", allowed: ["code", "name", "locale", "spacesBetweenHanAndDigits", "currencies", "numbering"], yaml: yaml)
            let codeNode = try fields.required("code", else: "a language needs 'code' and 'name'")
            let code = try yaml.string(codeNode, "code")
            var currencyPatterns: [String: String] = [:]
            if let currencies = fields["currencies"] {
                for pair in try yaml.mapping(currencies, "currencies") {
                    let pattern = try yaml.string(pair.value, "a currency pattern")
                    guard pattern.contains("{amount}") else {
                        throw yaml.error("a currency pattern writes {amount} where the number goes, got '\(pattern)'", at: pair.value)
                    }
                    currencyPatterns[pair.key] = pattern
                }
            }
            let style = WritingStyle(
                locale: try fields.string("locale") ?? code,
                spacesBetweenHanAndDigits: try fields.bool("spacesBetweenHanAndDigits") ?? false, currencyPatterns: currencyPatterns)
            let language = Language(
                code: code, name: try fields.requiredString("name"), style: style,
                numbering: try fields["numbering"].map { node throws(SiteError) in try loadNumbering(node, yaml: yaml) } ?? .plain)
            guard language.code.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else {
                throw yaml.error("language code '\(language.code)' must be letters and '-'", at: codeNode)
            }
            guard !languages.contains(where: { $0.urlSegment == language.urlSegment }) else {
                throw yaml.error("language '\(language.code)' is listed twice", at: codeNode)
            }
            languages.append(language)
        }
        guard !languages.isEmpty else { throw yaml.error("languages must list at least one language", at: node) }
        return languages
    }

    /// A list of formats, one per level, each with one known `{style}` (`"({han})"`).
    static func loadNumbering(_ node: Node, yaml: YAMLReader) throws(SiteError) -> NumberingScheme {
        var levels: [String] = []
        for item in try yaml.sequence(node, "numbering") {
            let format = try yaml.string(item, "a numbering level")
            guard NumberingScheme.placeholder(in: format) != nil, format.filter({ $0 == "{" }).count == 1 else {
                let styles = CounterStyle.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
                throw yaml.error("a numbering level writes one of \(styles) where the number goes, got '\(format)'", at: item)
            }
            levels.append(format)
        }
        return NumberingScheme(levels: levels)
    }

    static func loadGlossaryRole(_ node: Node?, yaml: YAMLReader) throws(SiteError) -> GlossaryRole {
        var role = GlossaryRole()
        guard let node else { return role }
        let fields = try YAMLMapping(node, "glossary", allowed: ["table", "term", "expansion"], yaml: yaml)
        role.table = try fields.string("table") ?? role.table
        role.term = try fields.string("term") ?? role.term
        role.expansion = try fields.string("expansion") ?? role.expansion
        role.location = yaml.location(of: node)
        return role
    }

    static func normalizedBaseURL(_ url: String, yaml: YAMLReader?, node: Node?) throws(SiteError) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
            ["http", "https"].contains(scheme), components.host?.isEmpty == false,
            components.query == nil, components.fragment == nil
        else {
            let message = "baseURL must be an http(s) address such as https://example.org/tel53/, got '\(url)'"
            if let yaml, let node { throw yaml.error(message, at: node) }
            throw SiteError("--base-url: " + message, at: nil)
        }
        return url.hasSuffix("/") ? url : url + "/"
    }
}
