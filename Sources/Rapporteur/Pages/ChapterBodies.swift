import Foundation
import Markdown
import Support

/// Each chapter's body rendered once per build, shared by its page and the print edition of its
/// language: made by whichever of the two asks first (they render on different threads), kept
/// until the other has taken it.
final class ChapterBodies: @unchecked Sendable {
    /// A chapter's body with its headings' links to themselves, and what rendering it reported.
    struct Body: Sendable {
        let html: HeadingLinkedHTML
        let diagnostics: [Diagnostic]
    }

    private struct Key: Hashable {
        let language: String
        let fileName: String
    }

    /// A body being made or made, and whether one of its two readers has had it.
    private final class Entry: @unchecked Sendable {
        let body = Once<Body>()
        var taken = false
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    /// The body of the chapter `fileName` in `language`, made by `make` unless the other reader
    /// made it; the second reader's call forgets it.
    func body(language: String, fileName: String, make: () -> Body) -> Body {
        let key = Key(language: language, fileName: fileName)
        let entry = lock.withLock {
            let entry = entries[key] ?? Entry()
            if entry.taken { entries[key] = nil } else { entries[key] = entry }
            entry.taken = true
            return entry
        }
        return entry.body.value(make)
    }
}
