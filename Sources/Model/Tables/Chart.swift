import Support

/// A chart drawn from a table's rows at build time (`chart:` in the table's YAML). Columns are
/// given by their index in the table, checked against their types when the table loads.
public struct Chart: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// One bar per value column and row, side by side.
        case bar
        /// The value columns of a row stacked into one bar, with the row's sum at its end.
        case stackedBar = "stacked-bar"
        /// Rows placed on a time axis (`time`), or the parts of each day (`periods`) as a week.
        case timeline
    }

    public var kind: Kind
    /// The column that names each bar or lane.
    public var labelColumn: Int
    /// For bars: the number or money columns drawn, in order.
    public var valueColumns: [Int]
    /// For a timeline on a time axis: the date, date-range or year columns giving a row's
    /// time, the first that is not empty (`[dates, year]`: the year where no dates are known).
    public var timeColumns: [Int]
    /// For a timeline: a status column whose label is shown beside marks that have no day.
    public var statusColumn: Int?
    /// For a week timeline: the text columns that are the parts of a day, each line an event.
    public var periodColumns: [Int]
    public var caption: LocalizedText
    public var location: SourceLocation

    /// The keys a `chart:` mapping may have.
    package static let keys = ["kind", "label", "values", "time", "status", "periods", "caption"]
}
