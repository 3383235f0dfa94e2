import Foundation
import Support
import Yams

/// `publication:` in `site.yaml`: who published the report, when and where, for its colophon,
/// citation and metadata. Every field is optional: a site states only what its original gives.
public struct Publication: Sendable {
    /// Who issued the report (an agency, a delegation).
    public var publisher: LocalizedText?
    /// Who wrote it, in order (people or a body such as the delegation).
    public var authors: [LocalizedText] = []
    /// The report's own number, as the publisher writes it.
    public var reportNumber: String?
    public var published: CalendarDate?
    public var updated: CalendarDate?
    /// Where the original document is published (an http(s) address).
    public var originalURL: String?
    public var licence: LocalizedText?
    /// The meeting the report is about: its name, place and dates.
    public var meeting: Meeting?

    /// The meeting a report reports on.
    public struct Meeting: Sendable {
        public var name: LocalizedText
        public var place: LocalizedText?
        public var dates: DateRange?
    }

    public init() {}
}

// MARK: - Loading

extension Publication {
    package static let keys = ["publisher", "authors", "reportNumber", "published", "updated", "originalURL", "licence", "meeting"]

    /// Reads the `publication:` mapping of `site.yaml`.
    package static func load(_ node: Node, yaml: YAMLReader, languages: [String]) throws(SiteError) -> Publication {
        let fields = try YAMLMapping(node, "publication", allowed: keys, yaml: yaml)
        var publication = Publication()
        publication.publisher = try fields.localized("publisher", languages: languages)
        for author in try fields.sequence("authors") {
            publication.authors.append(try yaml.localized(author, "an author", languages: languages))
        }
        publication.reportNumber = try fields.string("reportNumber")
        publication.published = try date(fields["published"], "published", yaml: yaml)
        publication.updated = try date(fields["updated"], "updated", yaml: yaml)
        if let node = fields["originalURL"] {
            let url = try yaml.string(node, "originalURL")
            guard let scheme = URLComponents(string: url)?.scheme, ["http", "https"].contains(scheme) else {
                throw yaml.error("originalURL must be an http(s) address, got '\(url)'", at: node)
            }
            publication.originalURL = url
        }
        publication.licence = try fields.localized("licence", languages: languages)
        if let node = fields["meeting"] {
            let meeting = try YAMLMapping(node, "meeting", allowed: ["name", "place", "dates"], yaml: yaml)
            var dates: DateRange?
            if let datesNode = meeting["dates"] {
                let text = try yaml.string(datesNode, "dates")
                guard let range = DateRange(parsing: text) else {
                    throw yaml.error("meeting dates must be a range such as 2016-06-12/2016-06-17, got '\(text)'", at: datesNode)
                }
                dates = range
            }
            publication.meeting = Meeting(
                name: try meeting.requiredLocalized("name", "meeting name", languages: languages),
                place: try meeting.localized("place", languages: languages), dates: dates)
        }
        return publication
    }

    private static func date(_ node: Node?, _ what: String, yaml: YAMLReader) throws(SiteError) -> CalendarDate? {
        guard let node else { return nil }
        let text = try yaml.string(node, what)
        guard let date = CalendarDate(parsing: text) else {
            throw yaml.error("\(what) must be a date such as 2016-07-15, 2016-07 or 2016, got '\(text)'", at: node)
        }
        return date
    }
}
