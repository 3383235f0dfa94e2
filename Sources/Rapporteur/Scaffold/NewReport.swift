import Foundation
import Support

/// `rapporteur new`: a project that builds, checks and serves at once, in the languages asked
/// for: `content/site.yaml`, a chapter in each language, a small table, a glossary, and a
/// README for its editors. The theme is built in, so there is no `Templates/`, unless a language
/// has no interface strings in it: then `Templates/strings.yaml` holds English ones to translate.
public enum NewReport {
    /// The languages whose sample text ships with the tool; others get the English text.
    public static let knownLanguages = ["zh-Hant", "zh-Hans", "en", "ja", "ko", "es", "fr"]

    /// Writes a new project into `folder` (made if missing); refuses to replace any file there.
    public static func create(at folder: URL, languages: [String]) throws(SiteError) {
        guard !languages.isEmpty else { throw SiteError("--languages: name at least one language", at: nil) }
        for code in languages where !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) || code.isEmpty {
            throw SiteError("--languages: '\(code)' is not a language code such as en or zh-Hant", at: nil)
        }
        guard Set(languages.map { $0.lowercased() }).count == languages.count else {
            throw SiteError("--languages: a language is named twice", at: nil)
        }
        let files = self.files(languages: languages)
        let manager = FileManager.default
        for path in files.keys.sorted() where manager.fileExists(atPath: folder.appendingPathComponent(path).path) {
            throw SiteError("\(path) exists already: make a new report in a new or empty folder", at: SourceLocation(file: folder.path))
        }
        do {
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                let file = folder.appendingPathComponent(path)
                try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
            }
        } catch {
            throw SiteError("cannot write the new report: \(error.localizedDescription)", at: SourceLocation(file: folder.path))
        }
    }

    /// The project's files by path.
    static func files(languages: [String]) -> [String: String] {
        var files = [
            "content/site.yaml": siteYAML(languages),
            "content/tables/participants.yaml": participantsYAML(languages),
            "content/tables/glossary.yaml": glossaryYAML(languages),
            "README.md": readme(languages),
        ]
        if let strings = stringsToTranslate(languages) { files["Templates/strings.yaml"] = strings }
        for code in languages {
            let text = texts(code)
            files["content/\(code)/01-summary.md"] =
                "---\ntitle: \(quoted(text["chapterTitle"]))\ndescription: \(quoted(text["chapterDescription"]))\n---\n\n"
                + (text["chapterBody"] ?? "")
        }
        return files
    }

    /// The theme's interface strings for `languages`, English for those the theme lacks; nil
    /// when it has them all.
    private static func stringsToTranslate(_ languages: [String]) -> String? {
        guard let file = BuiltInTheme.files.first(where: { $0.path == "strings.yaml" }),
            let strings = try? TemplateLibrary.loadStrings(
                String(decoding: file.bytes, as: UTF8.self), file: "strings.yaml",
                languages: languages.filter(knownLanguages.contains) + ["en"]),
            languages.contains(where: { strings[$0] == nil })
        else { return nil }
        return "# The interface strings of this report's languages. Those in English under another language's\n"
            + "# code are for you to translate.\n"
            + languages.map { code in
                code + ":\n"
                    + (strings[code] ?? strings["en"]!).sorted { $0.key < $1.key }.map { "  \($0.key): \(quoted($0.value))\n" }.joined()
            }.joined()
    }

    private static func texts(_ code: String) -> [String: String] {
        ReportSamples.texts[code] ?? ReportSamples.texts["en"]!
    }

    /// `{zh-Hant: "…", en: "…"}`: one text per language.
    private static func localized(_ key: String, _ languages: [String]) -> String {
        "{" + languages.map { "\($0): \(quoted(texts($0)[key]))" }.joined(separator: ", ") + "}"
    }

    /// A YAML string in double quotes (JSON's escaping is YAML's).
    private static func quoted(_ text: String?) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text ?? ""])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }

    private static func siteYAML(_ languages: [String]) -> String {
        let list = languages.map { code in
            let name = ReportSamples.texts[code]?["languageName"] ?? code
            return "  - code: \(code)\n    name: \(quoted(name))\n"
        }.joined()
        return """
            # The report's settings. The first language is the original; the others are its translations.
            # Set baseURL to the address the site will be published at.
            baseURL: https://example.org/
            languages:
            \(list)title: \(localized("title", languages))
            subtitle: \(localized("subtitle", languages))
            description: \(localized("description", languages))
            # What the home page says of the meeting, in this order.
            facts:
              - label: \(localized("factMeeting", languages))
                type: text
                value: \(localized("sampleMeetingName", languages))
              - label: \(localized("factDates", languages))
                type: date-range
                value: 2026-05-12/2026-05-14
              - label: \(localized("factVenue", languages))
                type: text
                value: \(localized("sampleVenue", languages))

            """
    }

    private static func participantsYAML(_ languages: [String]) -> String {
        """
        caption: \(localized("tableCaption", languages))
        columns:
          - id: name
            label: \(localized("columnName", languages))
            type: text
          - id: role
            label: \(localized("columnRole", languages))
            type: status
            values:
              lead: \(localized("roleLead", languages))
              member: \(localized("roleMember", languages))
          - id: days
            label: \(localized("columnDays", languages))
            type: number
        totals: [days]
        rows:
          - name: A. Example
            role: lead
            days: 3
          - name: B. Example
            role: member
            days: 2

        """
    }

    private static func glossaryYAML(_ languages: [String]) -> String {
        """
        caption: \(localized("glossaryCaption", languages))
        columns:
          - id: acronym
            label: \(localized("glossaryAcronym", languages))
            type: text
          - id: expansion
            label: \(localized("glossaryExpansion", languages))
            type: text
        rows:
          - acronym: APEC
            expansion: \(localized("glossaryTermExpansion", languages))

        """
    }

    private static func readme(_ languages: [String]) -> String {
        """
        # A report made with Rapporteur

        - `content/site.yaml`: the title, the languages (\(languages.joined(separator: ", ")); the first is the original) and the
          facts of the meeting shown on the home page.
        - `content/<language>/NN-slug.md`: the chapters, in Markdown, with the same file name in every language.
        - `content/tables/NAME.yaml`: tables with typed columns, placed in a chapter with a ```` ```table NAME ```` block;
          `glossary.yaml` explains acronyms where they are first used.

        Commands, run in this folder:

        - `rapporteur serve`: a preview at http://127.0.0.1:8000/ that reloads when you save;
        - `rapporteur check --strict`: every check, and whether the languages state the same facts;
        - `rapporteur build`: the site in `public/`, plain files for any web server.

        To change how the site looks, `rapporteur theme export Templates` copies the built-in theme
        into `Templates/`; keep only the files you change, the rest stays built in.

        """
    }
}
