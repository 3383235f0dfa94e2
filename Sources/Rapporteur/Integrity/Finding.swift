/// A disagreement between the two languages, before exceptions are applied.
struct Finding: Sendable {
    /// Where an exception names it: the chapter's slug (or `tables/NAME`) and the section id
    /// (or the table's column).
    var scope: String
    var section: String
    /// The normalised value (`14090000`, `2016-06-12`, `mukhanov`, `link 05-economy-reports.md`)
    /// and the text as written; an exception may name either.
    var value: String
    var written: String
    var location: SourceLocation
    var message: String
}
