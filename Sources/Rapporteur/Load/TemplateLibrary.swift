import Foundation
import Markdown
import Model
import Mustache
import Support

/// The site's templates (`*.mustache` of the `Theme`) and interface strings (its `strings.yaml`).
///
/// Templates are read at build time, so changing one needs no recompile. Chapters are never
/// rendered as templates: their HTML reaches a template as a value.
public struct TemplateLibrary: Sendable {
    private let library: MustacheLibrary
    private let names: Set<String>
    /// Every name a tag of a template uses (`navItems`, `t.home`), for keys that cost something to make.
    private let tagNames: Set<String>
    /// Interface strings per language code.
    let strings: [String: [String: String]]

    /// The interface strings the build itself looks up (the templates' `{{t.key}}` are found in them).
    static let stringsTheBuildUses = ["search", "tables"]

    /// Loads every template and the interface strings of `theme` for the site's `languages`.
    static func load(_ theme: Theme, languages: [String]) throws(SiteError) -> TemplateLibrary {
        var log = DiagnosticLog()
        var templates: [String: MustacheTemplate] = [:]
        var tags: [(tag: String, location: SourceLocation)] = []
        for (path, source) in theme.files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            let file = source.displayPath
            guard let text = log.collect({ () throws(SiteError) in try SourceFile.decode(source.data, as: file) }) else { continue }
            do {
                templates[name] = try MustacheTemplate(string: Escaping.pragma + text)
                tags += Self.tags(in: text, file: file)
            } catch let error as MustacheTemplate.ParserError {
                log.error(
                    "template error: \(error.error)",
                    at: SourceLocation(file: file, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber))
            } catch {
                log.error("template error: \(error)", at: SourceLocation(file: file))
            }
        }
        // A typo'd partial or interface string would otherwise render as nothing.
        for use in tags where use.tag.first == ">" || use.tag.first == "<" {
            let name = use.tag.dropFirst().trimmingCharacters(in: .whitespaces)
            if templates[name] == nil { log.error("template '\(name)' does not exist (Templates/\(name).mustache)", at: use.location) }
        }
        let stringsSource = theme.files["strings.yaml"]
        let stringsFile = stringsSource?.displayPath ?? Theme.folder + "/strings.yaml"
        let strings = log.collect { () throws(SiteError) in
            guard let stringsSource else { throw SiteError("the theme has no strings.yaml", at: SourceLocation(file: stringsFile)) }
            return try loadStrings(try SourceFile.decode(stringsSource.data, as: stringsFile), file: stringsFile, languages: languages)
        }
        if let known = strings.flatMap({ $0.values.first.map { Set($0.keys) } }) {
            for use in tags where use.tag.first != "/" {
                let name = use.tag.drop { "#^&{".contains($0) }.trimmingCharacters(in: .whitespaces)
                guard name.hasPrefix("t."), !known.contains(String(name.dropFirst(2))) else { continue }
                log.error("interface string '\(name.dropFirst(2))' is not in \(stringsFile)", at: use.location)
            }
            for key in stringsTheBuildUses where !known.contains(key) {
                log.error("\(stringsFile) needs the interface string '\(key)' in every language", at: SourceLocation(file: stringsFile))
            }
        }
        if log.hasErrors { throw SiteError(log.diagnostics) }
        let tagNames = Set(tags.map { $0.tag.drop { "#^&{/<>$".contains($0) }.trimmingCharacters(in: CharacterSet(charactersIn: " }")) })
        return TemplateLibrary(
            library: MustacheLibrary(templates: templates), names: Set(templates.keys), tagNames: tagNames, strings: strings ?? [:])
    }

    /// Whether a tag of some template uses the key `name`.
    func mentions(_ name: String) -> Bool { tagNames.contains(name) }

    /// Renders the template `name` (`chapter`, `partials/table`) with `context`, for `page`
    /// (an output path or a chapter file, for messages). Output with a leftover of the template
    /// (`nil`, `Optional(`, `{{` outside values) is an error.
    func render(_ name: String, _ context: [String: Any], for page: String? = nil) throws(SiteError) -> String {
        let (text, leftover) = TemplateLeftovers.strip(try marked(name, context))
        try refuse(leftover, of: name, in: page)
        return text
    }

    /// `render` for a whole page, as the bytes written to the output.
    func renderPage(_ name: String, _ context: [String: Any], for page: String) throws(SiteError) -> Data {
        let (data, leftover) = TemplateLeftovers.stripToData(try marked(name, context))
        try refuse(leftover, of: name, in: page)
        return data
    }

    /// swift-mustache's output of `name`, its values enclosed in `TemplateLeftovers`' marks.
    private func marked(_ name: String, _ context: [String: Any]) throws(SiteError) -> String {
        if let key = Self.keyHoldingAnOptional(in: context) {
            // swift-mustache prints a stored Optional as `nil` or `Optional(…)` and takes it as true.
            throw SiteError(
                "template data for '\(name)' holds an optional at '\(key)' (leave a missing value out instead)",
                at: SourceLocation(file: "Templates/\(name).mustache"))
        }
        guard names.contains(name), let output = library.render(context, withTemplate: name) else {
            throw SiteError("template '\(name)' does not exist", at: SourceLocation(file: "Templates/\(name).mustache"))
        }
        return output
    }

    private func refuse(_ leftover: String?, of name: String, in page: String?) throws(SiteError) {
        guard let leftover else { return }
        throw SiteError(
            "'\(leftover)' is left in \(page ?? "the output") by the template '\(name)' (a missing value printed, or a tag that is not one)",
            at: SourceLocation(file: "Templates/\(name).mustache"))
    }
}

/// `{{value}}` escaped on UTF-8 bytes by `HTML.escape` (the same five characters as
/// swift-mustache's own escaping, which walks the text character by character and was the
/// largest single cost of rendering). Switched on by a pragma line put before every template.
private struct Escaping: MustacheContentType {
    static let name = "RAPPORTEUR_HTML"
    /// Standalone on its own line, so it adds nothing to the output; messages subtract its line.
    static let pragma: String = {
        MustacheContentTypes.register(Escaping(), named: name)
        return "{{% CONTENT_TYPE: \(name) }}\n"
    }()

    func escapeText(_ text: String) -> String { TemplateLeftovers.marked(HTML.escape(text)) }
}

// MARK: - Template data

extension TemplateLibrary {
    /// The first key, as a path (`rows.2.source`), whose value is an `Optional`; nested
    /// dictionaries and arrays are searched with a stack of their own. It runs for every page
    /// over every value, so the common types are told by their type's identity, which costs no
    /// cast, and a path is spelled only for the value found.
    static func keyHoldingAnOptional(in context: [String: Any]) -> String? {
        // Where each value on the stack sits: its key or index in the container at `places[container]` (-1: `context`).
        var places: [(container: Int, key: String?, index: Int)] = []
        var stack: [(place: Int, value: Any)] = []
        func push(_ value: Any, container: Int, key: String?, index: Int) {
            stack.append((places.count, value))
            places.append((container, key, index))
        }
        for (key, value) in context { push(value, container: -1, key: key, index: 0) }
        while let (place, value) = stack.popLast() {
            let type = type(of: value)
            if type == String.self || type == ContentHTML.self || type == Bool.self || type == Int.self || type == [String: String].self {
                continue
            }
            if type == [String: Any].self {
                for (key, element) in value as! [String: Any] { push(element, container: place, key: key, index: 0) }
            } else if type == [[String: Any]].self {
                for (index, element) in (value as! [[String: Any]]).enumerated() { push(element, container: place, key: nil, index: index) }
            } else if value is AnyOptional {
                return path(to: place, in: places)
            } else if let dictionary = value as? [String: Any] {
                for (key, element) in dictionary { push(element, container: place, key: key, index: 0) }
            } else if let array = value as? [Any] {
                for (index, element) in array.enumerated() { push(element, container: place, key: nil, index: index) }
            }
        }
        return nil
    }

    /// `rows.2.source` for the value at `places[place]`.
    private static func path(to place: Int, in places: [(container: Int, key: String?, index: Int)]) -> String {
        var parts: [String] = []
        var place = place
        while place >= 0 {
            parts.append(places[place].key ?? String(places[place].index))
            place = places[place].container
        }
        return parts.reversed().joined(separator: ".")
    }
}

/// Any `Optional`, whatever it wraps: what template data must not hold.
private protocol AnyOptional {}
extension Optional: AnyOptional {}

// MARK: - Loading

extension TemplateLibrary {
    /// Every `{{…}}` tag of a template, its content trimmed, where it starts.
    private static func tags(in text: String, file: String) -> [(tag: String, location: SourceLocation)] {
        var uses: [(tag: String, location: SourceLocation)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let tag = rest[open.upperBound...]
                guard let close = tag.range(of: "}}") else { break }
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                uses.append(
                    (
                        tag[..<close.lowerBound].trimmingCharacters(in: .whitespaces),
                        SourceLocation(file: file, line: index + 1, column: column)
                    ))
                rest = tag[close.upperBound...]
            }
        }
        return uses
    }

    /// The strings of the site's `languages` (the file may hold others, as the built-in one does).
    static func loadStrings(_ text: String, file: String, languages: [String]) throws(SiteError) -> [String: [String: String]] {
        let yaml = YAMLReader(file: file)
        let root = try yaml.parse(text)
        var strings: [String: [String: String]] = [:]
        for pair in try yaml.mapping(root, "strings.yaml") where languages.contains(pair.key) {
            var table: [String: String] = [:]
            for entry in try yaml.mapping(pair.value, "the strings of \(pair.key)") {
                table[entry.key] = try yaml.string(entry.value, entry.key)
            }
            strings[pair.key] = table
        }
        for language in languages where strings[language] == nil {
            throw yaml.error("strings.yaml has no strings for '\(language)': add them, or the theme's file for that language", at: root)
        }
        let allKeys = Set(strings.values.flatMap(\.keys))
        for pair in try yaml.mapping(root, "strings.yaml") where languages.contains(pair.key) {
            if let missing = allKeys.subtracting(strings[pair.key]!.keys).sorted().first {
                throw yaml.error("strings.yaml: '\(missing)' is missing for '\(pair.key)'", at: pair.keyNode)
            }
        }
        return strings
    }
}
