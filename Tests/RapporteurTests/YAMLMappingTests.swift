import Testing

@testable import Model
@testable import Support

/// The typed mapping reader that site.yaml, front matter, figures, tables and exceptions use.
@Suite struct YAMLMappingTests {
    private let yaml = YAMLReader(file: "content/x.yaml", lineOffset: 10)

    private func mapping(_ text: String) throws -> YAMLMapping {
        try YAMLMapping(try yaml.parse(text), "a thing", allowed: ["name", "flag", "items", "title"], yaml: yaml)
    }

    private func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch let error as SiteError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    @Test func readsTypedValues() throws {
        let fields = try mapping("name: a\nflag: true\nitems: [1, 2]\ntitle: {en: T, zh-Hant: 標題}\n")
        #expect(try fields.requiredString("name") == "a")
        #expect(try fields.bool("flag") == true)
        #expect(try fields.sequence("items").count == 2)
        #expect(try fields.localized("title", languages: ["zh-Hant", "en"])?.text(in: "en") == "T")
        #expect(try fields.string("missing") == nil)
        #expect(try fields.sequence("missing").isEmpty)
    }

    @Test func everyProblemIsAtItsLineAndColumn() {
        #expect(message { _ = try mapping("name: a\ntilte: b\n") }.hasPrefix("content/x.yaml:12:1: error: unknown key 'tilte' in a thing"))
        #expect(
            message { _ = try mapping("flag: yes\n").bool("flag") } == "content/x.yaml:11:7: error: flag must be true or false, got 'yes'")
        #expect(message { _ = try mapping("flag: true\n").required("name") } == "content/x.yaml:11:1: error: a thing needs 'name'")
        #expect(
            message { _ = try mapping("flag: true\n").required("name", else: "say a name") } == "content/x.yaml:11:1: error: say a name")
        #expect(message { _ = try mapping("name: [a]\n").string("name") } == "content/x.yaml:11:7: error: name must be text")
        #expect(message { _ = try mapping("- a\n") } == "content/x.yaml:11:1: error: a thing must be a mapping")
    }
}
