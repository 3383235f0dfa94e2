import Foundation
import Markdown
import Support

/// Template output that comes out the same in many reports of a library (the site glossary's
/// table, in every report that adds no terms of its own), rendered once. A render is shared
/// only by equal data: found by a hash of the data's top level, then compared value by value.
final class SharedRenders: @unchecked Sendable {
    private let lock = NSLock()
    private var rendered: [Int: [(name: String, data: [String: Any], render: Render)]] = [:]
    /// How many renders were made rather than shared.
    var made: Int { lock.withLock { rendered.values.reduce(0) { $0 + $1.count } } }

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
        let hash = Self.topLevelHash(name, general)
        let candidates = lock.withLock { rendered[hash] ?? [] }
        if let found = candidates.first(where: { $0.name == name && Self.equal($0.data, general) }) {
            return Self.filled(found.render, with: values)
        }
        // Equal data are known and free of marks; new data are looked through once.
        var marks = 0
        guard Self.isKnown(general, marks: &marks), marks == 2 * addresses.count else { return try templates.render(name, context) }
        let render = Self.cut(try templates.render(name, general))
        lock.withLock { rendered[hash, default: []].append((name, general, render)) }
        return Self.filled(render, with: values)
    }

    private static func filled(_ render: Render, with addresses: [String]) -> String {
        var html = String(render.texts[0])
        for (hole, text) in zip(render.holes, render.texts.dropFirst()) {
            html += addresses[hole]
            html += text
        }
        return html
    }

    /// U+E001, from the Private Use Area (`TemplateLeftovers` uses U+E000): it encloses a
    /// placeholder's number.
    private static let mark: Character = "\u{E001}"
    private static let markScalar: Unicode.Scalar = "\u{E001}"

    /// `html` cut at its placeholders, found on its UTF-8 bytes.
    private static func cut(_ html: String) -> Render {
        let bytes = html.utf8
        let markBytes = Array(String(mark).utf8)
        var texts: [Substring] = []
        var holes: [Int] = []
        var start = bytes.startIndex
        var search = start
        var opening: String.Index?
        while let found = bytes[search...].firstIndex(of: markBytes[0]) {
            let end = bytes.index(found, offsetBy: markBytes.count, limitedBy: bytes.endIndex) ?? bytes.endIndex
            guard bytes[found..<end].elementsEqual(markBytes) else {
                search = bytes.index(after: found)
                continue
            }
            if let open = opening {
                holes.append(Int(html[open..<found]) ?? 0)
                opening = nil
                start = end
            } else {
                texts.append(html[start..<found])
                opening = end
            }
            search = end
        }
        texts.append(html[start...])
        return Render(texts: texts, holes: holes)
    }

    /// A hash of the template's name and the top level of `data`: its keys, texts and flags, and
    /// how many entries its lists and mappings have. Equal data hash alike whatever order their
    /// dictionaries hold their keys in; `equal` tells the rest.
    private static func topLevelHash(_ name: String, _ data: [String: Any]) -> Int {
        var entries = 0
        for (key, value) in data {
            var entry = Hasher()
            combine(key, into: &entry)
            let type = type(of: value)
            if type == String.self {
                combine(value as! String, into: &entry)
            } else if type == ContentHTML.self {
                combine((value as! ContentHTML).html, into: &entry)
            } else if type == Bool.self {
                entry.combine(value as! Bool)
            } else if type == Int.self {
                entry.combine(value as! Int)
            } else if type == [[String: Any]].self {
                entry.combine((value as! [[String: Any]]).count)
            } else if type == [String: Any].self {
                entry.combine((value as! [String: Any]).count)
            } else if type == [String: String].self {
                entry.combine((value as! [String: String]).count)
            }
            entries &+= entry.finalize()
        }
        var hasher = Hasher()
        combine(name, into: &hasher)
        hasher.combine(entries)
        return hasher.finalize()
    }

    /// Whether every value of `value` has a type `equal` compares, counting the marks in its
    /// strings.
    private static func isKnown(_ value: Any, marks: inout Int) -> Bool {
        let type = type(of: value)
        if type == String.self || type == ContentHTML.self {
            let string = type == String.self ? value as! String : (value as! ContentHTML).html
            if mayHoldMark(string) { marks += string.unicodeScalars.lazy.filter { $0 == markScalar }.count }
        } else if type == Bool.self || type == Int.self {
            return true
        } else if type == [String: String].self {
            for string in (value as! [String: String]).values where mayHoldMark(string) {
                marks += string.unicodeScalars.lazy.filter { $0 == markScalar }.count
            }
        } else if type == [String: Any].self {
            return (value as! [String: Any]).values.allSatisfy { isKnown($0, marks: &marks) }
        } else if let array = type == [[String: Any]].self ? (value as! [[String: Any]]) as [Any] : value as? [Any] {
            return array.allSatisfy { isKnown($0, marks: &marks) }
        } else {
            return false
        }
        return true
    }

    /// Whether `string` has the mark's first byte.
    private static func mayHoldMark(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(markFirstByte), bytes.count) != nil
        }
    }

    /// Combines `string`'s bytes, what the page gets (`String`'s own hash and `==` take
    /// canonically equivalent texts as one, and normalise non-ASCII ones first).
    private static func combine(_ string: String, into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
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
