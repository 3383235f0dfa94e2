import Foundation
import Support
import Yams

extension Table {
    package static let keys = ["caption", "description", "columns", "rows", "totals", "facts", "notes", "chart"]

    /// Reads and checks one table file; every schema problem names the file and line.
    package static func load(name: String, text: String, file: String, languages: [String]) throws(SiteError) -> Table {
        let loader = TableLoader(yaml: YAMLReader(file: file), languages: languages)
        return try loader.load(name: name, text: text)
    }
}

extension Fact {
    /// Reads a list of facts (`label`, `type`, `currency` for money, `value`), as in a table.
    package static func load(_ nodes: [Node], yaml: YAMLReader, languages: [String]) throws(SiteError) -> [Fact] {
        let loader = TableLoader(yaml: yaml, languages: languages)
        var facts: [Fact] = []
        for node in nodes { facts.append(try loader.loadFact(node)) }
        return facts
    }
}

private struct TableLoader {
    let yaml: YAMLReader
    let languages: [String]

    func load(name: String, text: String) throws(SiteError) -> Table {
        let fields = try YAMLMapping(try yaml.parse(text), "a table", allowed: Table.keys, yaml: yaml)
        let caption = try fields.requiredLocalized("caption", languages: languages)
        let columns = try loadColumns(try fields.required("columns"))
        var table = Table(
            name: name, file: yaml.file, caption: caption,
            description: try fields.localized("description", languages: languages),
            columns: columns, rows: [], totals: [], facts: [], notes: [])
        for node in try fields.sequence("rows") {
            table.rows.append(try loadRow(node, columns: columns))
        }
        for item in try fields.sequence("totals") {
            let id = try yaml.string(item, "a totals column")
            guard let column = columns.first(where: { $0.id == id }), column.type.isNumeric else {
                throw yaml.error("totals: '\(id)' is not a number or money column", at: item)
            }
            table.totals.append(id)
        }
        for node in try fields.sequence("facts") {
            table.facts.append(try loadFact(node))
        }
        for node in try fields.sequence("notes") {
            table.notes.append(try yaml.localized(node, "a note", languages: languages))
        }
        table.charts = try Chart.load(fields["chart"], table: table, yaml: yaml, languages: languages)
        return table
    }
}

// MARK: - Columns

private extension TableLoader {
    func loadColumns(_ node: Node) throws(SiteError) -> [Table.Column] {
        var columns: [Table.Column] = []
        for item in try yaml.sequence(node, "columns") {
            let column = try loadColumn(item, earlier: columns)
            guard !columns.contains(where: { $0.id == column.id }) else {
                throw yaml.error("duplicate column id '\(column.id)'", at: item)
            }
            columns.append(column)
        }
        guard !columns.isEmpty else { throw yaml.error("a table needs at least one column", at: node) }
        return columns
    }

    func loadColumn(_ node: Node, earlier: [Table.Column]) throws(SiteError) -> Table.Column {
        let fields = try YAMLMapping(node, "a column", allowed: ["id", "label", "type", "currency", "compute", "values"], yaml: yaml)
        guard let idNode = fields["id"], let labelNode = fields["label"], let typeNode = fields["type"] else {
            throw yaml.error("a column needs 'id', 'label' and 'type'", at: node)
        }
        let id = try yaml.string(idNode, "a column id")
        guard Slug.isValid(id) else { throw yaml.error("column id '\(id)' must be ASCII a-z 0-9 -", at: idNode) }
        let typeName = try yaml.string(typeNode, "a column type")
        guard let type = Table.ColumnType(rawValue: typeName) else {
            let known = Table.ColumnType.allCases.map(\.rawValue).joined(separator: ", ")
            throw yaml.error("unknown column type '\(typeName)'; expected one of \(known)", at: typeNode)
        }
        var column = Table.Column(
            id: id, label: try yaml.localized(labelNode, "a column label", languages: languages),
            type: type, currency: nil, formula: [], statuses: [])
        if type == .money {
            column.currency = try yaml.string(try fields.required("currency", else: "money column '\(id)' needs a 'currency'"), "currency")
        }
        if let computeNode = fields["compute"] {
            guard type.isNumeric else { throw yaml.error("only number and money columns can be computed", at: computeNode) }
            column.formula = try parseFormula(try yaml.string(computeNode, "compute"), at: computeNode, earlier: earlier)
        }
        if type == .status {
            let valuesNode = try fields.required("values", else: "status column '\(id)' needs its 'values'")
            for pair in try yaml.mapping(valuesNode, "status values") {
                column.statuses.append((pair.key, try yaml.localized(pair.value, "a status label", languages: languages)))
            }
        }
        return column
    }

    /// `total - apec + other`: the columns must be numeric and come earlier in the table.
    func parseFormula(_ text: String, at node: Node, earlier: [Table.Column]) throws(SiteError) -> [(sign: Int, column: String)] {
        var terms: [(sign: Int, column: String)] = []
        var sign = 1
        var expectsTerm = true
        for token in text.split(separator: " ") {
            if expectsTerm {
                let id = String(token)
                guard earlier.contains(where: { $0.id == id && $0.type.isNumeric }) else {
                    throw yaml.error("compute: '\(id)' is not an earlier number or money column", at: node)
                }
                terms.append((sign, id))
            } else {
                guard token == "+" || token == "-" else {
                    throw yaml.error("compute takes column ids joined by ' + ' and ' - ', got '\(token)'", at: node)
                }
                sign = token == "+" ? 1 : -1
            }
            expectsTerm.toggle()
        }
        guard !terms.isEmpty, !expectsTerm else { throw yaml.error("compute: incomplete formula '\(text)'", at: node) }
        return terms
    }
}

// MARK: - Rows and values

private extension TableLoader {
    func loadRow(_ node: Node, columns: [Table.Column]) throws(SiteError) -> Table.Row {
        let fields = try YAMLMapping(node, "a row", allowed: columns.filter(\.formula.isEmpty).map(\.id) + ["source"], yaml: yaml)
        var values: [Table.Value] = []
        for column in columns {
            if !column.formula.isEmpty {
                values.append(compute(column.formula, columns: columns, values: values))
            } else if let cell = fields[column.id] {
                values.append(
                    try value(cell, type: column.type, currency: column.currency, statuses: column.statuses, what: "'\(column.id)'"))
            } else {
                values.append(.empty)
            }
        }
        var source: Table.SourceReference?
        if let sourceNode = fields["source"] {
            let text = try yaml.string(sourceNode, "source")
            let parts = text.split(separator: "#", maxSplits: 1).map(String.init)
            guard let slug = parts.first, Slug.isValid(slug) else {
                throw yaml.error("source must be chapter-slug or chapter-slug#heading-id, got '\(text)'", at: sourceNode)
            }
            source = Table.SourceReference(slug: slug, anchor: parts.count > 1 ? parts[1] : nil, location: yaml.location(of: sourceNode))
        }
        return Table.Row(values: values, source: source, location: yaml.location(of: node))
    }

    func compute(_ formula: [(sign: Int, column: String)], columns: [Table.Column], values: [Table.Value]) -> Table.Value {
        var sum = Decimal(0)
        for term in formula {
            guard let index = columns.firstIndex(where: { $0.id == term.column }),
                case .number(let value) = values[index]
            else { return .empty }
            sum += term.sign > 0 ? value : -value
        }
        return .number(sum)
    }

    func loadFact(_ node: Node) throws(SiteError) -> Fact {
        let fields = try YAMLMapping(node, "a fact", allowed: ["label", "type", "currency", "value"], yaml: yaml)
        guard let labelNode = fields["label"], let typeNode = fields["type"], let valueNode = fields["value"] else {
            throw yaml.error("a fact needs 'label', 'type' and 'value'", at: node)
        }
        let typeName = try yaml.string(typeNode, "a fact type")
        guard let type = Table.ColumnType(rawValue: typeName), type != .status else {
            throw yaml.error("unknown fact type '\(typeName)'", at: typeNode)
        }
        let currency = try fields.string("currency")
        if type == .money, currency == nil { throw yaml.error("a money fact needs a 'currency'", at: node) }
        return Fact(
            label: try yaml.localized(labelNode, "a fact label", languages: languages), type: type, currency: currency,
            value: try self.value(valueNode, type: type, currency: currency, statuses: [], what: "the fact's value"))
    }

    /// A cell checked against its column's type; YAML's own typing (`no`, `012`) is not trusted.
    func value(
        _ node: Node, type: Table.ColumnType, currency: String?, statuses: [(key: String, label: LocalizedText)], what: String
    ) throws(SiteError) -> Table.Value {
        if yaml.isNull(node) { return .empty }
        if type == .text {
            let text = try yaml.localized(node, what, languages: languages)
            return .text(text)
        }
        guard case .scalar(let scalar) = node else {
            throw yaml.error("\(what): expected \(type.rawValue), got a \(describe(node))", at: node)
        }
        let text = scalar.string
        switch type {
        case .number, .money:
            guard scalar.style == .plain, let number = Decimal(string: text), Self.isPlainNumber(text) else {
                throw yaml.error("\(what): expected \(type.rawValue) (a number such as 80000), got '\(text)'", at: node)
            }
            return .number(number)
        case .year:
            guard text.count == 4, let year = Int(text) else {
                throw yaml.error("\(what): expected a year such as 2016, got '\(text)'", at: node)
            }
            return .year(year)
        case .date:
            guard let date = CalendarDate(parsing: text) else {
                throw yaml.error("\(what): expected a date such as 2016-06-12, 2016-06 or 2016, got '\(text)'", at: node)
            }
            return .date(date)
        case .dateRange:
            guard let range = DateRange(parsing: text) else {
                throw yaml.error("\(what): expected a date range such as 2016-06-12/2016-06-17, got '\(text)'", at: node)
            }
            return .dateRange(range)
        case .status:
            guard statuses.contains(where: { $0.key == text }) else {
                throw yaml.error(
                    "\(what): unknown status '\(text)'; expected one of \(statuses.map(\.key).joined(separator: ", "))", at: node)
            }
            return .status(text)
        case .meeting:
            guard let meeting = MeetingReference(parsing: text) else {
                throw yaml.error("\(what): expected a meeting such as 'apec-tel 54' (its series and number), got '\(text)'", at: node)
            }
            return .meeting(meeting)
        case .text:
            preconditionFailure("text is handled above")
        }
    }

    static func isPlainNumber(_ text: String) -> Bool {
        var digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        if let dot = digits.firstIndex(of: ".") {
            let fraction = digits[digits.index(after: dot)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            digits = digits[..<dot]
        }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "mapping"
        case .sequence: "list"
        case .scalar, .alias: "value"
        }
    }
}
