import Foundation
import Markdown
import Model

extension Build {
    /// How many reports a feed lists, newest first.
    static let feedEntries = 50

    /// A library's Atom feed per language (`/<lang>/feed.xml`): its newest reports.
    func feedFiles() -> [OutputFile] {
        guard let context = library, isLibrarySite else { return [] }
        let codes = config.languageCodes
        let reports = context.library.reports.prefix(Self.feedEntries)
        return config.languages.map { language in
            let text = { (localized: LocalizedText) in HTML.escape(localized.text(in: language.code, fallback: codes)) }
            let home = urls.absolute(urls.siteHome(language))
            let updated = reports.map(Self.updated).max() ?? "1970-01-01T00:00:00Z"
            var lines = [
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(language.code)\">",
                "  <title>\(text(config.title))</title>",
                "  <subtitle>\(text(config.description))</subtitle>",
                "  <id>\(HTML.escape(home))</id>",
                "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(HTML.escape(urls.absolute(urls.feed(language))))\"/>",
                "  <link rel=\"alternate\" type=\"text/html\" href=\"\(HTML.escape(home))\"/>",
                "  <updated>\(updated)</updated>",
                "  <author><name>\(text(config.publisher ?? config.title))</name></author>",
            ]
            for entry in reports {
                let languages = entry.report.config.languages
                let shown = languages.contains(language) ? language : languages[0]
                let href = HTML.escape(urls.absolute(context.urls.forReport(entry.id).home(shown)))
                lines += [
                    "  <entry>",
                    "    <title>\(text(entry.settings.title))</title>",
                    "    <id>\(href)</id>",
                    "    <link rel=\"alternate\" type=\"text/html\" hreflang=\"\(shown.code)\" href=\"\(href)\"/>",
                    "    <updated>\(Self.updated(entry))</updated>",
                    "    <summary>\(text(entry.settings.description))</summary>",
                    "  </entry>",
                ]
            }
            lines.append("</feed>")
            return OutputFile(path: urls.outputFile(of: urls.feed(language)), text: lines.joined(separator: "\n") + "\n")
        }
    }

    /// When a report last changed, as Atom writes it: its `updated` or `published` date, else
    /// the last day of its meeting.
    private static func updated(_ entry: LibraryReport) -> String {
        let publication = entry.settings.publication
        let date = publication?.updated ?? publication?.published ?? entry.settings.meeting.dates?.end
        guard let date else { return "1970-01-01T00:00:00Z" }
        return String(format: "%04d-%02d-%02dT00:00:00Z", date.year, date.month ?? 1, date.day ?? 1)
    }
}
