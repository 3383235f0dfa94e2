import Foundation
import Markdown
import Model

/// The SVG of one chart being drawn: elements in user units of a fixed-width `viewBox` (the
/// CSS scales it to the column), text in the page's font, colours by class from the theme.
struct ChartCanvas {
    /// The width of the `viewBox`: narrow enough that text stays legible when a phone
    /// scales the chart to its column.
    static let width = 480.0
    static let fontSize = 13.0
    static let smallFontSize = 12.0
    static let lineHeight = 17.0

    /// Unique on the page: the prefix of the title's, description's and patterns' ids.
    let id: String
    private(set) var body = ""

    init(id: String) { self.id = id }

    /// The id of the hatching drawn over series that need more than a colour to stand apart.
    var hatchID: String { id + "-hatch" }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, className: String, fill: String? = nil) {
        body +=
            "<rect class=\"\(className)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" height=\"\(Self.number(height))\""
        if let fill { body += " fill=\"\(fill)\"" }
        body += "/>"
    }

    /// A bar of series `series`: a fill per series and, on odd series, hatching over it, so the
    /// series differ in greyscale and for readers who cannot tell the colours apart.
    mutating func seriesBar(series: Int, x: Double, y: Double, width: Double, height: Double) {
        rect(x: x, y: y, width: width, height: height, className: "chart-series-\(series % 4)")
        if series % 2 == 1 { rect(x: x, y: y, width: width, height: height, className: "chart-hatching", fill: "url(#\(hatchID))") }
    }

    /// A line; `behind` puts it under everything drawn so far (grid lines under bars and text).
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String, behind: Bool = false) {
        let line =
            "<line class=\"\(className)\" x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"/>"
        body = behind ? line + body : body + line
    }

    enum Anchor: String { case start, middle, end }

    /// Text with its baseline at `y`, in the page's font (the theme's CSS), escaped.
    mutating func text(
        _ text: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = fontSize, className: String = "chart-text"
    ) {
        body += "<text class=\"\(className)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\""
        if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
        body += ">" + HTML.escape(text) + "</text>"
    }

    /// The whole `<svg>`: `height` tall, titled by the caption, described by `description`.
    func svg(height: Double, title: String, description: String) -> String {
        let titleID = id + "-title"
        let descriptionID = id + "-desc"
        return "<svg class=\"chart-svg\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(height.rounded(.up)))\" width=\"100%\""
            + " role=\"img\" aria-labelledby=\"\(titleID) \(descriptionID)\">"
            + "<title id=\"\(titleID)\">\(HTML.escape(title))</title><desc id=\"\(descriptionID)\">\(HTML.escape(description))</desc>"
            + "<defs><pattern id=\"\(hatchID)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<line class=\"chart-hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>"
            + body + "</svg>"
    }

    /// A coordinate with at most one decimal, so the output is short and the same on every machine.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
