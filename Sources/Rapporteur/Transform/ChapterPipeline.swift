import Foundation
import Markdown
import Model
import Support

/// A chapter after its headings got ids and its table and figure blocks were rendered.
struct ExpandedChapter: Sendable {
    var chapter: Chapter
    var blocks: [Block]
    var outline: [OutlineEntry]
    /// Every `#id` the page will have: headings, figures, tables.
    var anchors: Set<String>
}

/// A chapter whose headings have their ids and numbers, before its blocks are expanded.
struct OutlinedChapter: Sendable {
    var chapter: Chapter
    var blocks: [Block]
    var outline: [OutlineEntry]
    /// What outlining it found to warn about, logged with the chapter's other messages.
    var diagnostics: [Diagnostic]
}

/// The steps from a loaded chapter to its body HTML.
struct ChapterPipeline {
    let project: Project
    let urls: SiteURLs
    /// The numbered sections of each language, which table notes cite.
    let citations: [String: SectionCitations]
    /// The glossary of each language, made once per build rather than once per chapter.
    private let glossaries: [String: GlossaryMarker]
    /// Tables rendered so far: a table renders the same for every chapter, table page and print edition of a language.
    private let renderedTables: RenderedTables
    /// The library of the report, whose meetings `meeting` cells link to.
    let library: LibraryContext?

    /// A pipeline whose table notes cite the sections of `index`'s chapters.
    init(build: Build, index: [String: [String: ExpandedChapter]]) {
        self.init(build: build, citations: SectionCitations.byLanguage(index, urls: build.urls))
    }

    init(build: Build, citations: [String: SectionCitations]) {
        let project = build.project
        let shared = build.library?.glossaries
        self.project = project
        urls = build.urls
        self.citations = citations
        library = build.library
        renderedTables = build.renderedTables
        glossaries = Dictionary(
            uniqueKeysWithValues: project.config.languages.map {
                ($0.code, GlossaryMarker(project: project, language: $0, shared: shared))
            })
    }

    /// Replaces ```` ```table NAME ````, ```` ```chart NAME ```` and ```` ```figure ```` blocks, marks the glossary's
    /// acronyms on first use and collects the page's anchors.
    func expand(_ chapter: Chapter, outlined: (blocks: [Block], outline: [OutlineEntry]), log: inout DiagnosticLog) -> ExpandedChapter {
        var anchors = Set(outlined.outline.map(\.id))
        var blockCounts: [String: Int] = [:]
        let strings = project.templates.strings[chapter.language.code] ?? [:]
        func expand(_ block: Block) -> Block {
            switch block {
            case .codeBlock(let info, let literal, let position):
                let words = Block.infoWords(info).map(String.init)
                let location = chapter.location(position)
                switch words.first {
                case "table", "chart":
                    let kind = words[0]
                    guard words.count == 2 else {
                        log.error("a \(kind) block names one table: ```\(kind) NAME", at: location)
                        return block
                    }
                    guard let table = project.table(named: words[1]) else {
                        log.error("unknown table '\(words[1])': there is no content/tables/\(words[1]).yaml", at: location)
                        return block
                    }
                    if kind == "chart", table.charts.isEmpty {
                        log.error("table '\(table.name)' has no chart: give content/tables/\(table.name).yaml a 'chart:'", at: location)
                        return block
                    }
                    // `table-NAME` and `chart-NAME`, numbered from the second block of a kind.
                    blockCounts[kind + "-" + table.name, default: 0] += 1
                    let count = blockCounts[kind + "-" + table.name]!
                    let anchor = kind + "-" + table.name + (count > 1 ? "-\(count)" : "")
                    anchors.insert(anchor)
                    if kind == "chart" {
                        return renderCharts(
                            table, anchor: anchor, language: chapter.language, strings: strings, file: chapter.file, log: &log)
                    }
                    return render(table, anchor: anchor, language: chapter.language, strings: strings, log: &log)
                case "figure":
                    guard
                        let figure = log.collect({ () throws(SiteError) in
                            try Figure.parse(literal, file: chapter.file, line: location.line ?? 1)
                        })
                    else { return block }
                    if anchors.contains(figure.anchor) {
                        log.error(
                            "duplicate id '\(figure.anchor)': figure \(figure.number) appears twice or clashes with a heading", at: location
                        )
                    }
                    anchors.insert(figure.anchor)
                    guard let context = figureContext(figure, strings: strings, log: &log) else { return block }
                    return log.collect({ () throws(SiteError) in
                        .generated(try project.templates.render("partials/figure", context, for: chapter.file))
                    })
                        ?? block
                default:
                    return block
                }
            default: return block
            }
        }
        // Code blocks inside block quotes and lists too, in order.
        let expanded = Rewriter.rewrite(outlined.blocks, block: expand)
        let blocks = (glossaries[chapter.language.code] ?? GlossaryMarker(terms: [], expansionFormat: "")).mark(expanded)
        return ExpandedChapter(chapter: chapter, blocks: blocks, outline: outlined.outline, anchors: anchors)
    }

    /// The data of `partials/figure`; nil (and an error at `image:`) when the image is not a file
    /// of `content/figures/` whose size can be read.
    func figureContext(_ figure: Figure, strings: [String: String], log: inout DiagnosticLog) -> [String: Any]? {
        var context: [String: Any] = ["anchor": figure.anchor, "number": figure.number, "caption": figure.caption, "t": strings]
        if let source = figure.source { context["source"] = source }
        if let description = figure.description { context["description"] = description }
        if let original = figure.original { context["original"] = original }
        if let image = figure.image {
            guard project.figureImages.paths.contains(image.path) else {
                log.error("no file \(FigureImages.folder(of: project.report))/\(image.path)", at: image.location)
                return nil
            }
            guard let size = project.figureImages.sizes[image.path] else {
                log.error(
                    "\(FigureImages.folder(of: project.report))/\(image.path) is not a PNG, JPEG, GIF or WebP image", at: image.location)
                return nil
            }
            context["image"] = ["src": urls.figure(image.path), "alt": image.alt, "width": size.width, "height": size.height]
        }
        return context
    }

    /// A table rendered with the theme's `partials/table.mustache` in `language`.
    func render(_ table: Table, anchor: String, language: Language, strings: [String: String], log: inout DiagnosticLog) -> Block {
        let rendered = renderedTables.value([table.name, language.code, anchor]) {
            Result { () throws(SiteError) in try renderTable(table, anchor: anchor, language: language, strings: strings) }
        }
        switch rendered {
        case .success(let html): return .generated(html)
        case .failure(let error):
            log.append(contentsOf: error.diagnostics)
            return .generated("")
        }
    }

    /// `partials/table` with `table`'s data.
    private func renderTable(_ table: Table, anchor: String, language: Language, strings: [String: String]) throws(SiteError) -> String {
        let context = tableContext(table, anchor: anchor, language: language, strings: strings)
        // Reports of a library mostly show the site's glossary alike, each with its own links.
        if let shared = library?.renders, table.name == project.config.glossary.table {
            return try shared.render("partials/table", context, addresses: Table.ownAddresses, with: project.templates)
        }
        return try project.templates.render("partials/table", context)
    }

    func tableContext(_ table: Table, anchor: String, language: Language, strings: [String: String]) -> [String: Any] {
        table.templateContext(
            in: language, languages: project.config.languageCodes, urls: urls, anchor: anchor,
            sourceURL: { source in
                guard let chapter = project.chapter(slug: source.slug, language: language) else { return nil }
                return urls.chapter(chapter.slug, chapter.language) + (source.anchor.map { "#" + $0 } ?? "")
            },
            notesHTML: { note in citedHTML(note, language: language) },
            meetingHTML: { meeting in meetingHTML(meeting, language: language, strings: strings) },
            strings: strings)
    }

    /// `text` as HTML, escaped, with the sections it cites linked (a table's notes and description).
    func citedHTML(_ text: String, language: Language) -> String {
        citations[language.code]?.html(text) ?? HTML.escape(text)
    }

    /// A `meeting` cell: the meeting's name linking to its place on its series page, and a link
    /// to each report on it; the reference as written outside a library.
    private func meetingHTML(_ meeting: MeetingReference, language: Language, strings: [String: String]) -> String {
        guard let library else { return HTML.escape(meeting.text) }
        let found = library.meeting(meeting, in: language)
        let reports = found.reports.map { report in
            "<a href=\"\(HTML.escape(report.href))\" title=\"\(HTML.escape(report.title))\">\(HTML.escape(strings["libraryReportLink"] ?? ""))</a>"
        }
        return ([("<a href=\"\(HTML.escape(found.href))\">\(HTML.escape(found.name))</a>")] + reports).joined(separator: " · ")
    }
}
