import Model

/// A week as a grid: one row per day (the table's rows, named by the label column), one column
/// per part of the day (the period columns), each slot shaded by how many events it holds
/// (one per line of the cell) and showing that number. The events themselves are in the
/// description and in the table after the chart.
struct WeekTimelineSVG: ChartDrawing {
    let source: ChartSource

    func draw(on canvas: inout ChartCanvas) -> (height: Double, description: [String]) {
        let periods = source.chart.periodColumns
        let rows = source.table.rows
        let labels = rows.map(source.label)
        let labelWidth =
            min(
                labels.map { ChartLabels.width($0, fontSize: ChartCanvas.fontSize, bold: true) }.max() ?? 0, ChartCanvas.width * 0.4) + 8
        let slotWidth = (ChartCanvas.width - labelWidth) / Double(max(periods.count, 1))
        var y = 0.0
        for (index, column) in periods.enumerated() {
            let lines = ChartLabels.wrap(source.columnLabel(column), width: slotWidth - 4, fontSize: ChartCanvas.smallFontSize)
            for (number, line) in lines.enumerated() {
                canvas.text(
                    line, x: labelWidth + slotWidth * (Double(index) + 0.5), y: ChartCanvas.lineHeight * Double(number + 1),
                    anchor: .middle, size: ChartCanvas.smallFontSize, className: "chart-tick")
            }
            y = max(y, ChartCanvas.lineHeight * Double(lines.count))
        }
        y += 6
        var description: [String] = []
        for (row, label) in zip(rows, labels) {
            let lines = ChartLabels.wrap(label, width: labelWidth - 8, fontSize: ChartCanvas.fontSize, bold: true)
            let height = max(Self.slotHeight, ChartCanvas.lineHeight * Double(lines.count) + 6)
            for (number, line) in lines.enumerated() {
                canvas.text(line, x: 0, y: y + ChartCanvas.lineHeight * Double(number + 1), className: "chart-label")
            }
            var slots: [String] = []
            for (index, column) in periods.enumerated() {
                let events = source.display(row, column)?.split(separator: "\n").map(String.init) ?? []
                let x = labelWidth + slotWidth * Double(index)
                let level = min(events.count, Self.levels)
                canvas.rect(x: x + 1, y: y + 1, width: slotWidth - 2, height: height - 2, className: "chart-level-\(level)")
                if !events.isEmpty {
                    canvas.text(
                        String(events.count), x: x + slotWidth / 2, y: y + height / 2 + 4.5, anchor: .middle,
                        className: "chart-level-text-\(level)")
                    slots.append(source.columnLabel(column) + " " + events.joined(separator: ", "))
                }
            }
            description.append(label + ": " + (slots.isEmpty ? "—" : slots.joined(separator: ", ")))
            y += height
        }
        return (y + 2, description)
    }

    /// The height of a day's row when its label takes one line.
    static let slotHeight = 24.0
    /// Shades for 1, 2 and 3 or more events; an empty slot is only outlined.
    static let levels = 3
}
