/// A date as the report gives it: a year, a month of a year, or a day.
public struct CalendarDate: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// Parses `2016-06-12`, `2016-06` or `2016`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
            parts.dropFirst().allSatisfy({ $0.count == 2 }),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let numbers = parts.compactMap { Int($0) }
        year = numbers[0]
        month = numbers.count > 1 ? numbers[1] : nil
        day = numbers.count > 2 ? numbers[2] : nil
        if let month, !(1...12).contains(month) { return nil }
        if let month, let day, !(1...Self.days(inMonth: month, of: year)).contains(day) { return nil }
    }

    /// `2016-06-12`, `2016-06` or `2016`.
    public var iso: String {
        var text = String(year)
        if let month { text += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { text += "-" + (day < 10 ? "0" : "") + String(day) }
        return text
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A span of dates, written `2016-06-12/2016-06-17` (ISO 8601 interval).
public struct DateRange: Hashable, Sendable {
    public var start: CalendarDate
    public var end: CalendarDate

    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = CalendarDate(parsing: String(parts[0])),
            let end = CalendarDate(parsing: String(parts[1])),
            (start.month == nil) == (end.month == nil), (start.day == nil) == (end.day == nil),
            start <= end
        else { return nil }
        self.start = start
        self.end = end
    }

    public var iso: String { start.iso + "/" + end.iso }

    /// The range of one date.
    public init(day: CalendarDate) {
        start = day
        end = day
    }
}
