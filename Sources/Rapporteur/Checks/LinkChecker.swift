import Foundation
import Support

/// Checks every internal `href` and `src` of the built pages: the file exists and, for `#id`,
/// the target page has that id. This also catches links that templates make.
struct LinkChecker {
    /// A built page's ids and the internal-looking targets of its `href` and `src` attributes.
    struct PageLinks: Sendable {
        var path: String
        var links: Set<String>
        var ids: Set<String>

        init(_ file: OutputFile) {
            path = file.path
            // On the file's bytes: the build wrote them from a String, so they are valid UTF-8.
            let found = file.data.withUnsafeBytes { LinkChecker.attributes(["id", "href", "src"], inUTF8: $0.bindMemory(to: UInt8.self)) }
            links = found["href", default: []].union(found["src", default: []])
            ids = found["id", default: []]
        }
    }

    /// Every file of the site.
    let paths: Set<String>
    /// Every page's ids, by path.
    let ids: [String: Set<String>]
    let basePath: String

    init(paths: Set<String>, ids: [String: Set<String>], basePath: String) {
        self.paths = paths
        self.ids = ids
        self.basePath = basePath
    }

    init(paths: Set<String>, pages: [PageLinks], basePath: String) {
        self.init(paths: paths, ids: Dictionary(pages.map { ($0.path, $0.ids) }) { first, _ in first }, basePath: basePath)
    }

    /// Logs every broken link of `pages`, page by page in their order, each page's links sorted.
    func check(_ pages: [PageLinks], log: inout DiagnosticLog) {
        let problems = pages.parallelMap { page in
            var broken: [(link: String, message: String)] = []
            for link in page.links {
                guard let (target, anchor) = resolve(link, from: page.path) else { continue }
                if !paths.contains(target) {
                    broken.append((link, "broken link '\(link)': public/\(target) is not built"))
                } else if let anchor, !anchor.isEmpty, ids[target]?.contains(anchor) != true {
                    broken.append((link, "broken link '\(link)': public/\(target) has no id '\(anchor)'"))
                }
            }
            return broken.sorted { $0.link < $1.link }.map(\.message)
        }
        for (page, messages) in zip(pages, problems) {
            for message in messages { log.error(message, at: SourceLocation(file: "public/" + page.path)) }
        }
    }

    /// The paths of the pages with a link to one of `targets` (output files).
    func pages(_ pages: some Sequence<PageLinks>, linkingTo targets: Set<String>) -> [String] {
        pages.filter { page in page.links.contains { link in resolve(link, from: page.path).map { targets.contains($0.0) } ?? false } }
            .map(\.path)
    }

    /// The output file and anchor an internal link points to; nil for external links. Works on
    /// substrings and searches UTF-8 bytes for ASCII (a `Character` search breaks the text into
    /// grapheme clusters): it runs for every link of every page.
    private func resolve(_ link: String, from page: String) -> (String, String?)? {
        let decoded = link.utf8.contains(UInt8(ascii: "&")) ? link.replacingOccurrences(of: "&amp;", with: "&") : link
        if decoded.utf8.starts(with: "//".utf8) || LinkRewriter.hasScheme(decoded) { return nil }
        let hash = decoded.utf8.firstIndex(of: UInt8(ascii: "#"))
        let anchor = hash.map { Self.percentDecoded(String(decoded[decoded.utf8.index(after: $0)...])) }
        var path = decoded[..<(hash ?? decoded.endIndex)]
        if let query = path.utf8.firstIndex(of: UInt8(ascii: "?")) { path = path[..<query] }
        if path.isEmpty { return (page, anchor) }
        let absolute: Substring
        if path.utf8.first == UInt8(ascii: "/") {
            guard path.utf8.starts(with: basePath.utf8) else { return ("(outside the site) " + path, anchor) }
            absolute = path[path.utf8.index(path.startIndex, offsetBy: basePath.utf8.count)...]
        } else {
            let folder = page.utf8.lastIndex(of: UInt8(ascii: "/")).map { page[..<$0] } ?? ""
            absolute = Substring(Self.normalize(folder.isEmpty ? String(path) : folder + "/" + path))
        }
        return (Self.outputFile(of: absolute), anchor)
    }

    /// The output file a path from the site's root names (`en/plenary/` is
    /// `en/plenary/index.html`), percent-decoded; the chapters' links to site addresses use it too.
    static func outputFile(of path: Substring) -> String {
        let target = path.isEmpty || path.utf8.last == UInt8(ascii: "/") ? path + "index.html" : String(path)
        return percentDecoded(target)
    }

    private static func percentDecoded(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding ?? text : text
    }

    private static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// The values of `name="..."` attributes (the templates and renderer always double-quote),
    /// found in one pass over the UTF-8 bytes.
    static func attributeValues(_ name: String, in html: String) -> Set<String> {
        attributes([name], in: html)[name] ?? []
    }

    static func attributes(_ names: Set<String>, in html: String) -> [String: Set<String>] {
        var html = html
        return html.withUTF8 { attributes(names, inUTF8: $0) }
    }

    /// The values of the attributes `names`, by name, found in one pass over UTF-8 bytes: each
    /// `="` is found with `memchr`, and the name before it compared as bytes.
    static func attributes(_ names: Set<String>, inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [String: Set<String>] {
        let wanted = names.map { (name: $0, bytes: Array($0.utf8)) }
        var values = [Set<String>](repeating: [], count: wanted.count)
        let equals = UInt8(ascii: "=")
        let quote = UInt8(ascii: "\"")
        guard let base = bytes.baseAddress, bytes.count > 1 else { return [:] }
        var index = 1
        while index + 1 < bytes.count, let found = memchr(base + index, Int32(equals), bytes.count - 1 - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            defer { index += 1 }
            guard bytes[index + 1] == quote else { continue }
            var start = index
            while start > 0, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[start - 1]) { start -= 1 }
            guard start < index, start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\n") else {
                continue
            }
            guard let name = wanted.firstIndex(where: { $0.bytes.elementsEqual(bytes[start..<index]) }) else { continue }
            var end = index + 2
            while end < bytes.count, bytes[end] != quote { end += 1 }
            values[name].insert(String(decoding: bytes[(index + 2)..<end], as: UTF8.self))
            index = end
        }
        return Dictionary(uniqueKeysWithValues: zip(wanted, values).filter { !$0.1.isEmpty }.map { ($0.0.name, $0.1) })
    }
}
