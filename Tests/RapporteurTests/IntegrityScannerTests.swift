import Foundation
import Testing

@testable import Integrity
@testable import Rapporteur
@testable import Support

/// Numbers, dates and names as each language writes them: pairs that agree and pairs that do not.
@Suite struct IntegrityScannerTests {
    /// Whether every significant fact of each text has a match in the other.
    func agree(_ chinese: String, _ english: String) -> Bool {
        let (zh, en) = (FactScanner.facts(in: chinese), FactScanner.facts(in: english))
        return zh.filter(\.isSignificant).allSatisfy { fact in en.contains(where: fact.matches) }
            && en.filter(\.isSignificant).allSatisfy { fact in zh.contains(where: fact.matches) }
    }

    @Test(arguments: [
        ("1,409 萬美元", "US$14.09 million"),
        ("2016 年 10 月 31 日至 11 月 4 日", "31 October - 4 November 2016"),
        ("2016 年 6 月 12 日", "12 June 2016"),
        ("6/12", "June 12"),
        ("6 月 12 日至 17 日", "12-17 June"),
        ("8.3 萬", "83,000"),
        ("28 億 3 千 6 百萬", "2,836 million"),
        ("7 億 8,200 萬", "782 million"),
        ("5 萬 8,100 美元", "US$58,100"),
        ("12.8 億", "1.28 billion"),
        ("達 73%", "73 per cent"),
        ("(十三) 未來會議", "(13) future meetings"),
        ("17 位代表", "Seventeen representatives"),
        ("2016 年二月", "February 2016"),
    ])
    func pairsThatAgree(_ chinese: String, _ english: String) {
        #expect(agree(chinese, english), "\(FactScanner.facts(in: chinese).map(\.key)) vs \(FactScanner.facts(in: english).map(\.key))")
    }

    @Test(arguments: [
        ("1,409 萬美元", "US$14.90 million"),
        ("2016 年 10 月 31 日至 11 月 4 日", "31 October - 4 November 2061"),
        ("2016 年 6 月 12 日", "21 June 2016"),
        ("8.3 萬", "8,300"),
        ("2016-2020 策略行動計畫", "Strategic Action Plan 2016-2021"),
    ])
    func pairsThatDisagree(_ chinese: String, _ english: String) {
        #expect(!agree(chinese, english))
    }

    @Test func singleDigitsAndNamesAreNotFacts() {
        #expect(FactScanner.facts(in: "5 個目標").allSatisfy { !$0.isSignificant })
        #expect(FactScanner.facts(in: "TEL53 與 IPv6").isEmpty)
        // Six months is a duration, not June.
        #expect(FactScanner.facts(in: "6 個月").allSatisfy { if case .date = $0.value { false } else { true } })
    }

    @Test func latinNamesOfTheChinese() {
        let names = NameScanner.names(in: "俄羅斯籍主席 Andrey Mukhanov 提及電子傳播(e-communication)、IPv6 與 Wi-Fi。")
        #expect(names.map(\.written) == ["Andrey", "Mukhanov", "IPv6", "Wi-Fi"])
        #expect(names.map(\.offset) == [7, 14, 47, 54])
        let english = ChapterSection(
            id: "x", location: SourceLocation(file: "en.md"),
            lines: [TextLine(text: "Chair Mukhanov's remarks on IPv6 and WiFi", location: SourceLocation(file: "en.md"))]
        ).indexed()
        #expect(names.filter { english.keys.contains($0) }.map(\.written) == ["Mukhanov", "IPv6", "Wi-Fi"])
    }
}
