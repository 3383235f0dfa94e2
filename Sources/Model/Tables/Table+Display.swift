extension Table {
    /// The text of a value in `language`; nil for an empty cell.
    package func display(_ value: Value, column: Column, in language: Language, fallback languages: [String]) -> String? {
        Self.display(value, currency: column.currency, statuses: column.statuses, in: language, fallback: languages)
    }

    package static func display(
        _ value: Value, currency: String?, statuses: [(key: String, label: LocalizedText)], in language: Language,
        fallback languages: [String]
    ) -> String? {
        let format = ValueFormatter(language: language)
        switch value {
        case .empty: return nil
        case .text(let text): return text.text(in: language.code, fallback: languages)
        case .number(let number): return currency.map { format.money(number, currency: $0) } ?? format.number(number)
        case .year(let year): return String(year)
        case .date(let date): return format.date(date)
        case .dateRange(let range): return format.dateRange(range)
        case .status(let key):
            return statuses.first { $0.key == key }?.label.text(in: language.code, fallback: languages) ?? key
        case .meeting(let meeting): return meeting.text
        }
    }
}
