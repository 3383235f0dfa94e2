import Model

/// What the builds of a library share: its series and reports, the library's addresses and,
/// once every report is resolved, each report's chapters and anchors, for links between reports.
struct LibraryContext: Sendable {
    let library: Library
    let urls: SiteURLs
    /// The resolved reports by id; empty while they are being resolved.
    var reports: [String: ResolvedReport] = [:]
    /// The glossary markers of every report's chapters.
    let glossaries = GlossaryMarker.SharedMarkers()
    /// Pages' parts that many reports render alike.
    let renders = SharedRenders()

    /// A report with its headings' ids, as links from other reports need it.
    struct ResolvedReport: Sendable {
        let project: Project
        let urls: SiteURLs
        let index: [String: [String: ExpandedChapter]]
    }

    /// The text and address of a meeting in `language`, with the reports on it: for a `meeting` cell.
    func meeting(_ meeting: MeetingReference, in language: Language) -> (
        name: String, href: String, reports: [(title: String, href: String)]
    ) {
        let languages = library.config.languageCodes
        let name = library.series(meeting.series)?.meetingName(meeting.number, in: language.code, fallback: languages) ?? meeting.text
        let reports = library.reports(on: meeting).map { entry in
            let reportLanguage = entry.report.config.languages.contains(language) ? language : entry.report.config.languages[0]
            return (entry.settings.title.text(in: language.code, fallback: languages), urls.forReport(entry.id).home(reportLanguage))
        }
        return (name, urls.meeting(meeting, language), reports)
    }
}
