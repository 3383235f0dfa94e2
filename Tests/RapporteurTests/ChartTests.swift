import Foundation
import Testing

@testable import Model
@testable import Rapporteur
@testable import Support

/// Charts: their scales, text layout, loading from a table's YAML, drawing and placement.
@Suite struct ChartTests {
    static let english = Language(code: "en", name: "English", style: WritingStyle(locale: "en-GB"))

    /// A two-language table file with `chart` appended; rows given as YAML lines.
    static func table(columns: String, rows: String, chart: String) throws(SiteError) -> Table {
        let text = "caption: {zh-Hant: 表, en: Table}\ncolumns:\n\(columns)\nrows:\n\(rows)\nchart:\n\(chart)\n"
        return try Table.load(name: "t", text: text, file: "t.yaml", languages: ["zh-Hant", "en"])
    }

    static let moneyColumns = """
        - {id: name, label: Name, type: text}
        - {id: apec, label: APEC, type: money, currency: USD}
        - {id: own, label: Own, type: money, currency: USD}
        - {id: when, label: When, type: date-range}
        - {id: year, label: Year, type: year}
        - id: status
          label: Status
          type: status
          values: {confirmed: Confirmed, tentative: To be confirmed}
        """

    static func svg(_ table: Table, language: Language = english) -> String {
        let source = ChartSource(
            table: table, chart: table.charts[0], language: language, languages: ["zh-Hant", "en"],
            strings: ["total": "Total", "chartListSeparator": "; "])
        return Chart.svg(source, id: "c")
    }

    // MARK: - Scales

    @Test func ticksAreRoundAndCoverTheLargestValue() {
        let scale = ChartScale(values: [56000, 83000], maxTicks: 5, range: 0...400)
        #expect(scale.step == 20000)
        #expect(scale.ticks == [0, 20000, 40000, 60000, 80000, 100000])
        #expect(scale.position(50000) == 200)
    }

    @Test func oneValueZeroAndNothingGiveAUsableScale() {
        #expect(ChartScale(values: [7], maxTicks: 5, range: 0...100).ticks.last == 8)
        #expect(ChartScale(values: [0], maxTicks: 5, range: 0...100).ticks.first == 0)
        #expect(ChartScale(values: [0], maxTicks: 5, range: 0...100).upper == 1)
        #expect(ChartScale(values: [], maxTicks: 5, range: 0...100).position(0) == 0)
        #expect(ChartScale(values: [-30, 10], maxTicks: 4, range: 0...100).lower == -30)
    }

    @Test func niceSteps() {
        #expect(ChartScale.niceStep(for: 16600) == 20000)
        #expect(ChartScale.niceStep(for: 0.3) == 0.5)
        #expect(ChartScale.niceStep(for: 2100) == 2500)
        #expect(ChartScale.niceStep(for: 1) == 1)
    }

    // MARK: - Labels

    @Test func cjkIsWiderThanLatin() {
        #expect(ChartLabels.width("地震監測", fontSize: 10) == 40)
        #expect(ChartLabels.width("IoT", fontSize: 10) < 20)
    }

    @Test func longCJKLabelsWrapBetweenCharactersWithinTheWidth() {
        let label = "亞太地區行動金融服務之政策及監理實踐"
        let lines = ChartLabels.wrap(label, width: 100, fontSize: 13)
        #expect(lines.count == 3)
        #expect(lines.joined() == label)
        #expect(lines.allSatisfy { ChartLabels.width($0, fontSize: 13) <= 100 })
    }

    @Test func latinWrapsBetweenWordsAndMixedTextKeepsItsWords() {
        #expect(
            ChartLabels.wrap("Policies and Regulatory Practices", width: 120, fontSize: 10) == ["Policies and", "Regulatory", "Practices"])
        let mixed = ChartLabels.wrap("地震監測系統之 IoT 應用", width: 80, fontSize: 10)
        #expect(mixed.contains { $0.contains("IoT") })
        #expect(ChartLabels.wrap("Internationalisation", width: 20, fontSize: 10) == ["Internationalisation"])
    }

    @Test func tickLabelsThatCollideAreThinned() {
        let positions = [0.0, 50, 100, 150, 200]
        #expect(ChartLabels.ticksToLabel(positions: positions, widths: Array(repeating: 40, count: 5), gap: 8) == [0, 1, 2, 3, 4])
        #expect(ChartLabels.ticksToLabel(positions: positions, widths: Array(repeating: 60, count: 5), gap: 8) == [0, 2, 4])
        #expect(ChartLabels.ticksToLabel(positions: positions, widths: Array(repeating: 300, count: 5), gap: 8) == [0])
        #expect(ChartLabels.centres(of: [0, 200], widths: [40, 40], limit: 200) == [20, 180])
    }

    @Test func aMarksTextGoesAfterBeforeOrBelow() {
        #expect(ChartLabels.place(textWidth: 50, markStart: 0, markEnd: 100, gap: 4, limit: 480) == .after(x: 104))
        #expect(ChartLabels.place(textWidth: 50, markStart: 300, markEnd: 460, gap: 4, limit: 480) == .before(x: 296))
        #expect(ChartLabels.place(textWidth: 300, markStart: 100, markEnd: 400, gap: 4, limit: 480) == .below(x: 100))
    }

    // MARK: - Time

    @Test func daysAndBands() {
        #expect(ChartTime.day(1970, 1, 1) == 0)
        #expect(ChartTime.date(ChartTime.day(2016, 10, 31)) == (2016, 10, 31))
        #expect(ChartTime(.year(2017)) == ChartTime(first: ChartTime.day(2017, 1, 1), last: ChartTime.day(2017, 12, 31), isExact: false))
        let range = try! #require(DateRange(parsing: "2016-10-31/2016-11-04"))
        #expect(ChartTime(.dateRange(range))?.isExact == true)
        let axis = TimeAxis(first: ChartTime.day(2016, 10, 31), last: ChartTime.day(2018, 12, 31))
        #expect(axis.bands.map(\.date.iso) == ["2016", "2017", "2018"])
        #expect(TimeAxis(first: ChartTime.day(2016, 6, 12), last: ChartTime.day(2016, 6, 17)).bands.count == 6)
    }

    // MARK: - Loading

    @Test func aChartIsReadFromTheTable() throws {
        let table = try Self.table(
            columns: Self.moneyColumns, rows: "- {name: A, apec: 1, own: 2}",
            chart: "  kind: stacked-bar\n  label: name\n  values: [apec, own]\n  caption: {zh-Hant: 圖, en: Chart}")
        #expect(table.charts.count == 1)
        #expect(table.charts[0].kind == .stackedBar)
        #expect(table.charts[0].valueColumns == [1, 2])
        #expect(table.charts[0].location == SourceLocation(file: "t.yaml", line: 15, column: 3))
    }

    @Test(arguments: [
        (
            "  kind: pie\n  label: name\n  values: apec\n  caption: C",
            "t.yaml:15:9: error: unknown chart kind 'pie'; expected one of bar, stacked-bar, timeline"
        ),
        (
            "  kind: bar\n  label: name\n  values: [apec, cost]\n  caption: C",
            "t.yaml:17:18: error: values: no column 'cost' in this table; its columns: name, apec, own, when, year, status"
        ),
        (
            "  kind: bar\n  label: name\n  values: [name]\n  caption: C",
            "t.yaml:17:12: error: values: column 'name' is text, expected number or money"
        ),
        (
            "  kind: bar\n  label: name\n  values: apec\n  colour: red\n  caption: C",
            "t.yaml:18:3: error: unknown key 'colour' in a chart; expected one of kind, label, values, time, status, periods, caption"
        ),
        (
            "  kind: timeline\n  label: name\n  caption: C",
            "t.yaml:15:3: error: a timeline needs either 'time' (dates on an axis) or 'periods' (parts of each day)"
        ),
        (
            "  kind: timeline\n  label: name\n  time: apec\n  caption: C",
            "t.yaml:17:9: error: time: column 'apec' is money, expected date or date-range or year"
        ),
        (
            "  kind: bar\n  label: name\n  values: apec\n  status: status\n  caption: C",
            "t.yaml:18:3: error: 'status' does not apply to a bar chart"
        ),
        ("  kind: bar\n  label: name\n  values: apec", "t.yaml:15:3: error: a chart needs 'caption'"),
    ])
    func aWrongChartIsAnErrorAtItsLine(chart: String, message: String) {
        #expect(throws: SiteError.self) {
            try Self.table(columns: Self.moneyColumns, rows: "- {name: A, apec: 1, own: 2}", chart: chart)
        }
        do {
            _ = try Self.table(columns: Self.moneyColumns, rows: "- {name: A, apec: 1, own: 2}", chart: chart)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func aStackOfNegativeValuesIsRefusedAtTheRow() {
        do {
            _ = try Self.table(
                columns: Self.moneyColumns, rows: "- {name: A, apec: 1}\n- {name: B, apec: -5}",
                chart: "  kind: stacked-bar\n  label: name\n  values: [apec, own]\n  caption: C")
            Issue.record("a negative stacked value loaded")
        } catch {
            #expect(error.description == "t.yaml:14:3: error: a stacked bar cannot show the negative 'apec' of this row")
        }
    }

    // MARK: - Drawing

    @Test func stackedBarsShowTheTablesValuesTotalsAndMissingOnes() throws {
        let table = try Self.table(
            columns: Self.moneyColumns + "\ntotals: [apec, own]",
            rows: "- {name: 'A <b>', apec: 56000, own: 24000}\n- {name: B, apec: 0}\n- {name: C}",
            chart: "  kind: stacked-bar\n  label: name\n  values: [apec, own]\n  caption: Funding")
        let svg = Self.svg(table)
        #expect(svg.hasPrefix("<svg class=\"chart-svg\" viewBox=\"0 0 480 "))
        #expect(svg.contains("role=\"img\" aria-labelledby=\"c-title c-desc\""))
        #expect(svg.contains("<title id=\"c-title\">Funding</title>"))
        #expect(svg.contains("A &lt;b&gt;"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains(">US$80,000<"))  // the sum, as the table writes money
        #expect(svg.contains(">US$0<"))  // a zero is a value
        #expect(svg.contains(">—<"))  // no value at all is the table's dash, not a zero
        #expect(svg.contains("APEC (Total US$56,000)"))
        #expect(svg.contains("A &lt;b&gt;: APEC US$56,000, Own US$24,000 (US$80,000); B: APEC US$0, Own — (US$0); C: APEC —, Own — (—)"))
        #expect(svg.contains("fill=\"url(#c-hatch)\""))
    }

    @Test func oneBarAlone() throws {
        let table = try Self.table(
            columns: Self.moneyColumns, rows: "- {name: A, apec: 7}", chart: "  kind: bar\n  label: name\n  values: apec\n  caption: C")
        let svg = Self.svg(table)
        #expect(svg.contains(">US$7<"))
        #expect(svg.contains(">US$0<") && svg.contains(">US$8<"))  // the axis, 0 to a round 8
    }

    @Test func aTentativeDateIsShownAsItsYearAndStatusNeverAsADay() throws {
        let table = try Self.table(
            columns: Self.moneyColumns,
            rows:
                "- {name: TEL54, when: 2016-10-31/2016-11-04, year: 2016, status: confirmed}\n- {name: TEL56, year: 2017, status: tentative}\n- {name: TEL99}",
            chart: "  kind: timeline\n  label: name\n  time: [when, year]\n  status: status\n  caption: Meetings")
        let svg = Self.svg(table)
        #expect(svg.contains("31 October") && svg.contains("4 November 2016 · Confirmed<"))
        #expect(svg.contains(">2017 · To be confirmed<"))
        #expect(!svg.contains("January 2017"))
        #expect(svg.components(separatedBy: "class=\"chart-tentative\"").count == 2)
        #expect(svg.contains("TEL99: —"))
        #expect(svg.contains(">2016<") && svg.contains(">2017<"))
    }

    @Test func aWeekShowsHowManyEventsEachPartOfADayHas() throws {
        let table = try Self.table(
            columns:
                "- {id: date, label: Date, type: date}\n- {id: am, label: Morning, type: text}\n- {id: pm, label: Afternoon, type: text}",
            rows: "- {date: 2016-06-12, pm: \"Opening\\nHeads of Delegation\"}\n- {date: 2016-06-13, am: Plenary}",
            chart: "  kind: timeline\n  label: date\n  periods: [am, pm]\n  caption: Week")
        let svg = Self.svg(table)
        #expect(svg.contains("class=\"chart-level-2\""))
        #expect(svg.contains("class=\"chart-level-0\""))
        #expect(svg.contains(">2<") && svg.contains(">1<"))
        #expect(svg.contains("12 June 2016: Afternoon Opening, Heads of Delegation; 13 June 2016: Morning Plenary"))
    }

    // MARK: - Placement

    @Test func aChartShowsBeforeItsTableAndAloneInAChartBlock() throws {
        let project = try TestProject()
        try project.replace(
            "content/tables/funding.yaml", "rows:",
            with: "chart:\n  kind: stacked-bar\n  label: title\n  values: [apec, self]\n  caption: {zh-Hant: 經費, en: Funding chart}\nrows:")
        try project.replace("content/en/01-plenary.md", "```table funding", with: "```chart funding\n```\n\n```table funding")
        let page = try project.build().text("en/plenary/index.html")
        let alone = try #require(page.range(of: "<figure class=\"chart\" id=\"chart-funding\">"))
        let withTable = try #require(page.range(of: "<figure class=\"chart\" id=\"table-funding-chart-1\">"))
        let table = try #require(page.range(of: "<table>\n<caption>"))
        #expect(alone.lowerBound < withTable.lowerBound && withTable.lowerBound < table.lowerBound)
        #expect(page.contains("Earthquakes Monitoring System &lt;IoT&gt;"))
        let tablePage = try project.build().text("en/tables/funding/index.html")
        #expect(tablePage.contains("id=\"table-funding-chart-1\""))
    }

    @Test func aChartBlockNamingAnUnknownTableOrATableWithoutAChartIsAnError() throws {
        let project = try TestProject()
        try project.replace(
            "content/en/01-plenary.md", "```table funding", with: "```chart fundng\n```\n\n```chart funding\n```\n\n```table funding")
        #expect(throws: SiteError.self) { try project.build() }
        do {
            _ = try project.build()
        } catch {
            #expect(String(describing: error).contains("unknown table 'fundng': there is no content/tables/fundng.yaml"))
            #expect(String(describing: error).contains("table 'funding' has no chart: give content/tables/funding.yaml a 'chart:'"))
        }
    }
}
