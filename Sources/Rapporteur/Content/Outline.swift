import Markdown

/// A heading of a chapter, as listed in its table of contents.
public struct OutlineEntry: Sendable, Hashable {
    public var level: Int
    public var id: String
    public var text: String
}

/// Gives every `##`-`####` heading of a chapter its id.
///
/// The rule: an explicit `{#id}` at the end of the heading wins; otherwise a heading of a
/// translation takes the id of the heading at the same place in the default-language chapter,
/// and a heading of the default language (or one with no counterpart) gets an id made from its
/// own text. So ids never change under existing links when a translation arrives. An id that is
/// taken already gets `-2`, `-3`… in every language; only a repeated explicit `{#id}` is an error.
struct Outliner {
    let chapter: Chapter
    /// The ids of the default-language chapter's headings, in order; nil for the default language.
    let counterpartIDs: [String]?

    /// The chapter's blocks with ids set, and its outline.
    func run(log: inout DiagnosticLog) -> (blocks: [Block], outline: [OutlineEntry]) {
        var state = State()
        let blocks = chapter.blocks.map { assign($0, state: &state, log: &log) }
        return (blocks, state.outline)
    }

    private struct State {
        var outline: [OutlineEntry] = []
        var used: [String: SourcePosition] = [:]
        var index = 0
    }

    private func assign(_ block: Block, state: inout State, log: inout DiagnosticLog) -> Block {
        switch block {
        case .heading(let level, let content, _, let position):
            if level == 1 {
                log.error("the title is the page's only h1: start the body's headings at ##", at: chapter.location(position))
            }
            guard (2...4).contains(level) else { return block }
            let (text, explicit) = Self.splitExplicitID(content)
            defer { state.index += 1 }
            var id: String
            if let explicit {
                id = explicit
                if let counterpart = counterpartIDs, state.index < counterpart.count, counterpart[state.index] != explicit {
                    log.warning(
                        "heading id '\(explicit)' differs from '\(counterpart[state.index])' of the heading at the same place in the other language",
                        at: chapter.location(position))
                }
            } else if let counterpart = counterpartIDs, state.index < counterpart.count {
                id = counterpart[state.index]
            } else {
                id = Slug.make(from: text.plainText)
            }
            if let first = state.used[id] {
                if explicit != nil {
                    log.error(
                        "duplicate heading id '\(id)' (first used at line \(chapter.location(first).line ?? 1))",
                        at: chapter.location(position))
                } else {
                    var number = 2
                    while state.used["\(id)-\(number)"] != nil { number += 1 }
                    id = "\(id)-\(number)"
                }
            }
            state.used[id] = position
            state.outline.append(OutlineEntry(level: level, id: id, text: text.plainText.trimmed))
            return .heading(level: level, content: text, id: id, position)
        case .blockQuote(let children):
            return .blockQuote(children.map { assign($0, state: &state, log: &log) })
        case .list(let style, let items):
            return .list(style, items: items.map { $0.map { assign($0, state: &state, log: &log) } })
        default:
            return block
        }
    }

    /// Splits `Heading text {#id}` into the text and the id.
    static func splitExplicitID(_ content: [Inline]) -> ([Inline], String?) {
        guard case .text(let last)? = content.last, let (rest, id) = explicitID(in: last) else { return (content, nil) }
        var text = content
        text.removeLast()
        if !rest.isEmpty { text.append(.text(rest)) }
        return (text, id)
    }

    /// The text before a trailing `{#id}` (trimmed) and the id, or nil.
    static func explicitID(in last: String) -> (rest: String, id: String)? {
        let bytes = last.utf8
        guard bytes.last == UInt8(ascii: "}") else { return nil }
        // The usual `text {#id}` is split on its bytes: when ASCII (or nothing) precedes the last
        // `{#` and a valid id follows it, Foundation's search finds that same `{#`.
        if let open = bytes.lastIndex(of: UInt8(ascii: "{")), bytes[bytes.index(after: open)...].first == UInt8(ascii: "#"),
            open == bytes.startIndex || bytes[bytes.index(before: open)] < 0x80
        {
            let id = String(last[bytes.index(open, offsetBy: 2)..<bytes.index(before: bytes.endIndex)])
            if Slug.isValid(id) { return (String(last[..<open]).trimmed, id) }
        }
        return explicitIDBySearch(in: last)
    }

    /// `explicitID(in:)` by Foundation's search for the last `{#`, which decides the unusual cases.
    static func explicitIDBySearch(in last: String) -> (rest: String, id: String)? {
        guard last.hasSuffix("}"), let open = last.range(of: "{#", options: .backwards) else { return nil }
        let id = String(last[open.upperBound..<last.index(before: last.endIndex)])
        guard Slug.isValid(id) else { return nil }
        return (String(last[..<open.lowerBound]).trimmed, id)
    }
}

extension String {
    var trimmed: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
