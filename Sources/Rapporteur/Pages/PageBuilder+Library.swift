import Foundation
import Model

/// The pages of a library of reports: its home per language (the newest reports, the years, the
/// series), a page per year and per meeting series; and what a report's pages say of the library.
extension PageBuilder {
    /// How many reports a library's home lists; the rest are on the year pages, so the home
    /// stays small however many reports the library holds.
    static let latestReports = 10

    func libraryJobs(_ library: Library) -> [Job] {
        var jobs: [Job] = [.landing, .notFound]
        let years = Set(library.reports.map(\.settings.year)).sorted(by: >)
        for language in config.languages {
            jobs.append(.libraryHome(language))
            jobs += years.map { .year($0, language) }
            jobs += library.series.map { .series($0, language) }
            jobs.append(.search(language))
        }
        return jobs
    }

    func libraryPage(_ job: Job) -> Page {
        switch job {
        case .year(let year, let language): libraryPage(language) { urls.year(year, $0) }
        case .series(let series, let language): libraryPage(language) { urls.series(series.id, $0) }
        case .libraryHome(let language): libraryPage(language, xDefault: urls.landing, path: urls.siteHome)
        default: preconditionFailure("not a page of the library: \(job)")
        }
    }

    /// A library page in `language`, at `path` of each of the library's languages.
    private func libraryPage(_ language: Language, xDefault: String? = nil, path: (Language) -> String) -> Page {
        Page(
            path: path(language), language: language,
            alternates: Dictionary(uniqueKeysWithValues: config.languages.map { ($0.code, path($0)) }),
            xDefault: xDefault ?? path(config.defaultLanguage))
    }

    func libraryContext(_ job: Job, page: Page) -> (template: String, context: [String: Any]) {
        guard let library = build.library?.library else { preconditionFailure("library pages without a library") }
        let codes = config.languageCodes
        switch job {
        case .libraryHome(let language):
            var context = layoutContext(
                page, language: language, title: config.title.text(in: language.code, fallback: codes), description: "")
            context["latest"] = library.reports.prefix(Self.latestReports).map { reportSummary($0, in: language) }
            let years = Dictionary(grouping: library.reports, by: \.settings.year)
            context["years"] = years.keys.sorted(by: >).map { year in
                ["year": year, "href": urls.year(year, language), "count": count(years[year]?.count ?? 0, in: language)]
            }
            context["series"] = library.series.map { series in
                [
                    "name": series.name.text(in: language.code, fallback: codes), "href": urls.series(series.id, language),
                    "count": count(library.reports.filter { $0.settings.meeting.series == series.id }.count, in: language),
                ]
            }
            context["feed"] = urls.feed(language)
            return ("library", context)
        case .year(let year, let language):
            let title = (strings(language)["libraryYear"] ?? "{year}").replacingOccurrences(of: "{year}", with: String(year))
            var context = layoutContext(page, language: language, title: title, description: "")
            context["reports"] = library.reports.filter { $0.settings.year == year }.map { reportSummary($0, in: language) }
            return ("library-year", context)
        case .series(let series, let language):
            let name = series.name.text(in: language.code, fallback: codes)
            var context = layoutContext(page, language: language, title: name, description: "")
            context["body"] = series.body?.text(in: language.code, fallback: codes) ?? ""
            let format = ValueFormatter(language: language)
            context["meetings"] = library.meetings(of: series).map { meeting -> [String: Any] in
                let reports = library.reports(on: MeetingReference(series: series.id, number: meeting.number))
                return [
                    "anchor": meeting.anchor, "name": series.meetingName(meeting.number, in: language.code, fallback: codes),
                    "dates": meeting.dates.map(format.dateRange) ?? "",
                    "venue": meeting.venue?.text(in: language.code, fallback: codes) ?? "",
                    "host": meeting.host?.text(in: language.code, fallback: codes) ?? "",
                    "reports": reports.map { reportSummary($0, in: language) }, "hasReports": !reports.isEmpty,
                ]
            }
            return ("library-series", context)
        default:
            preconditionFailure("not a page of the library: \(job)")
        }
    }

    /// A report as lists show it: title, meeting, dates, venue, one line, and where it is not in `language`.
    func reportSummary(_ entry: LibraryReport, in language: Language) -> [String: Any] {
        guard let context = build.library else { return [:] }
        let codes = config.languageCodes
        let settings = entry.settings
        let languages = entry.report.config.languages
        let shown = languages.contains(language) ? language : languages[0]
        let meeting = context.meeting(MeetingReference(series: settings.meeting.series, number: settings.meeting.number), in: language)
        var summary: [String: Any] = [
            "title": settings.title.text(in: language.code, fallback: codes),
            "href": context.urls.forReport(entry.id).home(shown),
            "meeting": meeting.name, "meetingHref": meeting.href,
            "dates": settings.meeting.dates.map(ValueFormatter(language: language).dateRange) ?? "",
            "venue": settings.meeting.venue?.text(in: language.code, fallback: codes) ?? "",
            "description": settings.description.text(in: language.code, fallback: codes),
        ]
        if shown != language {
            summary["onlyIn"] = (strings(language)["libraryOnlyIn"] ?? "{language}").replacingOccurrences(
                of: "{language}", with: shown.name)
            summary["lang"] = shown.code
        }
        return summary
    }

    private func count(_ count: Int, in language: Language) -> String {
        if count == 1 { return strings(language)["libraryCountOne"] ?? "1" }
        return (strings(language)["libraryCount"] ?? "{count}").replacingOccurrences(
            of: "{count}", with: ValueFormatter(language: language).number(Decimal(count)))
    }

    /// The library a report's page belongs to, as its header links it; nil outside a library's report.
    func libraryLink(_ language: Language) -> [String: String]? {
        guard let context = build.library, build.isLibraryReport else { return nil }
        let codes = context.library.config.languageCodes
        return ["title": context.library.config.title.text(in: language.code, fallback: codes), "href": context.urls.siteHome(language)]
    }

    /// A report's meeting, with links to its series and to the reports on the meetings before and after.
    func reportMeetingContext(_ language: Language) -> [String: Any] {
        guard let context = build.library, let id = urls.report, let entry = context.library.report(id) else { return [:] }
        let meeting = entry.settings.meeting
        let reference = MeetingReference(series: meeting.series, number: meeting.number)
        var result: [String: Any] = [
            "meeting": ["name": context.meeting(reference, in: language).name, "href": urls.meeting(reference, language)]
        ]
        let others = context.library.reports.filter { $0.settings.meeting.series == meeting.series }
        if let previous = others.filter({ $0.settings.meeting.number < meeting.number }).max(by: {
            $0.settings.meeting.number < $1.settings.meeting.number
        }) {
            result["previousMeeting"] = reportSummary(previous, in: language)
        }
        result["hasMeetingNeighbours"] = result["previousMeeting"] != nil
        if let next = others.filter({ $0.settings.meeting.number > meeting.number }).min(by: {
            $0.settings.meeting.number < $1.settings.meeting.number
        }) {
            result["nextMeeting"] = reportSummary(next, in: language)
            result["hasMeetingNeighbours"] = true
        }
        return result
    }

    /// The facts of a library report that states none: its meeting's name, dates, venue and host.
    func meetingFacts(_ language: Language) -> [[String: String]] {
        guard let context = build.library, let id = urls.report, let entry = context.library.report(id) else { return [] }
        let meeting = entry.settings.meeting
        let codes = context.library.config.languageCodes
        let strings = strings(language)
        let name = context.meeting(MeetingReference(series: meeting.series, number: meeting.number), in: language).name
        let rows: [(String?, String?)] = [
            (strings["colophonMeeting"], name), (strings["libraryDates"], meeting.dates.map(ValueFormatter(language: language).dateRange)),
            (strings["libraryVenue"], meeting.venue?.text(in: language.code, fallback: codes)),
            (strings["libraryHost"], meeting.host?.text(in: language.code, fallback: codes)),
        ]
        return rows.compactMap { label, value in
            guard let label, let value, !value.isEmpty else { return nil }
            return ["label": label, "value": value]
        }
    }
}
