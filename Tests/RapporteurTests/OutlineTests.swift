import Testing

@testable import Model
@testable import Rapporteur
@testable import Support

/// Heading ids: automatic ids are de-duplicated the same way in every language, and only a
/// repeated explicit `{#id}` is an error.
@Suite struct OutlineTests {
    private func outline(_ body: String, language: String, counterpartIDs: [String]? = nil) throws -> (ids: [String], log: DiagnosticLog) {
        let chapter = try Chapter.load(
            text: "---\ntitle: t\n---\n\n" + body, file: "content/\(language)/01-a.md", fileName: "01-a.md",
            language: Language(code: language, name: language))
        var log = DiagnosticLog()
        let ids = Outliner(chapter: chapter, counterpartIDs: counterpartIDs).run(log: &log).outline.map(\.id)
        return (ids, log)
    }

    @Test func repeatedHeadingsGetNumberedIdsInTheOriginal() throws {
        let result = try outline("## 討論\n\n## 討論\n\n## 討論\n", language: "zh-Hant")
        #expect(result.ids == ["討論", "討論-2", "討論-3"])
        #expect(result.log.diagnostics.isEmpty)
    }

    @Test func repeatedHeadingsGetNumberedIdsInATranslationBeyondItsOriginal() throws {
        // The first heading takes the original's id; the two beyond it are made from their text.
        let result = try outline("## Opening\n\n## Discussion\n\n## Discussion\n", language: "en", counterpartIDs: ["opening"])
        #expect(result.ids == ["opening", "discussion", "discussion-2"])
        #expect(result.log.diagnostics.isEmpty, "\(result.log.diagnostics)")
    }

    @Test func aTranslationsHeadingThatMeetsAnInheritedIdIsNumbered() throws {
        let result = try outline("## A\n\n## Discussion\n", language: "en", counterpartIDs: ["discussion"])
        #expect(result.ids == ["discussion", "discussion-2"])
        #expect(result.log.diagnostics.isEmpty)
    }

    @Test func aRepeatedExplicitIdIsAnErrorInEveryLanguage() throws {
        for language in ["zh-Hant", "en"] {
            let result = try outline("## A {#same}\n\n## B {#same}\n", language: language)
            let messages = result.log.diagnostics.map(\.description)
            #expect(messages == ["content/\(language)/01-a.md:7:1: error: duplicate heading id 'same' (first used at line 5)"])
        }
    }
}
