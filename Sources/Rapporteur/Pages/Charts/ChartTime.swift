import Model

/// A row's place on a time axis, in days: the first and last day it covers. A date known to
/// the day is exact; a month or a year covers all its days and is not.
struct ChartTime: Equatable {
    var first: Int
    var last: Int
    /// Known to the day (a date or a range of days), not only to the month or year.
    var isExact: Bool

    init(first: Int, last: Int, isExact: Bool) {
        self.first = first
        self.last = last
        self.isExact = isExact
    }

    /// The time of a date, date-range or year cell; nil for any other (an empty cell).
    init?(_ value: Table.Value) {
        switch value {
        case .date(let date): self.init(first: Self.firstDay(date), last: Self.lastDay(date), isExact: date.day != nil)
        case .dateRange(let range):
            self.init(first: Self.firstDay(range.start), last: Self.lastDay(range.end), isExact: range.start.day != nil)
        case .year(let year): self.init(first: Self.day(year, 1, 1), last: Self.day(year, 12, 31), isExact: false)
        default: return nil
        }
    }

    static func firstDay(_ date: CalendarDate) -> Int { day(date.year, date.month ?? 1, date.day ?? 1) }

    static func lastDay(_ date: CalendarDate) -> Int {
        if let day = date.day, let month = date.month { return Self.day(date.year, month, day) }
        if let month = date.month { return month == 12 ? day(date.year + 1, 1, 1) - 1 : day(date.year, month + 1, 1) - 1 }
        return day(date.year + 1, 1, 1) - 1
    }

    /// Days since 1970-01-01 of a day of the proleptic Gregorian calendar (H. Hinnant's
    /// days-from-civil), so no calendar or time zone of the machine is involved.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The calendar day of a day number (the inverse of `day`).
    static func date(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
