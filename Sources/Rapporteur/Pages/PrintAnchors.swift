import Model

/// Makes a chapter's or table's HTML fit on the print edition, where the whole report is one page:
/// its ids get the chapter's slug in front (`plenary-opening`), links inside the report point
/// inside the page, and other site links become full URLs, which work from a PDF too.
///
/// It works on the HTML the build renders, where every attribute value is in double quotes and
/// text never holds a bare `"` (the renderer and templates escape it), so the text between two
/// quotes is always an attribute value. Raw HTML (`allowRawHTML: true`) may break that rule;
/// its ids are then left as they are.
struct PrintAnchors {
    let language: Language
    let urls: SiteURLs
    /// The slugs of the language's chapters, which are sections of the print edition.
    let chapterSlugs: Set<String>
    /// The tables, which are sections `print-table-NAME` of the print edition.
    let tableNames: Set<String>
    /// The way from the print edition to the site's root, for images.
    let relativeRoot: String

    /// The id of a table's section in the print edition (the table inside keeps its own id).
    static func tableSection(_ name: String) -> String { "print-table-" + name }

    /// The print edition's id of a chapter's `id`.
    static func id(_ id: String, inChapter slug: String) -> String { slug + "-" + id }

    /// `html` with its ids and links rewritten; `slug` is the chapter it comes from, or nil for
    /// a table shown on its own (whose ids stay as they are).
    func rewrite(_ html: String, chapter slug: String?) -> String {
        var parts = html.split(separator: "\"", omittingEmptySubsequences: false).map(String.init)
        // Odd parts are attribute values; the part before each ends with its ` name=`.
        for index in stride(from: 1, to: parts.count, by: 2) {
            guard let name = Self.attributeName(before: parts[index - 1]) else { continue }
            switch name {
            case "id", "for":
                if let slug { parts[index] = Self.id(parts[index], inChapter: slug) }
            case "headers", "aria-labelledby", "aria-describedby":
                if let slug {
                    parts[index] = parts[index].split(separator: " ").map { Self.id(String($0), inChapter: slug) }.joined(separator: " ")
                }
            case "href": parts[index] = link(parts[index], chapter: slug)
            case "src":
                if parts[index].hasPrefix(urls.basePath) { parts[index] = relativeRoot + parts[index].dropFirst(urls.basePath.count) }
            default: break
            }
        }
        return parts.joined(separator: "\"")
    }

    /// Where a link of the print edition goes: `#opening` in a chapter is `#plenary-opening`;
    /// a chapter or table of this language is its section; another address of the site is a full URL.
    func link(_ href: String, chapter slug: String?) -> String {
        if href.hasPrefix("#") {
            guard let slug else { return href }
            return "#" + Self.id(String(href.dropFirst()), inChapter: slug)
        }
        guard href.hasPrefix(urls.basePath) else { return href }
        let home = urls.home(language)
        if href.hasPrefix(home) {
            let rest = href.dropFirst(home.count)
            let hash = rest.firstIndex(of: "#")
            let path = rest[..<(hash ?? rest.endIndex)]
            let anchor = hash.map { String(rest[rest.index(after: $0)...]) }
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            if segments.count == 2, segments[1].isEmpty, chapterSlugs.contains(String(segments[0])) {
                let target = String(segments[0])
                return "#" + (anchor.map { Self.id($0, inChapter: target) } ?? target)
            }
            if segments.count == 3, segments[0] == "tables", segments[2].isEmpty, tableNames.contains(String(segments[1])) {
                return "#" + Self.tableSection(String(segments[1]))
            }
        }
        return urls.absolute(href)
    }

    /// `id` for a part ending `… id=`; nil when the part does not end with an attribute name.
    private static func attributeName(before part: String) -> String? {
        guard part.hasSuffix("=") else { return nil }
        let name = part.dropLast().reversed().prefix { $0.isLetter || $0 == "-" }
        guard !name.isEmpty else { return nil }
        let start = part.index(part.endIndex, offsetBy: -(name.count + 1))
        guard start > part.startIndex, part[part.index(before: start)].isWhitespace else { return nil }
        return String(name.reversed())
    }
}
