/// Renders blocks as HTML, the way cmark does, with heading ids and program-generated blocks.
public struct HTMLRenderer: Sendable {
    /// Whether the author's raw HTML is written out; when false it is dropped, as in cmark's safe mode.
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

    /// The HTML of `inlines`, as they appear inside a paragraph.
    public func render(_ inlines: [Inline]) -> String {
        var output = ""
        write(inlines, into: &output)
        return output
    }
}

// MARK: - Blocks

private extension HTMLRenderer {
    func write(_ block: Block, tight: Bool, into output: inout String) {
        switch block {
        case .paragraph(let inlines, _):
            if tight {
                write(inlines, into: &output)
                output += "\n"
            } else {
                output += "<p>"
                write(inlines, into: &output)
                output += "</p>\n"
            }
        case .heading(let level, let content, let id, _):
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
            output += "<blockquote>\n"
            for child in blocks { write(child, tight: false, into: &output) }
            output += "</blockquote>\n"
        case .list(let style, let items):
            writeList(style, items: items, into: &output)
        case .codeBlock(let info, let literal, _):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            output += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTML.escape(language))\">"
            HTML.escape(literal, into: &output)
            output += "</code></pre>\n"
        case .htmlBlock(let html, _):
            if allowsRawHTML { output += html }
        case .thematicBreak:
            output += "<hr>\n"
        case .generated(let html):
            output += html
        }
    }

    func writeList(_ style: ListStyle, items: [[Block]], into output: inout String) {
        if let start = style.start {
            output += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
        } else {
            output += "<ul>\n"
        }
        for item in items {
            output += style.isTight ? "<li>" : "<li>\n"
            for child in item { write(child, tight: style.isTight, into: &output) }
            if style.isTight, output.hasSuffix("\n") { output.removeLast() }
            output += "</li>\n"
        }
        output += style.start == nil ? "</ul>\n" : "</ol>\n"
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
        case .html(let html): if allowsRawHTML { output += html }
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
            HTML.escape(alt.plainText, into: &output)
            output += "\""
            writeTitle(title, into: &output)
            output += ">"
        }
    }

    /// A dangerous URL is written empty unless raw HTML is allowed.
    func writeURL(_ url: String, into output: inout String) {
        if !allowsRawHTML && HTML.isDangerousURL(url) { return }
        HTML.escape(url, into: &output)
    }

    func writeTitle(_ title: String, into output: inout String) {
        guard !title.isEmpty else { return }
        output += " title=\""
        HTML.escape(title, into: &output)
        output += "\""
    }
}
