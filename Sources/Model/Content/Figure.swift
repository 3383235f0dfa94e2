import Foundation
import Support

/// A numbered figure of the report: its image when the site has one (a file under
/// `content/figures/`), else a captioned box saying what it showed, so that references such as
/// "圖 3" still point somewhere.
package struct Figure: Sendable {
    package var number: Int
    package var caption: String
    package var source: String?
    /// What the figure showed, from the report's own text; shown when there is no image.
    package var description: String?
    package var image: Image?
    /// The address of the original document the figure is in (http or https).
    package var original: String?

    /// A figure's picture: a file under `content/figures/`, with the text read in its place.
    package struct Image: Sendable {
        /// The path under `content/figures/` (`tel53/plenary.jpg`).
        package var path: String
        package var alt: String
        /// Where `image:` is written, for errors about the file.
        package var location: SourceLocation
    }

    package var anchor: String { "fig-\(number)" }

    /// Reads the YAML body of a ```` ```figure ```` block that starts at `line` of the file.
    package static func parse(_ literal: String, file: String, line: Int) throws(SiteError) -> Figure {
        let yaml = YAMLReader(file: file, lineOffset: line)
        let fields = try YAMLMapping(
            try yaml.parse(literal), "a figure", allowed: ["number", "caption", "source", "description", "image", "alt", "original"],
            yaml: yaml)
        guard let numberNode = fields["number"], let caption = try fields.string("caption") else {
            throw SiteError("a figure needs 'number' and 'caption'", at: SourceLocation(file: file, line: line, column: 1))
        }
        guard let number = Int(try yaml.string(numberNode, "number")), number > 0 else {
            throw yaml.error("a figure's number must be a whole number", at: numberNode)
        }
        var figure = Figure(
            number: number, caption: caption, source: try fields.string("source"), description: try fields.string("description"))
        if let imageNode = fields["image"] {
            let path = try yaml.string(imageNode, "image")
            guard isFigurePath(path) else {
                throw yaml.error(
                    "'image' is a path under content/figures/ (ASCII letters, digits, . _ - and /), got '\(path)'", at: imageNode)
            }
            guard let alt = try fields.string("alt"), !alt.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw yaml.error("a figure with an image needs 'alt': what the image shows, for readers who cannot see it", at: imageNode)
            }
            figure.image = Image(path: path, alt: alt, location: yaml.location(of: imageNode))
        } else if let altNode = fields["alt"] {
            throw yaml.error("'alt' describes an image: this figure has no 'image'", at: altNode)
        }
        if let originalNode = fields["original"] {
            let original = try yaml.string(originalNode, "original")
            guard let scheme = URL(string: original)?.scheme?.lowercased(), scheme == "https" || scheme == "http" else {
                throw yaml.error(
                    "'original' is the address of the original document (http:// or https://), got '\(original)'", at: originalNode)
            }
            figure.original = original
        }
        return figure
    }

    /// A relative path of ASCII letters, digits, `.`, `_`, `-` in segments that are not `.` or `..`.
    private static func isFigurePath(_ path: String) -> Bool {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return !segments.isEmpty
            && segments.allSatisfy { segment in
                !segment.isEmpty && segment != "." && segment != ".."
                    && segment.unicodeScalars.allSatisfy {
                        $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0))
                    }
            }
    }
}
