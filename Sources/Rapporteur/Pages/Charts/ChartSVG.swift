import Model

/// One kind of chart, drawn from its source.
protocol ChartDrawing {
    var source: ChartSource { get }
    /// Draws the chart; returns its height and the items of its description.
    func draw(on canvas: inout ChartCanvas) -> (height: Double, description: [String])
}

extension Chart {
    /// The chart as inline SVG in `source`'s language, its ids prefixed by `id` (unique on the page).
    static func svg(_ source: ChartSource, id: String) -> String {
        let drawing: any ChartDrawing =
            switch source.chart.kind {
            case .bar, .stackedBar: BarChartSVG(source: source)
            case .timeline: source.chart.periodColumns.isEmpty ? TimelineSVG(source: source) : WeekTimelineSVG(source: source)
            }
        var canvas = ChartCanvas(id: id)
        let drawn = drawing.draw(on: &canvas)
        return canvas.svg(height: drawn.height, title: source.caption, description: source.list(drawn.description))
    }
}
