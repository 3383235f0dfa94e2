import Foundation
import Mustache

// Renders a chapter page (Templates/chapter.mustache inside layout.mustache) with the keys
// `PageBuilder` gives it, on one thread, and prints the time per page. Escaping is switched off
// (a content type that returns its text), so what is measured is the engine itself: look-ups,
// sections, inheritance and joining, the part no change to rapporteur's own code can remove.
//
//   swift run -c release --package-path Benchmarks/MustacheFloor MustacheFloor [TEMPLATES] [PAGES]
//
// TEMPLATES defaults to the repository's Templates/; a corpus's (Benchmarks/corpus.py) has the
// chapter template without the list of all chapters, as the benchmark builds it.

let arguments = CommandLine.arguments
let templates = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : "Templates")
let pages = max(1, arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000)

struct Unescaped: MustacheContentType {
    func escapeText(_ text: String) -> String { text }
}
MustacheContentTypes.register(Unescaped(), named: "UNESCAPED")

func template(_ name: String) throws -> MustacheTemplate {
    let text = try String(contentsOf: templates.appendingPathComponent(name + ".mustache"), encoding: .utf8)
    return try MustacheTemplate(string: "{{% CONTENT_TYPE: UNESCAPED }}\n" + text)
}
let library = MustacheLibrary(templates: ["layout": try template("layout"), "chapter": try template("chapter")])

/// A chapter page's data, as `PageBuilder.chapterContext` makes it (sizes of the benchmark corpus).
func context(page: Int) -> [String: Any] {
    let strings = [
        "chapters", "toc", "skip", "search", "searchLabel", "searchButton", "languageSwitch", "previous", "next", "pager",
        "allLanguages", "allChapters", "translationMissing",
    ]
    let chapters = (0..<21).map { ["title": "Chapter \(page + $0)", "href": "/en/chapter-\(page + $0)/", "current": $0 == 10] }
    return [
        "lang": "en",
        "t": Dictionary(uniqueKeysWithValues: strings.map { ($0, "The \($0) label") }),
        "site": ["title": "APEC TEL53", "subtitle": "Delegation report", "home": "/en/", "landing": "/"],
        "page": [
            "title": "Chapter \(page) | APEC TEL53", "heading": "Chapter \(page)", "description": "What chapter \(page) is about",
            "canonical": "https://example.org/en/chapter-\(page)/",
        ],
        "alternates": [
            ["hreflang": "zh-Hant", "href": "https://example.org/zh-hant/chapter-\(page)/"],
            ["hreflang": "en", "href": "https://example.org/en/chapter-\(page)/"],
            ["hreflang": "x-default", "href": "https://example.org/zh-hant/chapter-\(page)/"],
        ],
        "switch": [["lang": "zh-Hant", "name": "中文", "href": "/zh-hant/chapter-\(page)/", "missing": "尚未翻譯"]],
        "assets": "/assets/",
        "search": "/en/search/",
        "body": String(repeating: "<p>A paragraph of the chapter, as HTML the renderer made.</p>\n", count: 100),
        "toc": (0..<6).map { ["id": "heading-\($0)", "text": "Heading \($0)", "sub": $0 % 3 == 2] },
        "hasToc": true,
        "previous": ["title": "Chapter \(page - 1)", "href": "/en/chapter-\(page - 1)/"],
        "next": ["title": "Chapter \(page + 1)", "href": "/en/chapter-\(page + 1)/"],
        "nav": chapters,
        "navPartial": true,
    ]
}

let contexts = (0..<pages).map(context(page:))
var bytes = 0
let clock = ContinuousClock()
let elapsed = clock.measure {
    for context in contexts { bytes += library.render(context, withTemplate: "chapter")?.utf8.count ?? 0 }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let perPage = seconds / Double(pages) * 1e6
let line = String(format: "%d chapter pages, %.1f µs each on one thread, %.2f s in all", pages, perPage, seconds)
print("\(line) (\(bytes / pages) bytes a page)")
