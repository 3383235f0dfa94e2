import Model

/// What a reader needs to cite the report in one language: the title and the `publication:`
/// fields of `site.yaml` as that language writes them, and the addresses of the report.
///
/// The formats are in `Citation+Formats.swift` (plain text, BibTeX, CSL-JSON) and
/// `Citation+Metadata.swift` (`citation_*` meta tags, schema.org JSON-LD).
struct Citation {
    let language: Language
    let title: String
    let description: String
    let authors: [String]
    let publisher: String?
    let reportNumber: String?
    let published: CalendarDate?
    let updated: CalendarDate?
    let originalURL: String?
    let licence: String?
    let meeting: (name: String, place: String?, dates: DateRange?)?
    /// The report home's full URL.
    let homeURL: String
    /// The PDF's full URL, when the build publishes one.
    let pdfURL: String?
    /// The interface strings of `language` (labels, the citation's punctuation).
    let strings: [String: String]

    init(config: SiteConfig, language: Language, urls: SiteURLs, hasPDF: Bool, strings: [String: String]) {
        let codes = config.languageCodes
        let text = { (localized: LocalizedText) in localized.text(in: language.code, fallback: codes) }
        let publication = config.publication
        self.language = language
        self.strings = strings
        title = text(config.title)
        description = text(config.description)
        authors = publication.authors.map(text)
        publisher = publication.publisher.map(text)
        reportNumber = publication.reportNumber
        published = publication.published
        updated = publication.updated
        originalURL = publication.originalURL
        licence = publication.licence.map(text)
        meeting = publication.meeting.map { (name: text($0.name), place: $0.place.map(text), dates: $0.dates) }
        homeURL = urls.absolute(urls.home(language))
        pdfURL = hasPDF ? urls.absolute(urls.pdf(language)) : nil
    }

    /// The meeting as one phrase: `53rd Meeting of … (APEC TEL53), Tacna, Peru, 12–17 June 2016`.
    var meetingText: String? {
        guard let meeting else { return nil }
        let formatter = ValueFormatter(language: language)
        let parts = [meeting.name, meeting.place, meeting.dates.map(formatter.dateRange)].compactMap(\.self)
        return parts.joined(separator: strings["citeMeetingSeparator"] ?? ", ")
    }

    /// The colophon's lines, label and value, in a fixed order; only the fields the site gives.
    var colophon: [(label: String, value: String, href: String?)] {
        let formatter = ValueFormatter(language: language)
        let lines: [(String, String?, String?)] = [
            ("colophonAuthors", authors.isEmpty ? nil : authors.joined(separator: strings["citeListSeparator"] ?? ", "), nil),
            ("colophonPublisher", publisher, nil),
            ("colophonReportNumber", reportNumber, nil),
            ("colophonMeeting", meetingText, nil),
            ("colophonPublished", published.map(formatter.date), nil),
            ("colophonUpdated", updated.map(formatter.date), nil),
            ("colophonOriginal", originalURL, originalURL),
            ("colophonLicence", licence, nil),
        ]
        return lines.compactMap { key, value, href in value.map { (label: strings[key] ?? key, value: $0, href: href) } }
    }
}
