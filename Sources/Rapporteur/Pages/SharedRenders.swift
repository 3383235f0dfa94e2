import Foundation
import Markdown
import Support

/// Template output that comes out the same in many reports of a library (the site glossary's
/// table, in every report that adds no terms of its own), rendered once. A render is shared
/// only by equal data: found by a hash of the data, then compared value by value.
final class SharedRenders: @unchecked Sendable {
    private let lock = NSLock()
    private var rendered: [Int: [(name: String, data: [String: Any], render: Render)]] = [:]
    /// How many renders were made rather than shared.
    private(set) var made = 0

    /// A render cut at its placeholders: `texts[0]`, the address of placeholder `holes[0]`, `texts[1]`, …
    private struct Render {
        var texts: [Substring]
        var holes: [Int]
    }

    /// `templates.render(name, context)`, or what it gave for equal data before. The top-level
    /// `addresses` (a report's own links) are left out of the comparison: the render holds a
    /// placeholder for each, which gets the report's address. Data with a value of another type
    /// than the template data's usual ones, or holding the placeholders' mark, is rendered every time.
    func render(_ name: String, _ context: [String: Any], addresses: [String] = [], with templates: TemplateLibrary) throws(SiteError)
        -> String
    {
        var general = context
        var values: [String] = []
        for (number, key) in addresses.enumerated() {
            guard let address = context[key] as? String, HTML.escape(address) == address else {
                return try templates.render(name, context)
            }
            general[key] = "\(Self.mark)\(number)\(Self.mark)"
            values.append(address)
        }
        var marks = 0
        guard let hash = Self.hash(general, marks: &marks), marks == 2 * addresses.count else {
            return try templates.render(name, context)
        }
        let found = lock.withLock {
            rendered[hash]?.first { $0.name == name && Self.equal($0.data, general) }?.render
        }
        let render: Render
        if let found {
            render = found
        } else {
            render = Self.cut(try templates.render(name, general))
            lock.withLock {
                rendered[hash, default: []].append((name, general, render))
                made += 1
            }
        }
        var html = String(render.texts[0])
        for (hole, text) in zip(render.holes, render.texts.dropFirst()) {
            html += values[hole]
            html += text
        }
        return html
    }

    /// U+E001, from the Private Use Area (`TemplateLeftovers` uses U+E000): it encloses a
    /// placeholder's number.
    private static let mark: Character = "\u{E001}"
    private static let markScalar: Unicode.Scalar = "\u{E001}"

    /// `html` cut at its placeholders.
    private static func cut(_ html: String) -> Render {
        let pieces = html.split(separator: mark, omittingEmptySubsequences: false)
        // Pieces alternate: text, a placeholder's number, text, …
        return Render(
            texts: stride(from: 0, to: pieces.count, by: 2).map { pieces[$0] },
            holes: stride(from: 1, to: pieces.count, by: 2).map { Int(pieces[$0]) ?? 0 })
    }

    /// A hash of `value` that equal data share whatever order their dictionaries hold their keys
    /// in, counting the marks in its strings; nil for a value of a type it does not know. Types
    /// are told by identity, which costs no cast.
    private static func hash(_ value: Any, marks: inout Int) -> Int? {
        var hasher = Hasher()
        let type = type(of: value)
        if type == String.self || type == ContentHTML.self {
            let string = type == String.self ? value as! String : (value as! ContentHTML).html
            hasher.combine(type == String.self)
            if combine(string, into: &hasher) { marks += string.unicodeScalars.lazy.filter { $0 == markScalar }.count }
        } else if type == Bool.self {
            hasher.combine(value as! Bool)
        } else if type == Int.self {
            hasher.combine(value as! Int)
        } else if type == [String: String].self {
            var entries = 0
            for (key, string) in value as! [String: String] {
                var entry = Hasher()
                combine(key, into: &entry)
                combine(string, into: &entry)
                entries &+= entry.finalize()
            }
            hasher.combine(entries)
        } else if type == [String: Any].self {
            var entries = 0
            for (key, element) in value as! [String: Any] {
                guard let valueHash = hash(element, marks: &marks) else { return nil }
                entries &+= entryHash(key, valueHash)
            }
            hasher.combine(entries)
        } else if let array = type == [[String: Any]].self ? (value as! [[String: Any]]) as [Any] : value as? [Any] {
            for element in array {
                guard let elementHash = hash(element, marks: &marks) else { return nil }
                hasher.combine(elementHash)
            }
            hasher.combine(array.count)
        } else {
            return nil
        }
        return hasher.finalize()
    }

    private static func entryHash(_ key: String, _ valueHash: Int) -> Int {
        var hasher = Hasher()
        combine(key, into: &hasher)
        hasher.combine(valueHash)
        return hasher.finalize()
    }

    /// Combines `string`'s bytes, what the page gets (`String`'s own hash and `==` take
    /// canonically equivalent texts as one, and normalise non-ASCII ones first); true when it
    /// may hold the placeholders' mark (has its first byte).
    @discardableResult
    private static func combine(_ string: String, into hasher: inout Hasher) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(markFirstByte), bytes.count) != nil
        }
    }

    private static let markFirstByte = String(mark).utf8.first!

    /// Whether `a` and `b` have the same bytes.
    private static func same(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var (a, b) = (a, b)
        return a.withUTF8 { a in b.withUTF8 { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }

    /// Whether `a` and `b` are the same data, byte for byte: the types `hash` knows, compared value by value.
    private static func equal(_ a: Any, _ b: Any) -> Bool {
        let type = type(of: a)
        guard type == Swift.type(of: b) else { return false }
        if type == String.self { return same(a as! String, b as! String) }
        if type == ContentHTML.self { return same((a as! ContentHTML).html, (b as! ContentHTML).html) }
        if type == Bool.self { return a as! Bool == b as! Bool }
        if type == Int.self { return a as! Int == b as! Int }
        if type == [String: String].self {
            let (a, b) = (a as! [String: String], b as! [String: String])
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { same(value, $0) } ?? false }
        }
        if type == [String: Any].self {
            let (a, b) = (a as! [String: Any], b as! [String: Any])
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { equal(value, $0) } ?? false }
        }
        if type == [[String: Any]].self {
            let (a, b) = (a as! [[String: Any]], b as! [[String: Any]])
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        }
        guard let a = a as? [Any], let b = b as? [Any] else { return false }
        return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
    }
}
