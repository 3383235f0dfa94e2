import CYaml

/// What YAML content may not do, found on libYAML's events before Yams builds its tree: nest
/// deeper than `maximumNesting` (Yams composes and frees nodes recursively, so a few kilobytes of
/// `[[[[…` would overflow a thread's stack), or use anchors and aliases (a few bytes of aliases
/// can expand into gigabytes).
package enum YAMLPrecheck {
    /// Far beyond what a table or front matter needs.
    package static let maximumNesting = 100

    package enum Problem: Equatable {
        case nestedTooDeep
        case anchorOrAlias
    }

    /// The first problem and where it starts (1-based line and column), or nil.
    package static func firstProblem(in text: String) -> (problem: Problem, line: Int, column: Int)? {
        // Every level of nesting starts with one of `[ { - ? :`, and anchors and aliases with `&` or `*`.
        var openers = 0
        var mayHaveAnchors = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"): openers += 1
            case UInt8(ascii: "&"), UInt8(ascii: "*"): mayHaveAnchors = true
            default: break
            }
        }
        guard openers > maximumNesting || mayHaveAnchors else { return nil }
        return scan(text)
    }

    private static func scan(_ text: String) -> (problem: Problem, line: Int, column: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let at = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                switch event.type {
                case YAML_ALIAS_EVENT:
                    return (.anchorOrAlias, at.line, at.column)
                case YAML_SCALAR_EVENT where event.data.scalar.anchor != nil:
                    return (.anchorOrAlias, at.line, at.column)
                case YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor != nil,
                    YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor != nil:
                    return (.anchorOrAlias, at.line, at.column)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > maximumNesting { return (.nestedTooDeep, at.line, at.column) }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    break
                }
            }
            // libYAML stops at its own limit (1,000 levels) before a document reaches the end of
            // its nesting; other syntax errors are left to Yams.
            guard let problem = parser.problem, String(cString: problem).hasPrefix("Maximum nesting level") else { return nil }
            return (.nestedTooDeep, Int(parser.problem_mark.line) + 1, Int(parser.problem_mark.column) + 1)
        }
    }
}
