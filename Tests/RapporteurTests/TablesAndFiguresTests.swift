import Foundation
import Testing

@testable import Model
@testable import Rapporteur
@testable import Support

/// Tables as readers meet them (cell classes, the tables index, breadcrumbs and pagers), figures
/// with images, and template leftovers: built from the valid fixture and read as HTML.
@Suite struct TablesAndFiguresTests {
    // MARK: - Tables

    @Test func cellsAreClassedByColumnTypeAndLabelled() throws {
        let en = try TestProject().build().text("en/tables/funding/index.html")
        #expect(en.contains("<th scope=\"col\" class=\"cell-money numeric\">Total</th>"))
        #expect(en.contains("<td class=\"cell-date-range\" data-label=\"Period\">"))
        #expect(en.contains("<td class=\"cell-short\" data-label=\"Proposer\">Russia</td>"))
        #expect(en.contains("<th scope=\"row\" class=\"cell-prose\">Earthquakes Monitoring System &lt;IoT&gt;</th>"), "a long title")
        #expect(en.contains("<td class=\"cell-status\" data-label=\"Status\" data-status=\"proposed\">"))
        #expect(en.contains("<p class=\"table-scroll-hint\" aria-hidden=\"true\">Swipe sideways to see the whole table</p>"))
        // Seven columns and the source: shown as cards on phones.
        #expect(en.contains("<div class=\"table-block table-cards\" id=\"table-funding\">"))
    }

    @Test func theTotalsRowComesAfterTheRows() throws {
        let en = try TestProject().build().text("en/tables/funding/index.html")
        let body = try #require(en.range(of: "</tbody>"))
        let foot = try #require(en.range(of: "<tfoot>"))
        #expect(body.upperBound <= foot.lowerBound)
        #expect(en.contains("<td class=\"cell-money numeric\" data-label=\"Total\">US$153,000</td>"))
    }

    @Test func shortTextIsTellingNamesFromProse() {
        let column = Table.Column(id: "x", label: LocalizedText(neutral: "X"), type: .text, formula: [], statuses: [])
        #expect(column.kind(of: ["Mr. Andrey Mukhanov", "Chinese Taipei", nil]) == "short")
        #expect(column.kind(of: ["俄羅斯", "汶萊、中國大陸、秘魯"]) == "short", "ten CJK characters are twenty columns")
        #expect(column.kind(of: ["汶萊、中國大陸、秘魯、菲律賓及越南"]) == "prose")
        #expect(column.kind(of: ["Brunei Darussalam, China, Peru, the Philippines and Viet Nam"]) == "prose")
        #expect(column.kind(of: ["short\nlines only"]) == "short", "each line counts alone")
        let money = Table.Column(id: "m", label: LocalizedText(neutral: "M"), type: .money, currency: "USD", formula: [], statuses: [])
        #expect(money.kind(of: []) == "money")
    }

    @Test func aThemeRenderingTheTablePartialsItselfMakesTheSamePages() throws {
        let project = try TestProject(fixture: "library")
        let before = try project.build()
        try project.overrideTheme("table-page.mustache")
        try project.replace("Templates/table-page.mustache", "{{{rendered}}}", with: "{{>partials/table}}")
        try project.overrideTheme("glossary.mustache")
        try project.replace("Templates/glossary.mustache", "{{{rendered}}}", with: "{{>partials/glossary-table}}")
        let after = try project.build()
        for path in [
            "en/tel60-sample/tables/hosting-roster/index.html", "en/tel60-sample/tables/glossary/index.html",
            "zh-hant/tel61-sample/tables/glossary/index.html",
        ] {
            #expect(Array(try after.text(path).utf8) == Array(try before.text(path).utf8), "\(path)")
        }
    }

    @Test func theTablesIndexListsEveryTableWithItsDownloads() throws {
        let result = try TestProject().build()
        for (language, caption, description) in [
            ("en", "New project proposals", "Proposals made at TEL53."), ("zh-hant", "新計畫提案", "TEL53 提出之計畫。"),
        ] {
            let index = try result.text("\(language)/tables/index.html")
            #expect(index.contains("<h2><a href=\"/\(language)/tables/funding/\">\(caption)</a></h2>"))
            #expect(index.contains("<p>\(description)</p>"))
            #expect(index.contains("<a href=\"/data/funding.csv\" download>CSV</a> · <a href=\"/data/funding.json\">JSON</a>"))
            #expect(index.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/tables/\">"))
            #expect(index.contains("<link rel=\"alternate\" hreflang=\"zh-Hant\" href=\"https://example.org/zh-hant/tables/\">"))
            #expect(index.contains("<a href=\"/\(language)/tables/\" aria-current=\"page\">"), "the chapter list marks the index")
        }
        let sitemap = try result.text("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/en/tables/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/zh-hant/tables/</loc>"))
    }

    @Test func tablePagesHaveTheChapterListABreadcrumbAndAPager() throws {
        let result = try TestProject().build()
        let table = try result.text("zh-hant/tables/funding/index.html")
        #expect(table.contains("<nav class=\"chapter-nav\""))
        #expect(table.contains("<li><a href=\"/zh-hant/plenary/\">大會</a></li>"))
        #expect(
            table.contains(
                "<ol><li><a href=\"/zh-hant/\">首頁</a></li><li><a href=\"/zh-hant/tables/\">表格</a></li><li aria-current=\"page\">新計畫提案</li></ol>"
            ))
        #expect(table.contains("rel=\"prev\" href=\"/zh-hant/tables/\""), "the first table follows the index")
        #expect(!table.contains("rel=\"next\""), "the last table ends the report")
        // The last chapter continues to the tables index, which leads back to it and on to the first table.
        #expect(try result.text("zh-hant/spsg/index.html").contains("rel=\"next\" href=\"/zh-hant/tables/\""))
        #expect(try result.text("en/plenary/index.html").contains("rel=\"next\" href=\"/en/tables/\""))
        let index = try result.text("zh-hant/tables/index.html")
        #expect(index.contains("rel=\"prev\" href=\"/zh-hant/spsg/\""))
        #expect(index.contains("rel=\"next\" href=\"/zh-hant/tables/funding/\""))
    }

    // MARK: - Figures

    @Test func aFigureImageIsCopiedWithItsWidthAndHeight() throws {
        let project = try TestProject()
        try FileManager.default.createDirectory(at: project.url("content/figures/tel53"), withIntermediateDirectories: true)
        let png = Self.png(width: 640, height: 360)
        try png.write(to: project.url("content/figures/tel53/plenary.png"))
        try project.replace(
            "content/en/01-plenary.md", "caption: APEC TEL53 plenary\n",
            with: "caption: APEC TEL53 plenary\nimage: tel53/plenary.png\nalt: \"Delegates <seated> at the plenary\"\n")
        let result = try project.build()
        #expect(
            try result.text("en/plenary/index.html").contains(
                "<img src=\"/figures/tel53/plenary.png\" width=\"640\" height=\"360\" alt=\"Delegates &lt;seated&gt; at the plenary\" loading=\"lazy\">"
            ))
        #expect(result.files.first { $0.path == "figures/tel53/plenary.png" }?.data == png)
        #expect(!(try result.text("en/plenary/index.html").contains("figure-missing")))
    }

    @Test func aFigureWithoutAnImageShowsItsDescriptionAndTheOriginal() throws {
        let project = try TestProject()
        try project.replace(
            "content/en/01-plenary.md", "caption: APEC TEL53 plenary\n",
            with: "caption: APEC TEL53 plenary\ndescription: The delegates in the hall.\noriginal: https://example.com/report.pdf\n")
        let html = try project.build().text("en/plenary/index.html")
        #expect(html.contains("<p class=\"figure-description\">The delegates in the hall.</p>"))
        #expect(html.contains("<a href=\"https://example.com/report.pdf\">See the original document</a>"))
    }

    @Test(arguments: [
        (
            "image: plenary.png\n",
            "content/en/01-plenary.md:15:8: error: a figure with an image needs 'alt': what the image shows, for readers who cannot see it"
        ),
        ("image: missing.png\nalt: x\n", "content/en/01-plenary.md:15:8: error: no file content/figures/missing.png"),
        (
            "image: notes.txt\nalt: x\n",
            "content/en/01-plenary.md:15:8: error: content/figures/notes.txt is not a PNG, JPEG, GIF or WebP image"
        ),
        (
            "image: ../site.yaml\nalt: x\n",
            "content/en/01-plenary.md:15:8: error: 'image' is a path under content/figures/ (ASCII letters, digits, . _ - and /), got '../site.yaml'"
        ),
        ("alt: x\n", "content/en/01-plenary.md:15:6: error: 'alt' describes an image: this figure has no 'image'"),
        (
            "original: javascript:alert(1)\n",
            "content/en/01-plenary.md:15:11: error: 'original' is the address of the original document (http:// or https://), got 'javascript:alert(1)'"
        ),
    ])
    func aBadFigureImageIsAnErrorAtItsLine(fields: String, message: String) throws {
        let project = try TestProject()
        try FileManager.default.createDirectory(at: project.url("content/figures"), withIntermediateDirectories: true)
        try Self.png(width: 2, height: 2).write(to: project.url("content/figures/plenary.png"))
        try project.write("content/figures/notes.txt", "not an image\n")
        try project.replace("content/en/01-plenary.md", "caption: APEC TEL53 plenary\n", with: "caption: APEC TEL53 plenary\n" + fields)
        let error = try #require(throws: SiteError.self) { try project.build() }
        // A figure that cannot be read leaves its anchor missing too, which the links to it report.
        #expect(error.diagnostics.map(\.description).contains(message), "\(error)")
    }

    @Test func imageSizesAreReadFromTheHeaders() {
        #expect(ImageSize(Self.png(width: 640, height: 360)) == ImageSize(width: 640, height: 360))
        #expect(ImageSize(Data("GIF89a".utf8) + Data([0x80, 0x02, 0xE0, 0x01, 0, 0])) == ImageSize(width: 640, height: 480))
        // SOI, an APP0 segment of 16 bytes, then SOF0: precision 8, height 0x01E0, width 0x0280.
        let jpeg = Data(
            [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + [UInt8](repeating: 0, count: 14) + [
                0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03,
            ])
        #expect(ImageSize(jpeg) == ImageSize(width: 640, height: 480))
        let webp =
            Data("RIFF".utf8) + Data([0, 0, 0, 0]) + Data("WEBPVP8X".utf8) + Data([10, 0, 0, 0, 0, 0, 0, 0, 0x7F, 0x02, 0, 0xDF, 0x01, 0])
        #expect(ImageSize(webp) == ImageSize(width: 640, height: 480))
        #expect(ImageSize(Data("not an image at all, but long enough".utf8)) == nil)
        #expect(ImageSize(Self.png(width: 640, height: 360).prefix(20)) == nil, "a header cut short")
    }

    // MARK: - Template leftovers

    @Test(arguments: [
        ("<figure id=\"{{anchor}}\">{{caption}} nil</figure>\n", "nil"),
        ("<figure id=\"{{anchor}}\">Optional(\"{{caption}}\")</figure>\n", "Optional("),
        ("<figure id=\"{{anchor}}\">{{=<% %>=}}{{caption}}</figure>\n", "{{"),
    ])
    func aTemplateLeftoverFailsTheBuildNamingThePageAndTemplate(template: String, leftover: String) throws {
        let project = try TestProject()
        try FileManager.default.createDirectory(at: project.url("Templates/partials"), withIntermediateDirectories: true)
        try project.write("Templates/partials/figure.mustache", template)
        let error = try #require(throws: SiteError.self) { try project.build() }
        #expect(
            error.diagnostics.map(\.description).contains(
                "Templates/partials/figure.mustache: error: '\(leftover)' is left in content/en/01-plenary.md by the template 'partials/figure' (a missing value printed, or a tag that is not one)"
            ), "\(error)")
    }

    @Test func aPageTemplateLeftoverNamesTheOutputFile() throws {
        let project = try TestProject()
        try project.overrideTheme("table-page.mustache")
        try project.replace(
            "Templates/table-page.mustache", "<h1 class=\"table-page-header\">", with: "<h1 class=\"table-page-header\">nil ")
        let error = try #require(throws: SiteError.self) { try project.build() }
        #expect(
            error.diagnostics.map(\.description).contains(
                "Templates/table-page.mustache: error: 'nil' is left in en/tables/funding/index.html by the template 'table-page' (a missing value printed, or a tag that is not one)"
            ), "\(error)")
    }

    @Test func contentMaySayWhatALeftoverWould() throws {
        let project = try TestProject()
        try project.replace(
            "content/en/01-plenary.md", "The host economy spoke;",
            with: "Tariffs are nil, Optional(x) is Swift, {{title}} is Mustache; the host economy spoke;")
        try project.replace("content/en/01-plenary.md", "caption: APEC TEL53 plenary\n", with: "caption: nil {{caption}} Optional(1)\n")
        let html = try project.build().text("en/plenary/index.html")
        #expect(html.contains("Tariffs are nil, Optional(x) is Swift, {{title}} is Mustache"))
        #expect(html.contains("</span> nil {{caption}} Optional(1)<span class=\"figure-source\">"))
        #expect(!html.contains("\u{E000}"), "no mark is left in the page")
    }

    @Test func marksAreStrippedAndAMarkInContentIsKeptAsAReference() {
        let (text, leftover) = TemplateLeftovers.strip("<p>" + TemplateLeftovers.marked("a \u{E000} nil") + "</p>vanilla nil_x")
        #expect(text == "<p>a &#xE000; nil</p>vanilla nil_x")
        #expect(leftover == nil)
        #expect(TemplateLeftovers.strip("<p>nil</p>").leftover == "nil")
        #expect(TemplateLeftovers.strip("nil").leftover == "nil")
        // U+E001 starts with the mark's first byte: inside a value it is text, and the value still ends at its mark.
        let neighbour = TemplateLeftovers.strip("<p>" + TemplateLeftovers.marked("\u{E001} nil {{\u{E001}") + "</p>{{")
        #expect(neighbour.text == "<p>\u{E001} nil {{\u{E001}</p>{{")
        #expect(neighbour.leftover == "{{")
    }

    // MARK: - Helpers

    /// A valid PNG of one colour.
    static func png(width: Int, height: Int) -> Data {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
        }
        func bigEndian(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
        func crc32(_ bytes: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
            }
            return ~crc
        }
        // Stored (uncompressed) deflate blocks of the rows: filter byte 0 and grey pixels.
        let raw = [UInt8]((0..<height).flatMap { _ in [0] + [UInt8](repeating: 0x80, count: width) })
        var zlib: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, raw.count - offset)
            let last: UInt8 = offset + count == raw.count ? 1 : 0
            zlib += [last, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            zlib += raw[offset..<offset + count]
            offset += count
        } while offset < raw.count
        var adlerA: UInt32 = 1
        var adlerB: UInt32 = 0
        for byte in raw {
            adlerA = (adlerA + UInt32(byte)) % 65_521
            adlerB = (adlerB + adlerA) % 65_521
        }
        zlib += bigEndian(adlerB << 16 | adlerA)
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 0, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", zlib) + chunk("IEND", []))
    }
}
