import Markdown
import Model
import Support

extension ChapterPipeline {
    /// A table's charts without the table (a ```` ```chart NAME ```` block), each through the
    /// theme's `partials/chart.mustache`; the first has the block's `anchor` as its id.
    func renderCharts(
        _ table: Table, anchor: String, language: Language, strings: [String: String], file: String, log: inout DiagnosticLog
    ) -> Block {
        var html = ""
        for index in table.charts.indices {
            let id = index == 0 ? anchor : "\(anchor)-chart-\(index + 1)"
            let context = table.chartContext(index, in: language, languages: project.config.languageCodes, id: id, strings: strings)
            guard let chart = log.collect({ () throws(SiteError) in try project.templates.render("partials/chart", context, for: file) })
            else { return .generated("") }
            html += chart
        }
        return .generated(html)
    }
}
