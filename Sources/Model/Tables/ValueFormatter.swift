import Foundation

/// Writes typed values the way a language writes them: `14,090,673`, `2016 年 6 月 12 日` /
/// `12 June 2016`, `80,000 美元` / `US$80,000`. Fixed rules, never the machine's locale.
public struct ValueFormatter: Sendable {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// A number with thousands separators: `14,090,673`, `8.3`.
    public func number(_ value: Decimal) -> String {
        let plain = "\(value)"
        let negative = plain.hasPrefix("-")
        let digits = negative ? plain.dropFirst() : Substring(plain)
        let parts = digits.split(separator: ".", maxSplits: 1)
        var integer = String(parts.first ?? "0")
        var index = integer.count - 3
        while index > 0 {
            integer.insert(",", at: integer.index(integer.startIndex, offsetBy: index))
            index -= 3
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + integer + fraction
    }

    /// An amount of money in a currency (ISO 4217 code).
    public func money(_ value: Decimal, currency: String) -> String {
        let amount = number(value)
        switch (currency, language.isChinese) {
        case ("USD", true): return "\(amount) 美元"
        case ("USD", false): return "US$\(amount)"
        default: return "\(currency) \(amount)"
        }
    }

    public func date(_ date: CalendarDate) -> String {
        if language.isChinese {
            var text = "\(date.year) 年"
            if let month = date.month { text += " \(month) 月" }
            if let day = date.day { text += " \(day) 日" }
            return text
        }
        var parts: [String] = []
        if let day = date.day { parts.append(String(day)) }
        if let month = date.month { parts.append(Self.months[month - 1]) }
        parts.append(String(date.year))
        return parts.joined(separator: " ")
    }

    /// A range, leaving out what both ends share: `2016 年 6 月 12 日至 17 日`, `12–17 June 2016`.
    public func dateRange(_ range: DateRange) -> String {
        let (start, end) = (range.start, range.end)
        if start == end { return date(start) }
        return language.isChinese ? chineseRange(start, end) : englishRange(start, end)
    }

    private func chineseRange(_ start: CalendarDate, _ end: CalendarDate) -> String {
        var tail: [String] = []
        if start.year != end.year { tail.append("\(end.year) 年") }
        if let month = end.month, start.year != end.year || start.month != month { tail.append("\(month) 月") }
        if let day = end.day { tail.append("\(day) 日") }
        return date(start) + "至 " + tail.joined(separator: " ")
    }

    private func englishRange(_ start: CalendarDate, _ end: CalendarDate) -> String {
        if start.year != end.year { return date(start) + " – " + date(end) }
        guard let startMonth = start.month, let endMonth = end.month else { return date(start) + "–" + date(end) }
        let monthName = { (month: Int) in Self.months[month - 1] }
        guard let startDay = start.day, let endDay = end.day else {
            return "\(monthName(startMonth))–\(monthName(endMonth)) \(end.year)"
        }
        if startMonth == endMonth { return "\(startDay)–\(endDay) \(monthName(endMonth)) \(end.year)" }
        return "\(startDay) \(monthName(startMonth)) – \(endDay) \(monthName(endMonth)) \(end.year)"
    }
}
