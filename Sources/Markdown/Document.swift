/// A position in a Markdown source: 1-based line, 1-based column counted in characters.
public struct SourcePosition: Hashable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A parsed CommonMark document.
public struct Document: Sendable {
    public var blocks: [Block]
    /// Where the author wrote raw HTML (blocks and inline), in document order.
    public var rawHTML: [SourcePosition]

    public init(blocks: [Block], rawHTML: [SourcePosition] = []) {
        self.blocks = blocks
        self.rawHTML = rawHTML
    }
}

/// A block of a CommonMark document, as plain Swift values.
public enum Block: Hashable, Sendable {
    case paragraph([Inline], SourcePosition)
    /// A heading; `id` is filled in by the caller before rendering.
    case heading(level: Int, content: [Inline], id: String?, SourcePosition)
    case blockQuote([Block])
    case list(ListStyle, items: [[Block]])
    case codeBlock(info: String, literal: String, SourcePosition)
    /// Raw HTML written by the author: rendered only when raw HTML is allowed.
    case htmlBlock(String, SourcePosition)
    case thematicBreak
    /// HTML produced by the program itself (a rendered table, a figure): always rendered as is.
    case generated(String)
}

extension Block {
    /// The words of a fenced code block's info string, split on whitespace as cmark splits it:
    /// the first is the language (or `table` and `figure` for the program's own blocks).
    public static func infoWords(_ info: String) -> [Substring] {
        // cmark's whitespace: space, tab, line feed, vertical tab, form feed, carriage return.
        info.utf8.split { $0 == 0x20 || (0x09...0x0D).contains($0) }.map { Substring($0) }
    }
}

/// How a list is numbered and spaced.
public struct ListStyle: Hashable, Sendable {
    /// The first number of an ordered list; `nil` for a bullet list.
    public var start: Int?
    /// A tight list renders its paragraphs without `<p>`.
    public var isTight: Bool

    public init(start: Int?, isTight: Bool) {
        self.start = start
        self.isTight = isTight
    }
}

/// An inline element of a CommonMark document.
public enum Inline: Hashable, Sendable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    /// Raw inline HTML written by the author: rendered only when raw HTML is allowed.
    case html(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(destination: String, title: String, content: [Inline], SourcePosition)
    case image(source: String, title: String, alt: [Inline], SourcePosition)
    /// An abbreviation and its expansion, marked up by the program (cmark never produces one);
    /// `language` is the abbreviation's own language where it differs from the text around it.
    case abbreviation(String, title: String, language: String? = nil)
    /// Text in another language than the text around it (`<span lang>`), marked up by the program.
    case span(String, language: String)
    /// A heading's section number in the report's scheme (`(十一)`), set by the program.
    case sectionNumber(String)
}

extension Inline {
    /// The text a reader sees, without markup (used for ids, alt text and tables of contents).
    public var plainText: String { [self].plainText }
}

extension Array where Element == Inline {
    /// The concatenated plain text of these inlines.
    public var plainText: String { text(keepingRawHTML: false) }

    /// The text of an image's `alt`, as cmark makes it: like `plainText`, but raw HTML is kept as
    /// text (it is escaped when written).
    public var altText: String { text(keepingRawHTML: true) }

    private func text(keepingRawHTML: Bool) -> String {
        var text = ""
        Walker.walk(self) { event in
            guard case .enterInline(let inline) = event else { return .visitChildren }
            switch inline {
            case .text(let part), .code(let part), .abbreviation(let part, _, _), .span(let part, _), .sectionNumber(let part): text += part
            case .softBreak, .lineBreak: text += " "
            case .html(let html): if keepingRawHTML { text += html }
            case .emphasis, .strong, .link, .image: break
            }
            return .visitChildren
        }
        return text
    }
}
