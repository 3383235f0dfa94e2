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

    /// The text before a trailing `{#id}` (trimmed) and the id, or nil.
    package static func explicitID(in last: String) -> (rest: String, id: String)? {
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
    package static func explicitIDBySearch(in last: String) -> (rest: String, id: String)? {
        guard last.hasSuffix("}"), let open = last.range(of: "{#", options: .backwards) else { return nil }
        let id = String(last[open.upperBound..<last.index(before: last.endIndex)])
        guard Slug.isValid(id) else { return nil }
        return (String(last[..<open.lowerBound]).trimmed, id)
    }
}
