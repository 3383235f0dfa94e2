import Foundation
import Markdown
import Support

/// A heading of a chapter, as listed in its table of contents.
package struct OutlineEntry: Sendable, Hashable {
    package var level: Int
    package var id: String
    package var text: String
    /// The section number in the report's scheme (`(十一)`), when the chapter is numbered.
    package var number: String?

    package init(level: Int, id: String, text: String, number: String? = nil) {
        self.level = level
        self.id = id
        self.text = text
        self.number = number
    }

    /// The text with its section number before it, as the contents lists it.
    package var numberedText: String { NumberingScheme.titled(number, text) }
}

/// The syntax of an explicit heading id: `## Heading text {#id}`.
package enum HeadingID {
    /// Splits `Heading text {#id}` into the text and the id.
    package static func splitExplicitID(_ content: [Inline]) -> ([Inline], String?) {
        guard case .text(let last)? = content.last, let (rest, id) = explicitID(in: last) else { return (content, nil) }
        var text = content
        text.removeLast()
        if !rest.isEmpty { text.append(.text(rest)) }
        return (text, id)
    }

    /// The text before a trailing `{#id}` (trimmed) and the id, or nil: the id is what follows the
    /// last `{#` up to the final `}`, and must be a valid slug.
    package static func explicitID(in last: String) -> (rest: String, id: String)? {
        guard last.hasSuffix("}"), let open = last.range(of: "{#", options: .backwards) else { return nil }
        let id = String(last[open.upperBound..<last.index(before: last.endIndex)])
        guard Slug.isValid(id) else { return nil }
        return (String(last[..<open.lowerBound]).trimmed, id)
    }
}
