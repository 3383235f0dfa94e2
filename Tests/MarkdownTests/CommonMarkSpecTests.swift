import CCmark
import Foundation
import Testing

@testable import Markdown

/// Every example of the CommonMark spec 0.30 (the version of the libcmark this builds with),
/// rendered by the product's parser and renderer and by libcmark's own `cmark_markdown_to_html`
/// in its default safe mode: the two must agree, up to the deliberate differences below.
///
/// Deliberate differences, normalised before comparing:
/// - void elements are written as HTML (`<hr>`, `<br>`, `<img …>`), not XHTML (`<hr />`);
/// - `'` in text is written `&#39;`, so that text is safe in any quoted attribute.
@Suite struct CommonMarkSpecTests {
    struct Example: Decodable, Sendable, CustomTestStringConvertible {
        var example: Int
        var section: String
        var markdown: String
        var testDescription: String { "example \(example) (\(section))" }
    }

    static let examples: [Example] = {
        let url = Bundle.module.url(forResource: "Fixtures/commonmark-spec-0.30", withExtension: "json")!
        return try! JSONDecoder().decode([Example].self, from: Data(contentsOf: url))
    }()

    @Test func theSpecHasAllItsExamples() {
        #expect(Self.examples.count == 652)
    }

    @Test(arguments: examples) func rendersAsLibcmarkDoes(_ example: Example) throws {
        let ours = HTMLRenderer().render(try CommonMark.parse(example.markdown).blocks)
            .replacingOccurrences(of: "&#39;", with: "'")
        let cmark = Self.cmarkHTML(example.markdown)
            .replacingOccurrences(of: " />", with: ">")
        #expect(ours == cmark)
    }

    static func cmarkHTML(_ markdown: String) -> String {
        let html = cmark_markdown_to_html(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT)!
        defer { free(html) }
        return String(cString: html)
    }
}
