import Support
import Yams

/// Reads YAML from one file into Yams nodes, and turns every YAML problem into a `SiteError`
/// at the line of the file (not of the block the YAML was cut from).
package struct YAMLReader {
    /// The file, as printed in messages.
    package let file: String
    /// Lines of the file before the YAML text starts (front matter starts after `---`).
    package let lineOffset: Int

    package init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Parses `text`; an empty document is an empty mapping. Anchors and aliases are refused, so
    /// that a few bytes cannot expand into gigabytes, and so is nesting deeper than
    /// `YAMLPrecheck.maximumNesting`.
    package func parse(_ text: String) throws(SiteError) -> Node {
        if let found = YAMLPrecheck.firstProblem(in: text) {
            let message =
                switch found.problem {
                case .anchorOrAlias: "YAML anchors and aliases are not allowed"
                case .nestedTooDeep: "nested too deep: YAML lists and mappings may nest at most \(YAMLPrecheck.maximumNesting) levels"
                }
            throw SiteError(message, at: location(line: found.line, column: found.column))
        }
        let root: Node?
        do {
            // Swift strings are UTF-8; naming the encoding spares Yams a read of the environment per parse.
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            throw SiteError(describe(error), at: location(of: error, in: text))
        } catch {
            throw SiteError("invalid YAML: \(error)", at: location(line: 1, column: 1))
        }
        return root ?? Node.mapping(.init([]))
    }

    package func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + lineOffset, column: column)
    }

    /// The location of a node; libYAML counts columns in Unicode scalars, which equal characters
    /// for the text authors write here.
    package func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return location(line: 1, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    package func error(_ message: String, at node: Node) -> SiteError {
        SiteError(message, at: location(of: node))
    }
}

// MARK: - Reading values

extension YAMLReader {
    /// The pairs of a mapping, or an error naming what was expected.
    package func mapping(_ node: Node, _ what: String) throws(SiteError) -> [(key: String, value: Node, keyNode: Node)] {
        guard case .mapping(let mapping) = node else {
            throw error("\(what) must be a mapping", at: node)
        }
        var pairs: [(key: String, value: Node, keyNode: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else { throw error("a key must be plain text", at: key) }
            pairs.append((scalar.string, value, key))
        }
        return pairs
    }

    package func sequence(_ node: Node, _ what: String) throws(SiteError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error("\(what) must be a list", at: node)
        }
        return Array(sequence)
    }

    /// A scalar's text, whatever YAML 1.1 would have made of it (`no` stays "no").
    package func string(_ node: Node, _ what: String) throws(SiteError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error("\(what) must be text", at: node)
        }
        return scalar.string
    }

    package func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    package func bool(_ node: Node, _ what: String) throws(SiteError) -> Bool {
        switch try string(node, what) {
        case "true": return true
        case "false": return false
        case let other: throw error("\(what) must be true or false, got '\(other)'", at: node)
        }
    }

    /// Text given once for every language (a string) or per language (a mapping by language code).
    package func localized(_ node: Node, _ what: String, languages: [String]) throws(SiteError) -> LocalizedText {
        if case .scalar = node { return LocalizedText(neutral: try string(node, what)) }
        var byLanguage: [String: String] = [:]
        for pair in try mapping(node, what) {
            guard languages.contains(pair.key) else {
                throw error(
                    "unknown language '\(pair.key)' in \(what); expected one of \(languages.joined(separator: ", "))", at: pair.keyNode)
            }
            byLanguage[pair.key] = try string(pair.value, "\(what) (\(pair.key))")
        }
        return LocalizedText(byLanguage: byLanguage)
    }

    /// Fails on a key outside `allowed`, which is how typos such as `tilte:` are caught.
    package func refuseUnknownKeys(_ pairs: [(key: String, value: Node, keyNode: Node)], allowed: [String], in what: String)
        throws(SiteError)
    {
        for pair in pairs where !allowed.contains(pair.key) {
            throw error("unknown key '\(pair.key)' in \(what); expected one of \(allowed.joined(separator: ", "))", at: pair.keyNode)
        }
    }
}

// MARK: - Errors from Yams

private extension YAMLReader {
    func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return "invalid YAML: \(problem)"
        case .reader(let problem, _, _, _):
            return "invalid YAML: \(problem)"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate key '\(duplicates.first ?? "")'"
        default:
            return "invalid YAML: \(error)"
        }
    }

    /// Yams reports a duplicate key at its mapping's first line; the author needs the second key.
    func location(of error: YamlError, in text: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return location(line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            guard let key = duplicates.first else { return location(line: context.mark.line, column: 1) }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            var seen = 0
            for (index, line) in lines.enumerated() where index + 1 >= context.mark.line {
                let trimmed = line.drop { $0 == " " || $0 == "-" }
                guard trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") else { continue }
                seen += 1
                if seen == 2 {
                    return location(line: index + 1, column: line.count - trimmed.count + 1)
                }
            }
            return location(line: context.mark.line, column: context.mark.column)
        default:
            return location(line: 1, column: 1)
        }
    }
}
