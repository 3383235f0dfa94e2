import Foundation

/// Checks every internal `href` and `src` of the built pages: the file exists and, for `#id`,
/// the target page has that id. This also catches links that templates make.
struct LinkChecker {
    let files: [OutputFile]
    let basePath: String

    func check(log: inout DiagnosticLog) {
        var paths: Set<String> = []
        var ids: [String: Set<String>] = [:]
        var pages: [(path: String, html: String)] = []
        for file in files {
            paths.insert(file.path)
            guard file.path.hasSuffix(".html"), let html = String(data: file.data, encoding: .utf8) else { continue }
            pages.append((file.path, html))
            ids[file.path] = Self.attributeValues("id", in: html)
        }
        for page in pages {
            for link in Self.attributeValues("href", in: page.html).union(Self.attributeValues("src", in: page.html)).sorted() {
                guard let (target, anchor) = resolve(link, from: page.path) else { continue }
                let location = SourceLocation(file: "public/" + page.path)
                guard paths.contains(target) else {
                    log.error("broken link '\(link)': public/\(target) is not built", at: location)
                    continue
                }
                if let anchor, !anchor.isEmpty, ids[target]?.contains(anchor) != true {
                    log.error("broken link '\(link)': public/\(target) has no id '\(anchor)'", at: location)
                }
            }
        }
    }

    /// The output file and anchor an internal link points to; nil for external links.
    private func resolve(_ link: String, from page: String) -> (String, String?)? {
        let decoded = link.replacingOccurrences(of: "&amp;", with: "&")
        if decoded.hasPrefix("//") || LinkRewriter.hasScheme(decoded) { return nil }
        let parts = decoded.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let path = parts[0].split(separator: "?").first.map(String.init) ?? ""
        let anchor = parts.count > 1 ? parts[1].removingPercentEncoding ?? parts[1] : nil
        if path.isEmpty { return (page, anchor) }
        let absolute: String
        if path.hasPrefix("/") {
            guard path.hasPrefix(basePath) else { return ("(outside the site) " + path, anchor) }
            absolute = String(path.dropFirst(basePath.count))
        } else {
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            absolute = Self.normalize(folder.isEmpty ? path : folder + "/" + path)
        }
        let target = absolute.isEmpty || absolute.hasSuffix("/") ? absolute + "index.html" : absolute
        return (target.removingPercentEncoding ?? target, anchor)
    }

    private static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// The values of `name="..."` attributes (the templates and renderer always double-quote).
    static func attributeValues(_ name: String, in html: String) -> Set<String> {
        var values: Set<String> = []
        let marker = " \(name)=\""
        var rest = html[...]
        while let start = rest.range(of: marker) {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            values.insert(String(rest[..<end]))
            rest = rest[end...]
        }
        return values
    }
}
