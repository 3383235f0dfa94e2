import Testing

@testable import Integrity
@testable import Rapporteur
@testable import Support

/// With several translations, an exception may be for one of them (`language:`) or for all.
@Suite struct IntegrityPairTests {
    private func finding(_ translation: String) -> Finding {
        var finding = Finding(
            scope: "plenary", section: "funding", value: "14090000", written: "1,409 萬", location: SourceLocation(file: "a.md"),
            message: "m")
        finding.translation = translation
        return finding
    }

    @Test func anExceptionForOneTranslationCoversOnlyThatOne() throws {
        let exceptions = try IntegrityException.parse(
            """
            - chapter: plenary
              section: funding
              value: 14090000
              reason: The Spanish rounds it.
              language: es
            - chapter: plenary
              section: funding
              value: "1,409 萬"
              reason: Every translation.
            """)
        #expect(exceptions[0].covers(finding("es")) && !exceptions[0].covers(finding("en")))
        #expect(exceptions[1].covers(finding("es")) && exceptions[1].covers(finding("en")))
    }

    @Test func aMessageNamesBothLanguages() throws {
        let project = try TestProject(fixture: "valid")
        try project.replace("content/en/01-plenary.md", "The plenary met on 13 June 2016;", with: "The plenary met on 14 June 2016;")
        let error = try #require(throws: SiteError.self) { try SiteBuilder.build(root: project.root, integrity: .errors) }
        #expect(error.description.contains("in the zh-Hant section"), "\(error)")
        #expect(error.description.contains("is not in the en section"), "\(error)")
    }
}
