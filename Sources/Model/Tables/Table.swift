import Foundation
import Support

/// A structured table from `content/tables/NAME.yaml`.
public struct Table: Sendable {
    public var name: String
    public var file: String
    public var caption: LocalizedText
    public var description: LocalizedText?
    public var columns: [Column]
    public var rows: [Row]
    /// Ids of the columns summed in a totals row; empty for no totals row.
    public var totals: [String]
    public var facts: [Fact]
    public var notes: [LocalizedText]
    /// The charts drawn from the rows, in the order given.
    public var charts: [Chart] = []

    public enum ColumnType: String, Sendable, CaseIterable {
        case text, number, year, money, date
        case dateRange = "date-range"
        case status
        /// A meeting of a library's series, written `apec-tel 54`.
        case meeting

        package var isNumeric: Bool { self == .number || self == .money }
    }

    public struct Column: Sendable {
        public var id: String
        public var label: LocalizedText
        public var type: ColumnType
        /// ISO 4217 code, for money.
        public var currency: String?
        /// For a computed column: the columns added (`+1`) or subtracted (`-1`).
        public var formula: [(sign: Int, column: String)]
        /// For a status column: the allowed values and their labels, in order.
        public var statuses: [(key: String, label: LocalizedText)]
    }

    public enum Value: Sendable, Equatable {
        case empty
        case text(LocalizedText)
        case number(Decimal)
        case year(Int)
        case date(CalendarDate)
        case dateRange(DateRange)
        case status(String)
        case meeting(MeetingReference)
    }

    public struct Row: Sendable {
        /// One value per column, in column order (computed columns included).
        public var values: [Value]
        public var source: SourceReference?
        public var location: SourceLocation
    }

    /// A link from a row to the section of the report it comes from: `chapter-slug#heading-id`.
    public struct SourceReference: Sendable {
        public var slug: String
        public var anchor: String?
        public var location: SourceLocation
    }

    /// The sums of the totals columns, in column order (`nil` where a column is not summed).
    public var totalValues: [Value]? {
        guard !totals.isEmpty else { return nil }
        return columns.enumerated().map { index, column in
            guard totals.contains(column.id) else { return .empty }
            let sum = rows.reduce(Decimal(0)) { total, row in
                if case .number(let value) = row.values[index] { return total + value }
                return total
            }
            return .number(sum)
        }
    }
}
