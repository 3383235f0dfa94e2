import Support
import Yams

/// `content/reports/ID/report.yaml`: what a report of a library says of itself. The rest of its
/// settings (address, languages, theme) are the library's `site.yaml`.
public struct ReportSettings: Sendable {
    public var title: LocalizedText
    public var subtitle: LocalizedText
    /// One line, shown where reports are listed.
    public var description: LocalizedText
    /// The meeting the report is about; its dates give the report's year.
    public var meeting: Meeting
    public var facts: [Fact]
    public var publication: Publication?
    /// The language the report was written in, when it is not the library's (`original:`).
    public var original: String?

    public var year: Int { meeting.dates?.start.year ?? 0 }

    /// The settings of the report's pages: the library's, with the report's own over them and
    /// only the languages the report is written in (`languages`, a subset of the library's).
    public func config(over site: SiteConfig, languages: [Language]) -> SiteConfig {
        var config = site
        config.languages = languages
        config.originalLanguage = languages.first { $0.code == original } ?? config.originalLanguage
        if !languages.contains(config.originalLanguage) { config.originalLanguage = languages[0] }
        config.title = title
        config.subtitle = subtitle
        config.description = description
        config.facts = facts
        config.publication = publication ?? Publication()
        if config.publication.publisher == nil { config.publication.publisher = site.publisher }
        return config
    }
}

// MARK: - Loading

extension ReportSettings {
    package static let keys = ["title", "subtitle", "description", "meeting", "facts", "publication", "original"]
    package static let fileName = "report.yaml"

    package static func load(text: String, file: String, languages: [String]) throws(SiteError) -> ReportSettings {
        let yaml = YAMLReader(file: file)
        let fields = try YAMLMapping(try yaml.parse(text), "report.yaml", allowed: keys, yaml: yaml)
        var original: String?
        if let node = fields["original"] {
            original = try yaml.string(node, "original")
            guard languages.contains(original ?? "") else {
                throw yaml.error(
                    "original '\(original ?? "")' is not one of the library's languages (\(languages.joined(separator: ", ")))", at: node)
            }
        }
        return ReportSettings(
            title: try fields.requiredLocalized("title", languages: languages),
            subtitle: try fields.localized("subtitle", languages: languages) ?? LocalizedText(neutral: ""),
            description: try fields.requiredLocalized("description", languages: languages),
            meeting: try Meeting.load(
                try fields.required("meeting"), series: nil, what: "meeting", yaml: yaml, languages: languages, needsDates: true),
            facts: try Fact.load(try fields.sequence("facts"), yaml: yaml, languages: languages),
            publication: try fields["publication"].map { node throws(SiteError) in
                try Publication.load(node, yaml: yaml, languages: languages)
            }, original: original)
    }
}
