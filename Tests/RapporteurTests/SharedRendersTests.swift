import Foundation
import Testing

@testable import Rapporteur
@testable import Support

/// Renders shared by the reports of a library: only equal data share one, each with its own addresses.
@Suite struct SharedRendersTests {
    static let template =
        "{{#rows}}<td>{{{html}}}</td><td>{{label}}</td>{{/rows}}<a href=\"{{page}}\">{{caption}}</a><a href=\"{{csv}}\">CSV</a>\n"

    private func templates() throws -> TemplateLibrary {
        let strings = ["en", "zh-Hant"].map { language in
            language + ":\n" + TemplateLibrary.stringsTheBuildUses.map { "  \($0): x\n" }.joined()
        }.joined()
        let files = ["table.mustache": Self.template, "strings.yaml": strings].mapValues {
            Theme.File(displayPath: "Templates/x", data: Data($0.utf8))
        }
        return try TemplateLibrary.load(Theme(files: files), languages: ["en", "zh-Hant"])
    }

    /// The data of one report's table: rows built in `order`, so that dictionaries hold their keys differently.
    private func data(report: String, label: String = "資安 e\u{301}", reversed: Bool = false) -> [String: Any] {
        let rows: [[String: Any]] = (0..<40).map { number in
            var row: [String: Any] = [:]
            let entries: [(String, Any)] = [
                ("html", ContentHTML(html: "<b>\(number)</b>")), ("label", label), ("numeric", number % 2 == 0),
            ]
            for (key, value) in reversed ? entries.reversed() : entries { row[key] = value }
            return row
        }
        return ["rows": rows, "caption": "Glossary", "page": "/en/\(report)/tables/glossary/", "csv": "/data/\(report)/glossary.csv"]
    }

    @Test func equalDataShareOneRenderEachWithItsOwnAddresses() throws {
        let templates = try templates()
        let shared = SharedRenders()
        let first = try shared.render("table", data(report: "tel60"), addresses: ["page", "csv"], with: templates)
        let second = try shared.render("table", data(report: "tel61", reversed: true), addresses: ["page", "csv"], with: templates)
        #expect(shared.made == 1, "dictionaries holding their keys in another order are still equal data")
        #expect(first == (try templates.render("table", data(report: "tel60"))))
        #expect(second == (try templates.render("table", data(report: "tel61"))))
        #expect(second.contains("href=\"/en/tel61/tables/glossary/\"") && second.contains("href=\"/data/tel61/glossary.csv\""))
    }

    @Test func dataThatDifferAnywhereGetTheirOwnRender() throws {
        let templates = try templates()
        let shared = SharedRenders()
        _ = try shared.render("table", data(report: "tel60"), addresses: ["page", "csv"], with: templates)
        // The same text in a canonically equivalent spelling is other bytes on the page.
        let other = data(report: "tel61", label: "資安 \u{E9}")
        let html = try shared.render("table", other, addresses: ["page", "csv"], with: templates)
        #expect(shared.made == 2)
        // `==` on strings takes canonically equivalent texts as equal: the bytes are compared.
        #expect(Array(html.utf8) == Array(try templates.render("table", other).utf8))
    }

    @Test func contentHoldingThePlaceholdersMarkAndAddressesToEscapeAreRenderedAsTheyAre() throws {
        let templates = try templates()
        let shared = SharedRenders()
        let marked = data(report: "tel60", label: "a \u{E001}0\u{E001} b")
        #expect(try shared.render("table", marked, addresses: ["page", "csv"], with: templates) == (try templates.render("table", marked)))
        var ampersand = data(report: "tel60")
        ampersand["page"] = "/en/r&d/tables/glossary/"
        let html = try shared.render("table", ampersand, addresses: ["page", "csv"], with: templates)
        #expect(html.contains("href=\"/en/r&amp;d/tables/glossary/\""))
        #expect(shared.made == 0, "neither was stored for others")
    }
}
