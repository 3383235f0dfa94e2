import Foundation

/// Table HTML by table name, language code and anchor, shared by the threads expanding chapters
/// and rendering pages of one build: the table blocks, table pages and print editions of a
/// language show the same HTML.
final class RenderedTables: @unchecked Sendable {
    private let lock = NSLock()
    private var html: [[String]: String] = [:]

    subscript(key: [String]) -> String? {
        get { lock.withLock { html[key] } }
        set { lock.withLock { html[key] = newValue } }
    }
}
