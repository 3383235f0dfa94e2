import Model

extension SiteURLs {
    /// A meeting series' page: `/en/meetings/apec-tel/`.
    func series(_ id: String, _ language: Language) -> String { siteHome(language) + "meetings/" + id + "/" }

    /// A meeting's place on its series page: `/en/meetings/apec-tel/#meeting-54`.
    func meeting(_ meeting: MeetingReference, _ language: Language) -> String {
        series(meeting.series, language) + "#meeting-\(meeting.number)"
    }

    /// The reports of a year: `/en/years/2016/`.
    func year(_ year: Int, _ language: Language) -> String { siteHome(language) + "years/\(year)/" }

    /// The Atom feed of a language's reports: `/en/feed.xml`.
    func feed(_ language: Language) -> String { siteHome(language) + "feed.xml" }

    /// Names a report may not take: the library's own pages in each language.
    static let libraryFolders: Set<String> = ["search", "meetings", "years"]
}
