import Foundation
import Model

/// Makes a chapter's or table's HTML fit on the print edition, where the whole report is one page:
/// its ids get the chapter's slug in front (`plenary-opening`), links inside the report point
/// inside the page, and other site links become full URLs, which work from a PDF too.
///
/// It works on the HTML the build renders, where every attribute value is in double quotes and
/// text never holds a bare `"` (the renderer and templates escape it), so the text between two
/// quotes is always an attribute value. Raw HTML (`allowRawHTML: true`) may break that rule;
/// its ids are then left as they are.
struct PrintAnchors {
    let language: Language
    let urls: SiteURLs
    /// The slugs of the language's chapters, which are sections of the print edition.
    let chapterSlugs: Set<String>
    /// The tables, which are sections `print-table-NAME` of the print edition.
    let tableNames: Set<String>
    /// The way from the print edition to the site's root, for images.
    let relativeRoot: String

    /// The id of a table's section in the print edition (the table inside keeps its own id).
    static func tableSection(_ name: String) -> String { "print-table-" + name }

    /// The print edition's id of a chapter's `id`.
    static func id(_ id: String, inChapter slug: String) -> String { slug + "-" + id }

    /// `html` with its ids and links rewritten; `slug` is the chapter it comes from, or nil for
    /// a table shown on its own (whose ids stay as they are). One pass over the UTF-8 bytes: the
    /// print edition holds every chapter again (`rewriteBySplitting` is the same on Strings).
    func rewrite(_ html: String, chapter slug: String?) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8)
            var position = 0
            // Each turn copies the text up to a value's opening quote, then the value, rewritten
            // when its attribute is one of the print edition's, and its closing quote.
            while let open = Self.quote(in: bytes, from: position) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position...open]))
                let close = Self.quote(in: bytes, from: open + 1)
                let value = UnsafeBufferPointer(rebasing: bytes[(open + 1)..<(close ?? bytes.count)])
                if let name = Self.attributeName(in: bytes, before: open, from: position) {
                    rewriteValue(value, of: name, chapter: slug, into: &output)
                } else {
                    output.append(contentsOf: value)
                }
                guard let close else { return String(decoding: output, as: UTF8.self) }
                output.append(Self.quoteByte)
                position = close + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// `rewrite` on Strings: the HTML split at its quotes, each attribute's name read from the
    /// text before its value. The agreement test holds `rewrite` to it.
    func rewriteBySplitting(_ html: String, chapter slug: String?) -> String {
        var parts = html.split(separator: "\"", omittingEmptySubsequences: false).map(String.init)
        // Odd parts are attribute values; the part before each ends with its ` name=`.
        for index in stride(from: 1, to: parts.count, by: 2) {
            guard let name = Self.attributeName(before: parts[index - 1]) else { continue }
            switch name {
            case "id", "for":
                if let slug { parts[index] = Self.id(parts[index], inChapter: slug) }
            case "headers", "aria-labelledby", "aria-describedby":
                if let slug {
                    parts[index] = parts[index].split(separator: " ").map { Self.id(String($0), inChapter: slug) }.joined(separator: " ")
                }
            case "href": parts[index] = link(parts[index], chapter: slug)
            case "src":
                if parts[index].hasPrefix(urls.basePath) { parts[index] = relativeRoot + parts[index].dropFirst(urls.basePath.count) }
            default: break
            }
        }
        return parts.joined(separator: "\"")
    }

    /// Where a link of the print edition goes: `#opening` in a chapter is `#plenary-opening`;
    /// a chapter or table of this language is its section; another address of the site is a full URL.
    func link(_ href: String, chapter slug: String?) -> String {
        if href.hasPrefix("#") {
            guard let slug else { return href }
            return "#" + Self.id(String(href.dropFirst()), inChapter: slug)
        }
        guard href.hasPrefix(urls.basePath) else { return href }
        let home = urls.home(language)
        if href.hasPrefix(home) {
            let rest = href.dropFirst(home.count)
            let hash = rest.firstIndex(of: "#")
            let path = rest[..<(hash ?? rest.endIndex)]
            let anchor = hash.map { String(rest[rest.index(after: $0)...]) }
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            if segments.count == 2, segments[1].isEmpty, chapterSlugs.contains(String(segments[0])) {
                let target = String(segments[0])
                return "#" + (anchor.map { Self.id($0, inChapter: target) } ?? target)
            }
            if segments.count == 3, segments[0] == "tables", segments[2].isEmpty, tableNames.contains(String(segments[1])) {
                return "#" + Self.tableSection(String(segments[1]))
            }
        }
        return urls.absolute(href)
    }

    /// `value` of the attribute `name` as the print edition has it, appended to `output`.
    private func rewriteValue(
        _ value: UnsafeBufferPointer<UInt8>, of name: Attribute, chapter slug: String?, into output: inout [UInt8]
    ) {
        switch name {
        case .id:
            guard let slug else { return output.append(contentsOf: value) }
            output.append(contentsOf: slug.utf8)
            output.append(UInt8(ascii: "-"))
            output.append(contentsOf: value)
        case .idList:
            guard let slug else { return output.append(contentsOf: value) }
            for (offset, id) in value.split(separator: UInt8(ascii: " ")).enumerated() {
                if offset > 0 { output.append(UInt8(ascii: " ")) }
                output.append(contentsOf: slug.utf8)
                output.append(UInt8(ascii: "-"))
                output.append(contentsOf: id)
            }
        case .href: output.append(contentsOf: link(String(decoding: value, as: UTF8.self), chapter: slug).utf8)
        case .src:
            let source = String(decoding: value, as: UTF8.self)
            guard source.hasPrefix(urls.basePath) else { return output.append(contentsOf: value) }
            output.append(contentsOf: (relativeRoot + source.dropFirst(urls.basePath.count)).utf8)
        }
    }

    /// The attributes whose values the print edition rewrites.
    private enum Attribute {
        /// `id`, `for`: one id.
        case id
        /// `headers`, `aria-labelledby`, `aria-describedby`: ids separated by spaces.
        case idList
        case href, src
    }

    private static let quoteByte = UInt8(ascii: "\"")

    private static func quote(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(quoteByte), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The attribute whose value opens with the quote at `quote`, when the text since `start`
    /// (the last value's end) ends with a space, one of the print edition's names and `=`.
    private static func attributeName(in bytes: UnsafeBufferPointer<UInt8>, before quote: Int, from start: Int) -> Attribute? {
        let equals = quote - 1
        guard equals > start, bytes[equals] == UInt8(ascii: "=") else { return nil }
        var nameStart = equals
        while nameStart > start, isNameByte(bytes[nameStart - 1]) { nameStart -= 1 }
        guard nameStart < equals, nameStart > start, isSpace(bytes[nameStart - 1]) else { return nil }
        switch String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<equals]), as: UTF8.self) {
        case "id", "for": return .id
        case "headers", "aria-labelledby", "aria-describedby": return .idList
        case "href": return .href
        case "src": return .src
        default: return nil
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// `id` for a part ending `… id=`; nil when the part does not end with an attribute name.
    private static func attributeName(before part: String) -> String? {
        guard part.hasSuffix("=") else { return nil }
        let name = part.dropLast().reversed().prefix { $0.isLetter || $0 == "-" }
        guard !name.isEmpty else { return nil }
        let start = part.index(part.endIndex, offsetBy: -(name.count + 1))
        guard start > part.startIndex, part[part.index(before: start)].isWhitespace else { return nil }
        return String(name.reversed())
    }
}
