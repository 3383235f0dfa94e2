import Model

extension Table {
    /// The data of `partials/chart.mustache` for the table's chart at `index`: its caption and
    /// its SVG, drawn in `language` with ids prefixed by `id` (the figure's own id).
    func chartContext(_ index: Int, in language: Language, languages: [String], id: String, strings: [String: String]) -> [String: Any] {
        let source = ChartSource(table: self, chart: charts[index], language: language, languages: languages, strings: strings)
        return ["anchor": id, "caption": source.caption, "svg": ContentHTML(html: Chart.svg(source, id: id))]
    }
}
