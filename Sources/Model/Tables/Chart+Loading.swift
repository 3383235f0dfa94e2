import Support
import Yams

extension Chart {
    /// Reads a table's `chart:` (one mapping or a list of them) against the table's columns:
    /// an unknown key, an unknown column or a column of the wrong type is an error at its line.
    package static func load(_ node: Node?, table: Table, yaml: YAMLReader, languages: [String]) throws(SiteError) -> [Chart] {
        guard let node else { return [] }
        let reader = ChartReader(table: table, yaml: yaml, languages: languages)
        if case .sequence = node {
            var charts: [Chart] = []
            for item in try yaml.sequence(node, "chart") { charts.append(try reader.chart(item)) }
            return charts
        }
        return [try reader.chart(node)]
    }
}

private struct ChartReader {
    let table: Table
    let yaml: YAMLReader
    let languages: [String]

    func chart(_ node: Node) throws(SiteError) -> Chart {
        let fields = try YAMLMapping(node, "a chart", allowed: Chart.keys, yaml: yaml)
        let kindNode = try fields.required("kind")
        let kindName = try yaml.string(kindNode, "kind")
        guard let kind = Chart.Kind(rawValue: kindName) else {
            let known = Chart.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw yaml.error("unknown chart kind '\(kindName)'; expected one of \(known)", at: kindNode)
        }
        var chart = Chart(
            kind: kind, labelColumn: try column(try fields.required("label"), "label", types: nil),
            valueColumns: [], timeColumns: [], statusColumn: nil, periodColumns: [],
            caption: try fields.requiredLocalized("caption", "a chart caption", languages: languages),
            location: yaml.location(of: node))
        switch kind {
        case .bar, .stackedBar:
            try refuse(["time", "status", "periods"], in: fields, kind: kind)
            chart.valueColumns = try columns(try fields.required("values"), "values", types: [.number, .money])
            if kind == .stackedBar { try checkStackable(chart.valueColumns, at: fields["values"]!) }
        case .timeline:
            try refuse(["values"], in: fields, kind: kind)
            switch (fields["time"], fields["periods"]) {
            case (let time?, nil):
                chart.timeColumns = try columns(time, "time", types: [.date, .dateRange, .year])
                if let status = fields["status"] { chart.statusColumn = try column(status, "status", types: [.status]) }
            case (nil, let periods?):
                try refuse(["status"], in: fields, kind: kind)
                chart.periodColumns = try columns(periods, "periods", types: [.text])
            default:
                throw yaml.error("a timeline needs either 'time' (dates on an axis) or 'periods' (parts of each day)", at: node)
            }
        }
        return chart
    }

    /// One column id, or a list of them, each of one of `types`.
    func columns(_ node: Node, _ key: String, types: [Table.ColumnType]) throws(SiteError) -> [Int] {
        guard case .sequence = node else { return [try column(node, key, types: types)] }
        var indices: [Int] = []
        for item in try yaml.sequence(node, key) {
            let index = try column(item, key, types: types)
            guard !indices.contains(index) else { throw yaml.error("\(key): column '\(table.columns[index].id)' is named twice", at: item) }
            indices.append(index)
        }
        guard !indices.isEmpty else { throw yaml.error("\(key) needs at least one column", at: node) }
        return indices
    }

    /// The index of the column named at `node`; `types` nil allows any type.
    func column(_ node: Node, _ key: String, types: [Table.ColumnType]?) throws(SiteError) -> Int {
        let id = try yaml.string(node, key)
        guard let index = table.columns.firstIndex(where: { $0.id == id }) else {
            let known = table.columns.map(\.id).joined(separator: ", ")
            throw yaml.error("\(key): no column '\(id)' in this table; its columns: \(known)", at: node)
        }
        let type = table.columns[index].type
        if let types, !types.contains(type) {
            let expected = types.map(\.rawValue).joined(separator: " or ")
            throw yaml.error("\(key): column '\(id)' is \(type.rawValue), expected \(expected)", at: node)
        }
        return index
    }

    func refuse(_ keys: [String], in fields: YAMLMapping, kind: Chart.Kind) throws(SiteError) {
        for pair in fields.pairs where keys.contains(pair.key) {
            throw yaml.error("'\(pair.key)' does not apply to a \(kind.rawValue) chart", at: pair.keyNode)
        }
    }

    /// Stacked bars add up: their columns share a currency and no value is negative.
    func checkStackable(_ indices: [Int], at node: Node) throws(SiteError) {
        let currencies = Set(indices.map { table.columns[$0].currency ?? "" })
        guard currencies.count == 1 else { throw yaml.error("stacked values must share one unit (currency)", at: node) }
        for row in table.rows {
            for index in indices {
                if case .number(let value) = row.values[index], value < 0 {
                    throw SiteError("a stacked bar cannot show the negative '\(table.columns[index].id)' of this row", at: row.location)
                }
            }
        }
    }
}
