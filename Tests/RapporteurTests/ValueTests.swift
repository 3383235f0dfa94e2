import Foundation
import Testing

@testable import Model
@testable import Rapporteur
@testable import Support

@Suite struct ValueTests {
    /// As the TEL53 site sets them: Taiwan's conventions with spaces around digits and 美元 after
    /// amounts, and British English.
    let chinese = ValueFormatter(
        language: Language(
            code: "zh-Hant", name: "中文",
            style: WritingStyle(locale: "zh-Hant-TW", spacesBetweenHanAndDigits: true, currencyPatterns: ["USD": "{amount} 美元"])))
    let english = ValueFormatter(language: Language(code: "en", name: "English", style: WritingStyle(locale: "en-GB")))

    private func formatter(_ locale: String) -> ValueFormatter {
        ValueFormatter(language: Language(code: locale, name: locale))
    }

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
        #expect(english.money(5, currency: "EUR") == "€5")
        #expect(english.money(Decimal(string: "8.3")!, currency: "USD") == "US$8.30")
        #expect(chinese.money(Decimal(string: "8.3")!, currency: "USD") == "8.3 美元")
    }

    @Test func datesAreWrittenPerLanguage() throws {
        let day = try #require(CalendarDate(parsing: "2016-06-12"))
        #expect(chinese.date(day) == "2016 年 6 月 12 日")
        #expect(english.date(day) == "12 June 2016")
        #expect(english.date(try #require(CalendarDate(parsing: "2017-05"))) == "May 2017")
        #expect(chinese.date(try #require(CalendarDate(parsing: "2018"))) == "2018 年")
    }

    @Test(arguments: [
        ("2016-06-12/2016-06-17", "2016 年 6 月 12 日至 17 日", "12\u{2009}–\u{2009}17 June 2016"),
        ("2016-10-31/2016-11-04", "2016 年 10 月 31 日至 11 月 4 日", "31 October\u{2009}–\u{2009}4 November 2016"),
        ("2016-11/2017-11", "2016 年 11 月至 2017 年 11 月", "November 2016\u{2009}–\u{2009}November 2017"),
        ("2017-01/2017-12", "2017 年 1 月至 12 月", "January\u{2009}–\u{2009}December 2017"),
        ("2016-06-12/2016-06-12", "2016 年 6 月 12 日", "12 June 2016"),
    ])
    func dateRangesLeaveOutWhatBothEndsShare(_ iso: String, _ zh: String, _ en: String) throws {
        let range = try #require(DateRange(parsing: iso))
        #expect(chinese.dateRange(range) == zh)
        #expect(english.dateRange(range) == en)
        #expect(range.iso == iso)
    }

    /// Any locale ICU knows, in its own conventions.
    @Test func otherLocalesWriteTheirOwnWay() throws {
        let day = try #require(CalendarDate(parsing: "2016-06-12"))
        let range = try #require(DateRange(parsing: "2016-10-31/2016-11-04"))
        let expected: [(locale: String, number: String, money: String, date: String, range: String)] = [
            ("ja-JP", "14,090,673", "$80,000", "2016年6月12日", "2016年10月31日～11月4日"),
            ("ko-KR", "14,090,673", "US$80,000", "2016년 6월 12일", "2016년 10월 31일 ~ 11월 4일"),
            ("es-ES", "14.090.673", "80.000\u{A0}US$", "12 de junio de 2016", "31 de octubre\u{2009}–\u{2009}4 de noviembre de 2016"),
            ("fr-FR", "14\u{202F}090\u{202F}673", "80\u{202F}000\u{00A0}$US", "12 juin 2016", "31 octobre\u{2009}–\u{2009}4 novembre 2016"),
            ("zh-Hans-CN", "14,090,673", "US$80,000", "2016年6月12日", "2016年10月31日至11月4日"),
        ]
        for locale in expected {
            let format = formatter(locale.locale)
            #expect(format.number(14_090_673) == locale.number, "\(locale.locale)")
            #expect(format.money(80_000, currency: "USD") == locale.money, "\(locale.locale)")
            #expect(format.date(day) == locale.date, "\(locale.locale)")
            #expect(format.dateRange(range) == locale.range, "\(locale.locale)")
        }
    }

    @Test func spacesGoWhereHanMeetsDigits() {
        #expect(ValueFormatter.spacingHanAndDigits("2016年10月31日至11月4日") == "2016 年 10 月 31 日至 11 月 4 日")
        #expect(ValueFormatter.spacingHanAndDigits("US$80,000") == "US$80,000")
        #expect(ValueFormatter.spacingHanAndDigits("第53次") == "第 53 次")
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
