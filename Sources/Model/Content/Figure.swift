import Support

/// A numbered figure of the report, whose image is not included: kept as a captioned box so that
/// references such as "圖 3" still point somewhere.
package struct Figure: Sendable {
    package var number: Int
    package var caption: String
    package var source: String?

    package var anchor: String { "fig-\(number)" }

    /// Reads the YAML body of a ```` ```figure ```` block that starts at `line` of the file.
    package static func parse(_ literal: String, file: String, line: Int) throws(SiteError) -> Figure {
        let yaml = YAMLReader(file: file, lineOffset: line)
        let fields = try YAMLMapping(try yaml.parse(literal), "a figure", allowed: ["number", "caption", "source"], yaml: yaml)
        guard let numberNode = fields["number"], let caption = try fields.string("caption") else {
            throw SiteError("a figure needs 'number' and 'caption'", at: SourceLocation(file: file, line: line, column: 1))
        }
        guard let number = Int(try yaml.string(numberNode, "number")), number > 0 else {
            throw yaml.error("a figure's number must be a whole number", at: numberNode)
        }
        return Figure(
            number: number, caption: caption, source: try fields.string("source"))
    }
}
