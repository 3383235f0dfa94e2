import Foundation
import Model

/// What a chart shows of its table in one language: labels and values as the table shows
/// them (`Table.display`), and the numbers and dates behind them.
struct ChartSource {
    let table: Table
    let chart: Chart
    let language: Language
    let languages: [String]
    /// The theme's interface strings for the language.
    let strings: [String: String]

    var caption: String { chart.caption.text(in: language.code, fallback: languages) }

    func columnLabel(_ column: Int) -> String {
        table.columns[column].label.text(in: language.code, fallback: languages)
    }

    /// The row's label, as its cell shows it; "—" when the cell is empty, as in the table.
    func label(_ row: Table.Row) -> String {
        display(row, chart.labelColumn) ?? "—"
    }

    func display(_ row: Table.Row, _ column: Int) -> String? {
        table.display(row.values[column], column: table.columns[column], in: language, fallback: languages)
    }

    /// A value in the unit of `column` (its currency), formatted as the table formats it.
    func display(_ value: Decimal, unitOf column: Int) -> String {
        table.display(.number(value), column: table.columns[column], in: language, fallback: languages) ?? ""
    }

    func number(_ row: Table.Row, _ column: Int) -> Decimal? {
        if case .number(let value) = row.values[column] { return value }
        return nil
    }

    /// Items of a description joined as the language joins list items.
    func list(_ items: [String]) -> String {
        items.joined(separator: strings["chartListSeparator"] ?? "; ")
    }
}
