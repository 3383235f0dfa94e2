import Foundation

/// A number or a date found in a chapter's text, normalised so that the way each language writes
/// it (`1,409 萬` / `14.09 million`, `2016 年 6 月 12 日` / `12 June 2016`) no longer matters.
package struct ScannedFact: Hashable, Sendable {
    package enum Value: Hashable, Sendable {
        case number(Decimal)
        /// A calendar date; a part the text leaves out (the year of `12 June`) is nil.
        case date(year: Int?, month: Int, day: Int?)
    }

    package var value: Value
    /// The text as written (`1,409 萬`).
    package var written: String
    /// Characters from the start of the line to the fact.
    package var offset: Int
    /// Single digits are not compared: the languages spell them differently (`5` / `five`).
    package var isSignificant: Bool

    /// The normalised value as printed in messages and written in exceptions: `14090000`,
    /// `2016-06-12`, `--06-12` (no year), `2016-06`, `--06` (a month alone).
    package var key: String {
        switch value {
        case .number(let number):
            return "\(number)"
        case .date(let year, let month, let day):
            let yearPart = year.map { String($0) } ?? "-"
            let dayPart = day.map { "-" + Self.twoDigits($0) } ?? ""
            return "\(yearPart)-\(Self.twoDigits(month))\(dayPart)"
        }
    }

    /// Whether `other`, found in the other language, states the same thing. A date's missing year
    /// matches any year (ranges such as `31 October - 4 November 2016` name the year once), and a
    /// year on its own (`2016 年`) matches a date of that year (`June 2016`).
    package func matches(_ other: ScannedFact) -> Bool {
        switch (value, other.value) {
        case (.number(let a), .number(let b)):
            return a == b
        case (.number(let number), .date(let year?, _, _)):
            return number == Decimal(year)
        case (.date(let year, let month, let day), .date(let otherYear, let otherMonth, let otherDay)):
            guard month == otherMonth, day == otherDay else { return false }
            guard let year, let otherYear else { return true }
            return year == otherYear
        default:
            return false
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
