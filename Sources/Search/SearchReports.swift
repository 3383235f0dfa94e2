/// The reports of a library's search, which its filters (report, meeting series, year) read:
/// `reports-<hash>.json`, named in the manifest only for a library, and fetched only when a reader
/// filters, so that a query that does not filter costs nothing more. Written as
/// `[{"id","title","series","seriesName","year","first","end"}]`: sections `first..<end` of the
/// index belong to the report (a library's sections are added report by report).
package struct SearchReports {
    /// One report: what the filters offer of it (the series' name in the index's language, the
    /// year of its meeting), and its sections.
    package typealias Report = (id: String, title: String, series: String, seriesName: String, year: Int, sections: Range<Int>)

    package var reports: [Report]

    package init(reports: [Report] = []) {
        self.reports = reports
    }

    func json() -> [UInt8] {
        SearchFiles.array(
            reports.map { report in
                SearchFiles.object([
                    ("id", SearchFiles.string(report.id)), ("title", SearchFiles.string(report.title)),
                    ("series", SearchFiles.string(report.series)), ("seriesName", SearchFiles.string(report.seriesName)),
                    ("year", Array(String(report.year).utf8)), ("first", Array(String(report.sections.lowerBound).utf8)),
                    ("end", Array(String(report.sections.upperBound).utf8)),
                ])
            })
    }
}
