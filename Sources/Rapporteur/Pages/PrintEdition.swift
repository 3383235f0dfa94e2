import Markdown
import Model
import Support

/// The print edition, `/<lang>/print/`: the whole report on one page in reading order (cover,
/// contents, chapters, tables, glossary), which `rapporteur pdf` prints; and the publication
/// details (colophon, citation, metadata) that it shares with the report home.
extension PageBuilder {
    func printPage(_ language: Language) -> Page {
        let alternates = Dictionary(uniqueKeysWithValues: config.languages.map { ($0.code, urls.printEdition($0)) })
        return Page(
            path: urls.printEdition(language), language: language, alternates: alternates,
            xDefault: urls.printEdition(config.defaultLanguage))
    }

    func printContext(_ page: Page, language: Language) -> [String: Any] {
        let codes = config.languageCodes
        let strings = project.templates.strings[language.code] ?? [:]
        let title = config.title.text(in: language.code, fallback: codes)
        var context = layoutContext(page, language: language, title: title, description: "")
        let relativeRoot = urls.relativeRoot(from: page.path)
        // Relative, so that the page opened from a file (as `rapporteur pdf` prints it) has its styles.
        context["assets"] = relativeRoot + "assets/"
        let chapters = (project.chapters[language.code] ?? []).compactMap { index[language.code]?[$0.fileName] }
        let anchors = PrintAnchors(
            language: language, urls: urls, chapterSlugs: Set(chapters.map(\.chapter.slug)), tableNames: Set(project.tables.map(\.name)),
            relativeRoot: relativeRoot)
        // Link problems were reported on the chapter pages; the print edition does not repeat them.
        var ignored = DiagnosticLog()
        context["chapters"] = chapters.map { expanded in
            [
                "slug": expanded.chapter.slug, "title": expanded.chapter.numberedTitle,
                "body": ContentHTML(
                    html: anchors.rewrite(chapterBody(expanded).html.withoutHeadingLinks, chapter: expanded.chapter.slug)),
            ]
        }
        let glossaryName = config.glossary.table
        let tables = project.tables.map { table -> [String: Any] in
            var entry: [String: Any] = [
                "anchor": PrintAnchors.tableSection(table.name), "caption": table.caption.text(in: language.code, fallback: codes),
            ]
            if let description = table.description?.text(in: language.code, fallback: codes), !description.isEmpty {
                entry["description"] = description
            }
            if case .generated(let html) = pipeline.render(
                table, anchor: "table-" + table.name, language: language, strings: strings, log: &ignored)
            {
                entry["html"] = ContentHTML(html: anchors.rewrite(html, chapter: nil))
            }
            return entry
        }
        context["tables"] = zip(project.tables, tables).filter { $0.0.name != glossaryName }.map(\.1)
        if let glossary = zip(project.tables, tables).first(where: { $0.0.name == glossaryName }) { context["glossary"] = glossary.1 }
        context["facts"] = config.facts.map { fact in
            ["label": fact.label.text(in: language.code, fallback: codes), "value": fact.display(in: language, fallback: codes)]
        }
        context["runningTitle"] = ContentHTML(html: Self.cssString(title))
        context.merge(publicationContext(language)) { _, new in new }
        return context
    }

    /// The colophon, the citation box and the metadata of the report home and the print edition.
    func publicationContext(_ language: Language) -> [String: Any] {
        let citation = build.citation(in: language)
        var context: [String: Any] = [
            "colophon": citation.colophon.map { line in
                var entry = ["label": line.label, "value": line.value]
                if let href = line.href { entry["href"] = href }
                return entry
            },
            "hasColophon": !citation.colophon.isEmpty,
            "citation": [
                "text": citation.plainText, "bib": urls.citation(language, "bib"), "json": urls.citation(language, "json"),
            ],
            "citationMeta": citation.metaTags,
            "jsonLD": ContentHTML(html: citation.jsonLD),
        ]
        if project.hasPrintEdition(language) { context["printEdition"] = urls.printEdition(language) }
        if build.pdfs[language.code] != nil { context["pdf"] = urls.pdf(language) }
        return context
    }

    /// Text as a CSS string's content, safe inside `<style>` too: quotes, backslashes, line
    /// breaks and `<`, `>`, `&` are written as CSS escapes.
    static func cssString(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" || scalar == "<" || scalar == ">" || scalar == "&" || scalar.value < 0x20
                || scalar.value == 0x7F
            {
                result += "\\" + String(scalar.value, radix: 16) + " "
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
