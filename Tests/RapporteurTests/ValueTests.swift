import Foundation
import Testing

@testable import Model
@testable import Rapporteur
@testable import Support

@Suite struct ValueTests {
    let chinese = ValueFormatter(language: Language(code: "zh-Hant", name: "中文"))
    let english = ValueFormatter(language: Language(code: "en", name: "English"))

    @Test func numbersHaveThousandsSeparators() {
        #expect(english.number(14_090_673) == "14,090,673")
        #expect(english.number(Decimal(string: "8.3")!) == "8.3")
        #expect(english.number(-1234) == "-1,234")
        #expect(english.number(999) == "999")
        #expect(chinese.number(1000) == "1,000")
    }

    @Test func moneyIsWrittenPerLanguage() {
        #expect(english.money(80_000, currency: "USD") == "US$80,000")
        #expect(chinese.money(80_000, currency: "USD") == "80,000 美元")
        #expect(english.money(5, currency: "EUR") == "EUR 5")
    }

    @Test func datesAreWrittenPerLanguage() throws {
        let day = try #require(CalendarDate(parsing: "2016-06-12"))
        #expect(chinese.date(day) == "2016 年 6 月 12 日")
        #expect(english.date(day) == "12 June 2016")
        #expect(english.date(try #require(CalendarDate(parsing: "2017-05"))) == "May 2017")
        #expect(chinese.date(try #require(CalendarDate(parsing: "2018"))) == "2018 年")
    }

    @Test(arguments: [
        ("2016-06-12/2016-06-17", "2016 年 6 月 12 日至 17 日", "12–17 June 2016"),
        ("2016-10-31/2016-11-04", "2016 年 10 月 31 日至 11 月 4 日", "31 October – 4 November 2016"),
        ("2016-11/2017-11", "2016 年 11 月至 2017 年 11 月", "November 2016 – November 2017"),
        ("2017-01/2017-12", "2017 年 1 月至 12 月", "January–December 2017"),
        ("2016-06-12/2016-06-12", "2016 年 6 月 12 日", "12 June 2016"),
    ])
    func dateRangesLeaveOutWhatBothEndsShare(_ iso: String, _ zh: String, _ en: String) throws {
        let range = try #require(DateRange(parsing: iso))
        #expect(chinese.dateRange(range) == zh)
        #expect(english.dateRange(range) == en)
        #expect(range.iso == iso)
    }

    @Test(arguments: ["2016-13-01", "2016-02-30", "16-06-12", "2016-6-1", "June 2016", "2016-06-12/2016-06", "2016-06-17/2016-06-12", ""])
    func invalidDatesAreRefused(_ text: String) {
        #expect(CalendarDate(parsing: text) == nil && DateRange(parsing: text) == nil)
    }

    @Test func leapDays() {
        #expect(CalendarDate(parsing: "2016-02-29") != nil)
        #expect(CalendarDate(parsing: "2015-02-29") == nil)
    }

    @Test func headingIdsFromText() {
        #expect(Slug.make(from: "各經濟體國情報告") == "各經濟體國情報告")
        #expect(Slug.make(from: "APEC 發展報告") == "apec-發展報告")
        #expect(Slug.make(from: "LSG 產業圓桌會議─連接人與物") == "lsg-產業圓桌會議-連接人與物")
        #expect(Slug.make(from: "(一) Opening!") == "一-opening")
        #expect(Slug.make(from: "…") == "section")
        #expect(Slug.isValid("economy-reports") && !Slug.isValid("../etc") && !Slug.isValid("A") && !Slug.isValid("-a"))
    }

    @Test func jsonIsOrderedAndSafeInScripts() {
        let json = JSONValue.object([("b", .number("1")), ("a", .string("</script>\n\"x\""))]).serialized()
        #expect(json == "{\n  \"b\": 1,\n  \"a\": \"<\\/script>\\n\\\"x\\\"\"\n}\n")
    }

    @Test func invalidUTF8IsLocated() {
        let data = Data("第一行\n第二".utf8) + Data([0xE5, 0x28]) + Data("行".utf8)
        #expect(throws: SiteError.self) { try SourceFile.decode(data, as: "a.md") }
        do {
            _ = try SourceFile.decode(data, as: "a.md")
        } catch {
            #expect(error.description == "a.md:2:3: error: invalid UTF-8: the file must be saved as UTF-8")
        }
        #expect(throws: Never.self) { try SourceFile.decode(Data("\u{FEFF}ok".utf8), as: "b.md") }
    }
}
