import Model

extension Chart {
    /// The chart as inline SVG in `source`'s language, its ids prefixed by `id` (unique on the page).
    static func svg(_ source: ChartSource, id: String) -> String {
        switch source.chart.kind {
        case .bar, .stackedBar: BarChartSVG(source: source, id: id).svg()
        case .timeline:
            source.chart.periodColumns.isEmpty ? TimelineSVG(source: source, id: id).svg() : WeekTimelineSVG(source: source, id: id).svg()
        }
    }
}
