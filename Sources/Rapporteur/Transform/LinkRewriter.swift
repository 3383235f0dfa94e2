import Markdown
import Model
import Support

/// Turns the links authors write (`05-dsg.md#fig-3`, `#opening`, `../tables/funding.yaml`) into
/// site paths, and reports every link whose chapter, table or anchor does not exist.
struct LinkRewriter {
    let chapter: Chapter
    /// Chapters and their anchors per language code and file name.
    let index: [String: [String: ExpandedChapter]]
    let project: Project
    let urls: SiteURLs
    /// The files the build writes, asked for only by a link to an address of the site.
    let siteFiles: () -> SiteFiles
    /// The library the chapter's report is part of, whose other reports it may link to.
    var library: LibraryContext? = nil

    /// `blocks` with the destinations of links and images resolved, in document order: a link
    /// before the images in its text (an image's alt text is left alone).
    func rewrite(_ blocks: [Block], log: inout DiagnosticLog) -> [Block] {
        // A link is resolved when it is entered; the rewriter hands it back after its text, which
        // may hold images, and it takes the last target resolved.
        var linkTargets: [String] = []
        let entering = { (node: Rewriter.Node) -> Bool in
            switch node {
            case .inline(.link(let destination, _, _, let position)):
                linkTargets.append(resolve(destination, at: chapter.location(position), log: &log) ?? destination)
                return true
            case .inline(.image): return false
            case .block, .inline: return true
            }
        }
        return Rewriter.rewrite(blocks, entering: entering) { inline, result in
            switch inline {
            case .link(_, let title, let content, let position):
                result.append(.link(destination: linkTargets.removeLast(), title: title, content: content, position))
            case .image(let source, let title, let alt, let position):
                let target = resolve(source, at: chapter.location(position), log: &log) ?? source
                result.append(.image(source: target, title: title, alt: alt, position))
            default: result.append(inline)
            }
        }
    }

    /// The site path for `destination`, or nil to keep it as it is (external links).
    func resolve(_ destination: String, at location: SourceLocation, log: inout DiagnosticLog) -> String? {
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") { return nil }
        // "#" found on the bytes, as the output link check finds it.
        let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#"))
        let path = String(destination[..<(hash ?? destination.endIndex)])
        let anchor = hash.map { String(destination[destination.utf8.index(after: $0)...]) }
        let language = chapter.language
        if path.isEmpty {
            guard let anchor, index[language.code]?[chapter.fileName]?.anchors.contains(anchor) == true else {
                log.error("missing anchor '#\(anchor ?? "")': no heading, figure or table in this chapter has that id", at: location)
                return nil
            }
            return "#" + anchor
        }
        if path.hasPrefix("/") {
            return resolveAbsolute(path, anchor: anchor, destination: destination, at: location, log: &log)
        }
        if path.hasPrefix("../../"), let library {
            return resolveInLibrary(path.dropFirst("../../".count), anchor: anchor, library: library, at: location, log: &log)
        }
        if path.hasPrefix("../tables/") && path.hasSuffix(".yaml") {
            let name = String(path.dropFirst("../tables/".count).dropLast(".yaml".count))
            guard project.table(named: name) != nil else {
                log.error("link to missing table '\(name)': there is no content/tables/\(name).yaml", at: location)
                return nil
            }
            return urls.table(name, language) + (anchor.map { "#" + $0 } ?? "")
        }
        var targetLanguage = language
        var fileName = path
        if path.hasPrefix("../"), let slash = path.dropFirst(3).firstIndex(of: "/") {
            let code = String(path[path.index(path.startIndex, offsetBy: 3)..<slash])
            guard let other = project.config.languages.first(where: { $0.code == code }) else {
                log.error("link to unknown language folder '\(code)' in '\(destination)'", at: location)
                return nil
            }
            targetLanguage = other
            fileName = String(path[path.index(after: slash)...])
        }
        // Foundation's search is asked only when there is a "/" byte at all, which is rare.
        guard fileName.hasSuffix(".md"), !(fileName.utf8.contains(UInt8(ascii: "/")) && fileName.contains("/")) else {
            log.error(
                "link to '\(destination)': link to a chapter by its file name (05-dsg.md), a table by ../tables/NAME.yaml, or a heading by #id",
                at: location)
            return nil
        }
        guard
            let target = index[targetLanguage.code]?[fileName]
                ?? index[project.config.defaultLanguage.code]?[fileName]
        else {
            log.error("link to missing chapter '\(fileName)'", at: location)
            return nil
        }
        if let anchor, !target.anchors.contains(anchor) {
            log.error("missing anchor '#\(anchor)' in \(target.chapter.file)", at: location)
            return nil
        }
        return urls.chapter(target.chapter.slug, target.chapter.language) + (anchor.map { "#" + $0 } ?? "")
    }

    /// A link to another report of the library, as its file is named from the reports' folder:
    /// `tel54/en/01-summary.md`, `tel54/tables/roster.yaml`.
    private func resolveInLibrary(
        _ path: Substring, anchor: String?, library: LibraryContext, at location: SourceLocation, log: inout DiagnosticLog
    ) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let written = "../../" + path
        guard parts.count == 3, let report = library.reports[parts[0]] else {
            log.error(
                "link to '\(written)': link to another report by its file, ../../REPORT/LANGUAGE/NN-name.md or ../../REPORT/tables/NAME.yaml (no report '\(parts[0])' in \(Library.reportsFolder)/)",
                at: location)
            return nil
        }
        let fragment = anchor.map { "#" + $0 } ?? ""
        if parts[1] == "tables", parts[2].hasSuffix(".yaml") {
            let name = String(parts[2].dropLast(".yaml".count))
            guard report.project.table(named: name) != nil else {
                log.error("link to missing table '\(name)': there is no \(report.project.report.path("tables/" + parts[2]))", at: location)
                return nil
            }
            let language =
                report.project.config.languages.contains(chapter.language) ? chapter.language : report.project.config.languages[0]
            return report.urls.table(name, language) + fragment
        }
        guard let target = report.index[parts[1]]?[parts[2]] else {
            log.error("link to missing chapter: there is no \(report.project.report.path(parts[1] + "/" + parts[2]))", at: location)
            return nil
        }
        if let anchor, !target.anchors.contains(anchor) {
            log.error("missing anchor '#\(anchor)' in \(target.chapter.file)", at: location)
            return nil
        }
        return report.urls.chapter(target.chapter.slug, target.chapter.language) + fragment
    }

    /// A link to an address of the site (`/sitemap.xml`): under the site's base path, checked
    /// against the files the build writes and, for a chapter, its anchors.
    private func resolveAbsolute(
        _ path: String, anchor: String?, destination: String, at location: SourceLocation, log: inout DiagnosticLog
    )
        -> String?
    {
        let file = SiteFiles.file(ofAbsolutePath: Substring(path))
        let siteFiles = siteFiles()
        guard siteFiles.paths.contains(file) else {
            log.error(
                "link to '\(destination)': the site has no file \(file) (an address of the site starts at its root: /en/)", at: location)
            return nil
        }
        if let anchor, let target = siteFiles.chapters[file], !target.anchors.contains(anchor) {
            log.error("missing anchor '#\(anchor)' in \(target.chapter.file)", at: location)
            return nil
        }
        return urls.basePath + path.dropFirst() + (anchor.map { "#" + $0 } ?? "")
    }

    static func hasScheme(_ url: String) -> Bool {
        // Decided on the bytes when the first one outside `A-Z a-z 0-9 + - .` is not a ":", or is
        // one followed by ASCII: only a combining mark after it makes the ":" part of a character.
        let utf8 = url.utf8
        var end = utf8.startIndex
        while end < utf8.endIndex, isSchemeByte(utf8[end]) { utf8.formIndex(after: &end) }
        guard end < utf8.endIndex, utf8[end] == UInt8(ascii: ":") else { return false }
        let next = utf8.index(after: end)
        if next == utf8.endIndex || utf8[next] < 0x80 {
            return end > utf8.startIndex && isLetterByte(utf8[utf8.startIndex])
        }
        return hasSchemeByCharacters(url)
    }

    /// `hasScheme(_:)` on characters, which decides the unusual cases.
    static func hasSchemeByCharacters(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.first!.isLetter
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    private static func isLetterByte(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte)
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isLetterByte(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
    }
}
