import Model

extension Citation {
    /// Google Scholar's `citation_*` meta tags, name and content (escaped by the template).
    var metaTags: [[String: String]] {
        var tags: [(String, String)] = [("citation_title", title)]
        tags += authors.map { ("citation_author", $0) }
        if let published { tags.append(("citation_publication_date", Self.slashed(published))) }
        if let updated { tags.append(("citation_online_date", Self.slashed(updated))) }
        if let publisher { tags.append(("citation_technical_report_institution", publisher)) }
        if let reportNumber { tags.append(("citation_technical_report_number", reportNumber)) }
        tags.append(("citation_language", language.code))
        tags.append(("citation_abstract_html_url", homeURL))
        if let pdfURL { tags.append(("citation_pdf_url", pdfURL)) }
        return tags.map { ["name": $0.0, "content": $0.1] }
    }

    /// schema.org `Report` as JSON-LD, safe inside `<script>`: `<`, `>` and `&` are written as
    /// JSON escapes, so no text can close the element or open a comment.
    var jsonLD: String {
        var report: [String: Any] = [
            "@context": "https://schema.org", "@type": "Report", "name": title, "inLanguage": language.code, "url": homeURL,
        ]
        if !description.isEmpty { report["description"] = description }
        if !authors.isEmpty { report["author"] = authors.map { ["@type": "Organization", "name": $0] } }
        if let publisher { report["publisher"] = ["@type": "Organization", "name": publisher] }
        if let reportNumber { report["reportNumber"] = reportNumber }
        if let published { report["datePublished"] = published.iso }
        if let updated { report["dateModified"] = updated.iso }
        if let originalURL { report["isBasedOn"] = originalURL }
        if let licence { report["license"] = licence }
        if let pdfURL { report["encoding"] = ["@type": "MediaObject", "contentUrl": pdfURL, "encodingFormat": "application/pdf"] }
        if let meeting {
            var event: [String: Any] = ["@type": "Event", "name": meeting.name]
            if let place = meeting.place { event["location"] = ["@type": "Place", "name": place] }
            if let dates = meeting.dates {
                event["startDate"] = dates.start.iso
                event["endDate"] = dates.end.iso
            }
            report["about"] = event
        }
        return Self.scriptSafe(Self.json(report, pretty: false))
    }

    /// JSON text with the characters that mean something to an HTML parser inside `<script>`
    /// written as `\u` escapes; JSON's own syntax has none of them, so only strings change.
    static func scriptSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "&", with: "\\u0026").replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
    }

    /// `2016/06/12`, the form Google Scholar asks for.
    private static func slashed(_ date: CalendarDate) -> String {
        date.iso.replacingOccurrences(of: "-", with: "/")
    }
}
