import Foundation
import Model

// MARK: - Plain text

extension Citation {
    /// The citation as a reader copies it, in the page's language: authors, title, publisher,
    /// number, meeting, date, address, each only when the site gives it.
    var plainText: String {
        let formatter = ValueFormatter(language: language)
        let titled = (strings["citeTitleFormat"] ?? "{title}").replacingOccurrences(of: "{title}", with: title)
        let number = reportNumber.map { (strings["colophonReportNumber"] ?? "") + " " + $0 }
        let parts: [String?] = [
            authors.isEmpty ? nil : authors.joined(separator: strings["citeListSeparator"] ?? ", "), titled, publisher, number,
            meetingText, published.map(formatter.date),
        ]
        let separator = strings["citeSeparator"] ?? ". "
        return (parts.compactMap(\.self) + [homeURL]).joined(separator: separator)
    }
}

// MARK: - BibTeX

extension Citation {
    /// A BibTeX `@techreport` entry; every value is escaped for TeX, and corporate authors are
    /// braced so that BibTeX does not split them into first and last names.
    var bibTeX: String {
        var fields: [(String, String)] = []
        if !authors.isEmpty { fields.append(("author", authors.map { "{" + Self.tex($0) + "}" }.joined(separator: " and "))) }
        fields.append(("title", "{" + Self.tex(title) + "}"))
        if let publisher { fields.append(("institution", Self.tex(publisher))) }
        if let reportNumber { fields.append(("number", Self.tex(reportNumber))) }
        if let published {
            fields.append(("year", String(published.year)))
            if let month = published.month { fields.append(("month", String(month))) }
        }
        if let meetingText { fields.append(("note", Self.tex(meetingText))) }
        fields.append(("url", Self.tex(homeURL)))
        fields.append(("language", language.code))
        let body = fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n")
        return "@techreport{\(key),\n\(body)\n}\n"
    }

    /// The entry's key: the ASCII words of the title, so the same in every build.
    var key: String {
        let words = title.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.prefix(5)
        return words.isEmpty ? "report" : words.joined(separator: "-")
    }

    /// Text as TeX reads it literally.
    static func tex(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "{", "}", "%", "&", "$", "#", "_": result += "\\" + String(character)
            case "^": result += "\\^{}"
            case "~": result += "\\~{}"
            default: result.append(character)
            }
        }
        return result
    }
}

// MARK: - CSL-JSON

extension Citation {
    /// A CSL-JSON item list (what Zotero and citeproc read), keys sorted so builds are identical.
    var cslJSON: String {
        var item: [String: Any] = [
            "id": key, "type": "report", "title": title, "URL": homeURL, "language": language.code,
        ]
        if !authors.isEmpty { item["author"] = authors.map { ["literal": $0] } }
        if let publisher { item["publisher"] = publisher }
        if let reportNumber { item["number"] = reportNumber }
        if let published { item["issued"] = ["date-parts": [Self.dateParts(published)]] }
        if let meeting {
            item["event-title"] = meeting.name
            if let place = meeting.place { item["event-place"] = place }
            if let dates = meeting.dates { item["event-date"] = ["date-parts": [Self.dateParts(dates.start), Self.dateParts(dates.end)]] }
        }
        if !description.isEmpty { item["abstract"] = description }
        return Self.json([item], pretty: true) + "\n"
    }

    static func dateParts(_ date: CalendarDate) -> [Int] {
        [date.year, date.month, date.day].compactMap(\.self)
    }

    /// JSON text of a value made of dictionaries, arrays, strings and numbers.
    static func json(_ value: Any, pretty: Bool) -> String {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        // Only dictionaries, arrays, strings and integers are passed in, which always serialise.
        let data = try! JSONSerialization.data(withJSONObject: value, options: options)
        return String(decoding: data, as: UTF8.self)
    }
}
