import Foundation

/// Writes typed values the way a language writes them, by Foundation's format styles (ICU) for
/// the language's locale, with its house choices on top: `14,090,673`, `2016 年 6 月 12 日` /
/// `12 June 2016`, `80,000 美元` / `US$80,000`. Never the machine's locale or time zone.
public struct ValueFormatter: Sendable {
    public var language: Language
    private let locale: Locale
    /// Dates are calendar days: noon UTC of the day, formatted in UTC, so no zone shifts them.
    private static let zone = TimeZone(identifier: "UTC")!
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    public init(language: Language) {
        self.language = language
        locale = Locale(identifier: language.style.locale)
    }

    /// A number with the locale's grouping and decimal mark: `14,090,673`, `8.3`.
    public func number(_ value: Decimal) -> String {
        styled(value.formatted(.number.locale(locale)))
    }

    /// An amount of money in a currency (ISO 4217 code); whole amounts without decimals.
    public func money(_ value: Decimal, currency: String) -> String {
        if let pattern = language.style.currencyPatterns[currency] {
            return styled(pattern.replacingOccurrences(of: "{amount}", with: number(value)))
        }
        var amount = value
        var whole = Decimal()
        NSDecimalRound(&whole, &amount, 0, .plain)
        let style = Decimal.FormatStyle.Currency(code: currency, locale: locale).precision(.fractionLength(whole == value ? 0 : 2))
        return styled(value.formatted(style))
    }

    /// A day, a month or a year, as precise as the date is.
    public func date(_ date: CalendarDate) -> String {
        styled(Self.date(date).formatted(dateStyle(for: date)))
    }

    /// A range, leaving out what both ends share, as the locale does: `2016 年 6 月 12 日至 17 日`,
    /// `12 – 17 June 2016`.
    public func dateRange(_ range: DateRange) -> String {
        if range.start == range.end { return date(range.start) }
        var style = Date.IntervalFormatStyle(locale: locale, calendar: Self.calendar, timeZone: Self.zone).year()
        if range.start.month != nil { style = style.month(.wide) }
        if range.start.day != nil { style = style.day() }
        return styled((Self.date(range.start)..<Self.date(range.end)).formatted(style))
    }

    private func dateStyle(for date: CalendarDate) -> Date.FormatStyle {
        let style = Date.FormatStyle(locale: locale, calendar: Self.calendar, timeZone: Self.zone).year()
        guard date.month != nil else { return style }
        return date.day == nil ? style.month(.wide) : style.month(.wide).day()
    }

    private static func date(_ date: CalendarDate) -> Date {
        let components = DateComponents(year: date.year, month: date.month ?? 1, day: date.day ?? 1, hour: 12)
        return calendar.date(from: components)!
    }

    /// The text with the language's house choices applied.
    private func styled(_ text: String) -> String {
        language.style.spacesBetweenHanAndDigits ? Self.spacingHanAndDigits(text) : text
    }

    /// `2016年6月12日至17日` as `2016 年 6 月 12 日至 17 日`: a space wherever a Han character
    /// meets an ASCII digit, in either order.
    static func spacingHanAndDigits(_ text: String) -> String {
        var result = ""
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if let previous, isDigit(previous) && isHan(scalar) || isHan(previous) && isDigit(scalar) {
                result.unicodeScalars.append(" ")
            }
            result.unicodeScalars.append(scalar)
            previous = scalar
        }
        return result
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isHan(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isIdeographic }
}
