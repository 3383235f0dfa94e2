import Markdown
import Model
import Support

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
        let blocks = Rewriter.rewrite(chapter.blocks) { assign($0, state: &state, log: &log) }
        return (blocks, state.outline)
    }

    private struct State {
        var outline: [OutlineEntry] = []
        var used: [String: SourcePosition] = [:]
        var index = 0
    }

    /// Gives `block` its id if it is a heading; the rewriter hands over the headings in order.
    private func assign(_ block: Block, state: inout State, log: inout DiagnosticLog) -> Block {
        switch block {
        case .heading(let level, let content, _, let position):
            if level == 1 {
                log.error("the title is the page's only h1: start the body's headings at ##", at: chapter.location(position))
            }
            guard (2...4).contains(level) else { return block }
            let (text, explicit) = HeadingID.splitExplicitID(content)
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
        default:
            return block
        }
    }
}
