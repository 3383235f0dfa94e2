import Support

/// A disagreement between the original and a translation, before exceptions are applied.
package struct Finding: Sendable {
    /// Where an exception names it: the chapter's slug (or `tables/NAME`) and the section id
    /// (or the table's column).
    package var scope: String
    package var section: String
    /// The normalised value (`14090000`, `2016-06-12`, `mukhanov`, `link 05-economy-reports.md`)
    /// and the text as written; an exception may name either.
    package var value: String
    package var written: String
    package var location: SourceLocation
    package var message: String
    /// The translation compared with the original (set by `IntegrityCheck` per language).
    package var translation = ""
}
