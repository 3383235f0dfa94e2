import Foundation
import Model

/// Horizontal bars, one group per row under the row's label: side by side (`bar`) or stacked
/// with the row's sum at the end (`stacked-bar`). A legend names the series (with the table's
/// totals where it has them), and an axis of round ticks runs under the bars.
struct BarChartSVG: ChartDrawing {
    let source: ChartSource

    static let barHeight = 16.0
    static let gap = 6.0

    func draw(on canvas: inout ChartCanvas) -> (height: Double, description: [String]) {
        let columns = source.chart.valueColumns
        let stacked = source.chart.kind == .stackedBar
        let rows = source.table.rows
        let width = ChartCanvas.width
        var y = legend(&canvas)
        let values = rows.flatMap { row in
            stacked ? [columns.compactMap { source.number(row, $0) }.reduce(0, +)] : columns.compactMap { source.number(row, $0) }
        }
        // The bars stop short of the edge by the widest value, so every value fits after its bar.
        let widest =
            values.map { ChartLabels.width(source.display($0, unitOf: columns[0]), fontSize: ChartCanvas.smallFontSize) }.max() ?? 0
        let scale = ChartScale(values: values, maxTicks: 5, range: 0...max(width - widest - 8, width / 2))
        let plotTop = y
        var description: [String] = []
        for row in rows {
            for line in ChartLabels.wrap(source.label(row), width: width, fontSize: ChartCanvas.fontSize, bold: true) {
                y += ChartCanvas.lineHeight
                canvas.text(line, x: 0, y: y - 4, className: "chart-label")
            }
            y += 2
            let shown = columns.map { source.display(row, $0) }
            if stacked {
                let numbers = columns.map { source.number(row, $0) }
                let sum = numbers.compactMap { $0 }.reduce(0, +)
                var start = scale.position(0)
                for (series, number) in numbers.enumerated() {
                    guard let number else { continue }
                    let end = scale.position(number) - scale.position(0) + start
                    canvas.seriesBar(series: series, x: start, y: y, width: end - start, height: Self.barHeight)
                    start = end
                }
                let total = numbers.allSatisfy({ $0 == nil }) ? "—" : source.display(sum, unitOf: columns[0])
                y = valueText(total, markStart: scale.position(0), markEnd: start, y: y, canvas: &canvas)
                let parts = zip(columns, shown).map { column, text in source.columnLabel(column) + " " + (text ?? "—") }
                description.append(source.label(row) + ": " + parts.joined(separator: ", ") + " (" + total + ")")
            } else {
                for (series, column) in columns.enumerated() {
                    let end = source.number(row, column).map(scale.position) ?? scale.position(0)
                    canvas.seriesBar(series: series, x: scale.position(0), y: y, width: end - scale.position(0), height: Self.barHeight)
                    y = valueText(shown[series] ?? "—", markStart: scale.position(0), markEnd: end, y: y, canvas: &canvas)
                    y += 2
                }
                let parts = zip(columns, shown).map { column, text in source.columnLabel(column) + " " + (text ?? "—") }
                description.append(source.label(row) + ": " + parts.joined(separator: ", "))
            }
            y += Self.gap
        }
        y = axis(scale, top: plotTop, bottom: y, canvas: &canvas)
        return (y, description)
    }

    /// The series' swatches and names, with the table's totals of those columns; returns the
    /// y under it.
    private func legend(_ canvas: inout ChartCanvas) -> Double {
        let totals = source.table.totalValues
        var x = 0.0
        var y = ChartCanvas.lineHeight
        for (series, column) in source.chart.valueColumns.enumerated() {
            var text = source.columnLabel(column)
            if let totals, case .number(let sum) = totals[column] {
                text += " (" + (source.strings["total"] ?? "") + " " + source.display(sum, unitOf: column) + ")"
            }
            let itemWidth = 18 + ChartLabels.width(text, fontSize: ChartCanvas.smallFontSize) + 14
            if x > 0, x + itemWidth > ChartCanvas.width {
                x = 0
                y += ChartCanvas.lineHeight + 2
            }
            canvas.seriesBar(series: series, x: x, y: y - 11, width: 12, height: 12)
            canvas.text(text, x: x + 18, y: y, size: ChartCanvas.smallFontSize)
            x += itemWidth
        }
        return y + 8
    }

    /// A bar's value beside it, or under it when neither side has room; returns the y under
    /// the bar and its text.
    private func valueText(_ text: String, markStart: Double, markEnd: Double, y: Double, canvas: inout ChartCanvas) -> Double {
        let width = ChartLabels.width(text, fontSize: ChartCanvas.smallFontSize)
        let baseline = y + Self.barHeight - 4
        switch ChartLabels.place(textWidth: width, markStart: markStart, markEnd: markEnd, gap: 4, limit: ChartCanvas.width) {
        case .after(let x):
            canvas.text(text, x: x, y: baseline, size: ChartCanvas.smallFontSize, className: "chart-value")
            return y + Self.barHeight
        case .before(let x):
            canvas.text(text, x: x, y: baseline, anchor: .end, size: ChartCanvas.smallFontSize, className: "chart-value")
            return y + Self.barHeight
        case .below(let x):
            canvas.text(text, x: x, y: baseline + ChartCanvas.lineHeight, size: ChartCanvas.smallFontSize, className: "chart-value")
            return y + Self.barHeight + ChartCanvas.lineHeight
        }
    }

    /// Grid lines over the plot and tick labels under it, thinned so none touch; returns the
    /// chart's height.
    private func axis(_ scale: ChartScale, top: Double, bottom: Double, canvas: inout ChartCanvas) -> Double {
        let ticks = scale.ticks
        let labels = ticks.map { source.display($0, unitOf: source.chart.valueColumns[0]) }
        let positions = ticks.map(scale.position)
        let widths = labels.map { ChartLabels.width($0, fontSize: ChartCanvas.smallFontSize) }
        for position in positions { canvas.line(x1: position, y1: top, x2: position, y2: bottom, className: "chart-grid", behind: true) }
        canvas.line(x1: scale.start, y1: bottom, x2: scale.end, y2: bottom, className: "chart-axis")
        let baseline = bottom + ChartCanvas.lineHeight
        let centres = ChartLabels.centres(of: positions, widths: widths, limit: ChartCanvas.width)
        for index in ChartLabels.ticksToLabel(positions: centres, widths: widths, gap: 8) {
            canvas.text(
                labels[index], x: centres[index], y: baseline, anchor: .middle, size: ChartCanvas.smallFontSize, className: "chart-tick")
        }
        return baseline + 4
    }
}
