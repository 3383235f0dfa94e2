/// A labelled single value: a fact of the meeting on the home page (`site.yaml`), or one shown
/// before a table's rows. Typed as a table column is, so it is formatted per language.
public struct Fact: Sendable {
    public var label: LocalizedText
    public var type: Table.ColumnType
    public var currency: String?
    public var value: Table.Value

    /// The value as `language` writes it; a dash for none.
    public func display(in language: Language, fallback languages: [String]) -> String {
        Table.display(value, currency: currency, statuses: [], in: language, fallback: languages) ?? "—"
    }
}
