import Foundation
import Testing

@testable import Model
@testable import Rapporteur
@testable import Support

/// `original:` in site.yaml: the language the report was written in need not be the first
/// listed, the one the site opens in. Translations take the original's heading ids, are warned
/// about against it, and are compared with it.
@Suite struct OriginalLanguageTests {
    @Test func translationsFollowTheNamedOriginal() throws {
        let project = try TestProject()
        try project.replace("content/site.yaml", "title:\n", with: "original: en\ntitle:\n")
        let result = try project.build()
        // The Chinese heading without an id takes the English one's, made from its text.
        #expect(try result.text("zh-hant/plenary/index.html").contains("<h3 id=\"chinese-taipei\">"))
        #expect(try result.text("en/plenary/index.html").contains("<h3 id=\"chinese-taipei\">"))
        #expect(
            result.warnings.contains {
                $0.location?.file == "content/zh-Hant/02-spsg.md" && $0.message.contains("no en original with this file name")
            })
        #expect(try result.text("index.html").contains("<html lang=\"zh-Hant\""), "the site still opens in the first language")
    }

    @Test func anOriginalThatIsNotALanguageIsAnErrorAtItsLine() throws {
        let project = try TestProject()
        try project.replace("content/site.yaml", "title:\n", with: "original: ja\ntitle:\n")
        let error = try #require(throws: SiteError.self) { try project.build() }
        #expect(error.description.contains("content/site.yaml:11:"), "\(error)")
        #expect(error.description.contains("original 'ja' is not one of the languages (zh-Hant, en)"), "\(error)")
    }
}
