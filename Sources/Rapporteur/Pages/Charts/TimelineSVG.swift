import Model

/// Rows on a time axis, one lane each under its label: a solid bar over the days a row gives,
/// a hatched, dashed band over the whole month or year when that is all that is known, with
/// the row's dates, or its year and status ("tentative"), beside the mark. Never a made-up day.
struct TimelineSVG: ChartDrawing {
    let source: ChartSource

    static let barHeight = 14.0

    func draw(on canvas: inout ChartCanvas) -> (height: Double, description: [String]) {
        let rows = source.table.rows.map { row in (row: row, time: time(of: row)) }
        let times = rows.compactMap(\.time)
        let axis = TimeAxis(first: times.map(\.first).min() ?? 0, last: times.map(\.last).max() ?? 0)
        let scale = { (day: Int) -> Double in axis.position(day, width: ChartCanvas.width) }
        var y = ChartCanvas.lineHeight + 4
        drawBands(axis, canvas: &canvas)
        let plotTop = y
        var description: [String] = []
        for (row, time) in rows {
            for line in ChartLabels.wrap(source.label(row), width: ChartCanvas.width, fontSize: ChartCanvas.fontSize, bold: true) {
                y += ChartCanvas.lineHeight
                canvas.text(line, x: 0, y: y - 4, className: "chart-label")
            }
            y += 2
            let text = markText(row, time: time)
            description.append(source.label(row) + ": " + text)
            let start = time.map { scale($0.first) } ?? 0
            let end = time.map { max(scale($0.last + 1), start + 4) } ?? 0
            if let time {
                if time.isExact {
                    canvas.seriesBar(series: 0, x: start, y: y, width: end - start, height: Self.barHeight)
                } else {
                    canvas.rect(x: start, y: y, width: end - start, height: Self.barHeight, className: "chart-tentative")
                    canvas.rect(
                        x: start, y: y, width: end - start, height: Self.barHeight, className: "chart-hatching",
                        fill: "url(#\(canvas.hatchID))")
                }
            }
            let width = ChartLabels.width(text, fontSize: ChartCanvas.smallFontSize)
            let baseline = y + Self.barHeight - 3
            switch ChartLabels.place(textWidth: width, markStart: start, markEnd: end, gap: 4, limit: ChartCanvas.width) {
            case .after(let x): canvas.text(text, x: x, y: baseline, size: ChartCanvas.smallFontSize, className: "chart-value")
            case .before(let x):
                canvas.text(text, x: x, y: baseline, anchor: .end, size: ChartCanvas.smallFontSize, className: "chart-value")
            case .below(let x):
                y += ChartCanvas.lineHeight
                canvas.text(text, x: x, y: baseline + ChartCanvas.lineHeight, size: ChartCanvas.smallFontSize, className: "chart-value")
            }
            y += Self.barHeight + 8
        }
        for day in axis.boundaries {
            canvas.line(x1: scale(day), y1: plotTop, x2: scale(day), y2: y, className: "chart-grid", behind: true)
        }
        return (y + 2, description)
    }

    /// The first of the time columns that has a date, a range or a year.
    private func time(of row: Table.Row) -> ChartTime? {
        source.chart.timeColumns.lazy.compactMap { ChartTime(row.values[$0]) }.first
    }

    /// The days as the table writes them, or the month or year with the row's status: a date
    /// not known to the day is shown as what it is.
    private func markText(_ row: Table.Row, time: ChartTime?) -> String {
        let when = source.chart.timeColumns.lazy.compactMap { source.display(row, $0) }.first
        let status = source.chart.statusColumn.flatMap { source.display(row, $0) }
        let parts = [when, status].compactMap { $0 }
        return parts.isEmpty ? "—" : parts.joined(separator: " · ")
    }

    /// The axis's units (years, months or days) as bands along the top, named as the table
    /// names such a date, thinned so the names never touch.
    private func drawBands(_ axis: TimeAxis, canvas: inout ChartCanvas) {
        let bands = axis.bands
        let middles = bands.map {
            (axis.position($0.first, width: ChartCanvas.width) + axis.position($0.last + 1, width: ChartCanvas.width)) / 2
        }
        let labels = bands.map { band in
            ValueFormatter(language: source.language).date(band.date)
        }
        let widths = labels.map { ChartLabels.width($0, fontSize: ChartCanvas.smallFontSize) }
        let centres = ChartLabels.centres(of: middles, widths: widths, limit: ChartCanvas.width)
        for index in ChartLabels.ticksToLabel(positions: centres, widths: widths, gap: 8) {
            canvas.text(
                labels[index], x: centres[index], y: ChartCanvas.lineHeight, anchor: .middle, size: ChartCanvas.smallFontSize,
                className: "chart-tick")
        }
    }
}

/// The span of a timeline, widened to whole years, months or days (whichever gives a handful
/// of bands), with the position of a day across the chart's width.
struct TimeAxis {
    enum Unit { case year, month, day }

    let unit: Unit
    let first: Int
    /// The day after the last band.
    let end: Int

    init(first: Int, last: Int) {
        let span = last - first
        unit = span > 300 ? .year : span > 45 ? .month : .day
        let start = ChartTime.date(first)
        let stop = ChartTime.date(last)
        switch unit {
        case .year:
            self.first = ChartTime.day(start.year, 1, 1)
            end = ChartTime.day(stop.year + 1, 1, 1)
        case .month:
            self.first = ChartTime.day(start.year, start.month, 1)
            end = stop.month == 12 ? ChartTime.day(stop.year + 1, 1, 1) : ChartTime.day(stop.year, stop.month + 1, 1)
        case .day:
            self.first = first
            end = last + 1
        }
    }

    func position(_ day: Int, width: Double) -> Double {
        Double(day - first) / Double(max(end - first, 1)) * width
    }

    /// The first day of each band after the first, where a grid line goes.
    var boundaries: [Int] { bands.dropFirst().map(\.first) }

    /// Each band: its first and last day and the date that names it.
    var bands: [(first: Int, last: Int, date: CalendarDate)] {
        var bands: [(first: Int, last: Int, date: CalendarDate)] = []
        var day = first
        while day < end {
            let (year, month, dayOfMonth) = ChartTime.date(day)
            let next: Int
            let iso: String
            switch unit {
            case .year:
                next = ChartTime.day(year + 1, 1, 1)
                iso = String(year)
            case .month:
                next = month == 12 ? ChartTime.day(year + 1, 1, 1) : ChartTime.day(year, month + 1, 1)
                iso = String(year) + "-" + Self.twoDigits(month)
            case .day:
                next = day + 1
                iso = String(year) + "-" + Self.twoDigits(month) + "-" + Self.twoDigits(dayOfMonth)
            }
            bands.append((day, min(next, end) - 1, CalendarDate(parsing: iso)!))
            day = next
        }
        return bands
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}
