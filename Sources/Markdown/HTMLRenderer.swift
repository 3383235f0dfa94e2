/// Renders blocks as HTML, the way cmark does, with heading ids and program-generated blocks.
public struct HTMLRenderer: Sendable {
    /// Whether the author's raw HTML is written out; when false it is replaced by
    /// `<!-- raw HTML omitted -->`, as in cmark's safe mode.
    public var allowsRawHTML: Bool
    /// When set, every heading with an id ends with a link to itself
    /// (`<a class="heading-link" href="#id" aria-label="…">#</a>`) labelled with this text.
    public var headingLinkLabel: String?

    public init(allowsRawHTML: Bool = false, headingLinkLabel: String? = nil) {
        self.allowsRawHTML = allowsRawHTML
        self.headingLinkLabel = headingLinkLabel
    }

    /// The HTML of `blocks`.
    public func render(_ blocks: [Block]) -> String { renderMarkingHeadingLinks(blocks).html }

    /// The HTML of `blocks` and where in it each heading's link to itself is, so that one walk
    /// gives a page's HTML and, without the links, the print edition's.
    public func renderMarkingHeadingLinks(_ blocks: [Block]) -> HeadingLinkedHTML {
        var output = ""
        output.reserveCapacity(4096)
        var headingLinks: [Range<Int>] = []
        // Whether the paragraphs at each open level are a tight list item's; nothing open is not.
        var tight: [Bool] = []
        Walker.walk(blocks) { event in
            if case .exitBlock(.heading(_, _, let id?, _)) = event, let headingLinkLabel {
                let start = output.utf8.count
                writeHeadingLink(to: id, label: headingLinkLabel, into: &output)
                headingLinks.append(start..<output.utf8.count)
            }
            return write(event, tight: &tight, into: &output)
        }
        return HeadingLinkedHTML(html: output, headingLinks: headingLinks)
    }

    /// What stands in the page for raw HTML that is not allowed, as cmark writes it.
    public static let omittedHTML = "<!-- raw HTML omitted -->"
}

// MARK: - Writing

private extension HTMLRenderer {
    /// Writes an event of the walk the way cmark's HTML writer does: every block but a tight list's
    /// paragraph starts on a new line (`newLine`), and a tight paragraph is its bare text. `tight`
    /// says, for each open level, whether its paragraphs are a tight list item's.
    func write(_ event: Walker.Event, tight: inout [Bool], into output: inout String) -> Walker.Step {
        switch event {
        case .enterBlock(let block):
            if case .blockQuote = block { tight.append(false) }
            enter(block, tight: tight.last ?? false, into: &output)
        case .exitBlock(let block):
            if case .blockQuote = block { tight.removeLast() }
            exit(block, tight: tight.last ?? false, into: &output)
        case .enterItem(let style):
            tight.append(style.isTight)
            newLine(&output)
            output += "<li>"
        case .exitItem:
            tight.removeLast()
            output += "</li>\n"
        case .enterInline(let inline):
            enter(inline, into: &output)
            // An image's children are its alt text, written whole.
            if case .image = inline { return .skipChildren }
        case .exitInline(let inline):
            exit(inline, into: &output)
        }
        return .visitChildren
    }

    func enter(_ block: Block, tight: Bool, into output: inout String) {
        switch block {
        case .paragraph:
            if !tight {
                newLine(&output)
                output += "<p>"
            }
        case .heading(let level, _, let id, _):
            newLine(&output)
            output += "<h\(level)"
            if let id {
                output += " id=\""
                HTML.escape(id, into: &output)
                output += "\""
            }
            output += ">"
        case .blockQuote:
            newLine(&output)
            output += "<blockquote>\n"
        case .list(let style, _):
            newLine(&output)
            if let start = style.start {
                output += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            } else {
                output += "<ul>\n"
            }
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

    func exit(_ block: Block, tight: Bool, into output: inout String) {
        switch block {
        case .paragraph:
            if !tight { output += "</p>\n" }
        case .heading(let level, _, _, _):
            // The heading's link to itself is written before, by `renderMarkingHeadingLinks`.
            output += "</h\(level)>\n"
        case .blockQuote:
            newLine(&output)
            output += "</blockquote>\n"
        case .list(let style, _):
            output += style.start == nil ? "</ul>\n" : "</ol>\n"
        case .codeBlock, .htmlBlock, .thematicBreak, .generated:
            break
        }
    }

    /// A heading's link to itself. As written, like the id itself (and the contents' links):
    /// `#我國`, not `#%E6%88%91%E5%9C%8B`.
    func writeHeadingLink(to id: String, label: String, into output: inout String) {
        output += "<a class=\"heading-link\" href=\"#\(HTML.escape(id))\" aria-label=\"\(HTML.escape(label))\">#</a>"
    }

    /// Ends the current line unless the output is empty or at the start of a line (cmark's `cr`).
    func newLine(_ output: inout String) {
        if let last = output.utf8.last, last != UInt8(ascii: "\n") { output += "\n" }
    }

    func enter(_ inline: Inline, into output: inout String) {
        switch inline {
        case .text(let text): HTML.escape(text, into: &output)
        case .softBreak: output += "\n"
        case .lineBreak: output += "<br>\n"
        case .code(let code):
            output += "<code>"
            HTML.escape(code, into: &output)
            output += "</code>"
        case .html(let html): output += allowsRawHTML ? html : Self.omittedHTML
        case .abbreviation(let text, let title, let language):
            output += "<abbr title=\""
            HTML.escape(title, into: &output)
            output += "\">"
            if let language { writeSpan(text, language: language, into: &output) } else { HTML.escape(text, into: &output) }
            output += "</abbr>"
        case .span(let text, let language): writeSpan(text, language: language, into: &output)
        case .sectionNumber(let label):
            output += "<span class=\"section-number\">"
            HTML.escape(label, into: &output)
            output += "</span>"
        case .emphasis: output += "<em>"
        case .strong: output += "<strong>"
        case .link(let destination, let title, _, _):
            output += "<a href=\""
            writeURL(destination, into: &output)
            output += "\""
            writeTitle(title, into: &output)
            output += ">"
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

    func exit(_ inline: Inline, into output: inout String) {
        switch inline {
        case .emphasis: output += "</em>"
        case .strong: output += "</strong>"
        case .link: output += "</a>"
        case .text, .softBreak, .lineBreak, .code, .html, .abbreviation, .span, .sectionNumber, .image: break
        }
    }

    func writeSpan(_ text: String, language: String, into output: inout String) {
        output += "<span lang=\""
        HTML.escape(language, into: &output)
        output += "\">"
        HTML.escape(text, into: &output)
        output += "</span>"
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
