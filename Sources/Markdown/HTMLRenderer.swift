/// Renders blocks as HTML, the way cmark does, with heading ids and program-generated blocks.
public struct HTMLRenderer: Sendable {
    /// Whether the author's raw HTML is written out; when false it is replaced by
    /// `<!-- raw HTML omitted -->`, as in cmark's safe mode.
    public var allowsRawHTML: Bool

    public init(allowsRawHTML: Bool = false) {
        self.allowsRawHTML = allowsRawHTML
    }

    /// The HTML of `blocks`.
    public func render(_ blocks: [Block]) -> String {
        var output = ""
        output.reserveCapacity(4096)
        for block in blocks { write(block, tight: false, into: &output) }
        return output
    }
}

// MARK: - Blocks

extension HTMLRenderer {
    /// What stands in the page for raw HTML that is not allowed, as cmark writes it.
    public static let omittedHTML = "<!-- raw HTML omitted -->"
}

private extension HTMLRenderer {
    /// Writes one block the way cmark's HTML writer does: every block but a tight list's
    /// paragraph starts on a new line (`newLine`), and a tight paragraph is its bare text.
    func write(_ block: Block, tight: Bool, into output: inout String) {
        switch block {
        case .paragraph(let inlines, _):
            if tight {
                write(inlines, into: &output)
            } else {
                newLine(&output)
                output += "<p>"
                write(inlines, into: &output)
                output += "</p>\n"
            }
        case .heading(let level, let content, let id, _):
            newLine(&output)
            output += "<h\(level)"
            if let id {
                output += " id=\""
                HTML.escape(id, into: &output)
                output += "\""
            }
            output += ">"
            write(content, into: &output)
            output += "</h\(level)>\n"
        case .blockQuote(let blocks):
            newLine(&output)
            output += "<blockquote>\n"
            for child in blocks { write(child, tight: false, into: &output) }
            newLine(&output)
            output += "</blockquote>\n"
        case .list(let style, let items):
            writeList(style, items: items, into: &output)
        case .codeBlock(let info, let literal, _):
            newLine(&output)
            let language = Block.infoWords(info).first.map(String.init) ?? ""
            output += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTML.escape(language))\">"
            HTML.escape(literal, into: &output)
            output += "</code></pre>\n"
        case .htmlBlock(let html, _):
            newLine(&output)
            output += allowsRawHTML ? html : Self.omittedHTML
            newLine(&output)
        case .thematicBreak:
            newLine(&output)
            output += "<hr>\n"
        case .generated(let html):
            newLine(&output)
            output += html
        }
    }

    func writeList(_ style: ListStyle, items: [[Block]], into output: inout String) {
        newLine(&output)
        if let start = style.start {
            output += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
        } else {
            output += "<ul>\n"
        }
        for item in items {
            newLine(&output)
            output += "<li>"
            for child in item { write(child, tight: style.isTight, into: &output) }
            output += "</li>\n"
        }
        output += style.start == nil ? "</ul>\n" : "</ol>\n"
    }

    /// Ends the current line unless the output is empty or at the start of a line (cmark's `cr`).
    func newLine(_ output: inout String) {
        if let last = output.utf8.last, last != UInt8(ascii: "\n") { output += "\n" }
    }
}

// MARK: - Inlines

private extension HTMLRenderer {
    func write(_ inlines: [Inline], into output: inout String) {
        for inline in inlines { write(inline, into: &output) }
    }

    func write(_ inline: Inline, into output: inout String) {
        switch inline {
        case .text(let text): HTML.escape(text, into: &output)
        case .softBreak: output += "\n"
        case .lineBreak: output += "<br>\n"
        case .code(let code):
            output += "<code>"
            HTML.escape(code, into: &output)
            output += "</code>"
        case .html(let html): output += allowsRawHTML ? html : Self.omittedHTML
        case .abbreviation(let text, let title):
            output += "<abbr title=\""
            HTML.escape(title, into: &output)
            output += "\">"
            HTML.escape(text, into: &output)
            output += "</abbr>"
        case .emphasis(let children):
            output += "<em>"
            write(children, into: &output)
            output += "</em>"
        case .strong(let children):
            output += "<strong>"
            write(children, into: &output)
            output += "</strong>"
        case .link(let destination, let title, let children, _):
            output += "<a href=\""
            writeURL(destination, into: &output)
            output += "\""
            writeTitle(title, into: &output)
            output += ">"
            write(children, into: &output)
            output += "</a>"
        case .image(let source, let title, let alt, _):
            output += "<img src=\""
            writeURL(source, into: &output)
            output += "\" alt=\""
            HTML.escape(alt.altText, into: &output)
            output += "\""
            writeTitle(title, into: &output)
            output += ">"
        }
    }

    /// A dangerous URL is written empty unless raw HTML is allowed.
    func writeURL(_ url: String, into output: inout String) {
        if !allowsRawHTML && HTML.isDangerousURL(url) { return }
        HTML.escapeURL(url, into: &output)
    }

    func writeTitle(_ title: String, into output: inout String) {
        guard !title.isEmpty else { return }
        output += " title=\""
        HTML.escape(title, into: &output)
        output += "\""
    }
}
