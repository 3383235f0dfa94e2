import Foundation
import Support
import Yams

/// A series of meetings (`content/meetings/apec-tel.yaml`): its names, the body that holds it,
/// and the meetings known without a report (a future host, a meeting nobody reported on).
public struct MeetingSeries: Sendable {
    /// The file name without `.yaml`: the series' address and how reports name it.
    public var id: String
    public var name: LocalizedText
    /// The name before a meeting's number: "APEC TEL" in "APEC TEL 54"; or, holding
    /// `{number}`, the whole name: "第 {number} 次論壇".
    public var short: LocalizedText
    /// The organising body.
    public var body: LocalizedText?
    public var meetings: [Meeting]
    public var file: String

    /// The meeting's name in a language: `APEC TEL 54`.
    public func meetingName(_ number: Int, in language: String, fallback languages: [String]) -> String {
        let short = short.text(in: language, fallback: languages)
        return short.contains("{number}") ? short.replacingOccurrences(of: "{number}", with: String(number)) : short + " \(number)"
    }
}

// MARK: - Loading

extension MeetingSeries {
    package static let keys = ["name", "short", "body", "meetings"]
    package static let folder = "content/meetings"

    package static func load(id: String, text: String, file: String, languages: [String]) throws(SiteError) -> MeetingSeries {
        let yaml = YAMLReader(file: file)
        let fields = try YAMLMapping(try yaml.parse(text), "a meeting series", allowed: keys, yaml: yaml)
        let name = try fields.requiredLocalized("name", languages: languages)
        var series = MeetingSeries(
            id: id, name: name, short: try fields.localized("short", languages: languages) ?? name,
            body: try fields.localized("body", languages: languages), meetings: [], file: file)
        var numbers: Set<Int> = []
        for node in try fields.sequence("meetings") {
            let meeting = try Meeting.load(node, series: id, what: "a meeting", yaml: yaml, languages: languages, needsDates: false)
            guard numbers.insert(meeting.number).inserted else {
                throw yaml.error("meeting \(meeting.number) is listed twice", at: node)
            }
            series.meetings.append(meeting)
        }
        return series
    }
}

extension Meeting {
    package static let keys = ["number", "dates", "venue", "host"]

    /// Reads a meeting's mapping: `number`, `dates` (a date or a date range), `venue`, `host`;
    /// in a report's `meeting:` also `series`, and the dates are required.
    package static func load(
        _ node: Node, series: String?, what: String, yaml: YAMLReader, languages: [String], needsDates: Bool
    ) throws(SiteError) -> Meeting {
        let fields = try YAMLMapping(node, what, allowed: (series == nil ? ["series"] : []) + keys, yaml: yaml)
        let numberNode = try fields.required("number")
        guard let number = Int(try yaml.string(numberNode, "number")), number >= 0 else {
            throw yaml.error("a meeting's number must be a whole number such as 54", at: numberNode)
        }
        let seriesID: String
        if let series {
            seriesID = series
        } else {
            let seriesNode = try fields.required("series")
            seriesID = try yaml.string(seriesNode, "series")
            guard Slug.isValid(seriesID) else {
                throw yaml.error("series must name a file of content/meetings/ (ASCII a-z 0-9 -), got '\(seriesID)'", at: seriesNode)
            }
        }
        var dates: DateRange?
        if let datesNode = needsDates ? try fields.required("dates") : fields["dates"] {
            let text = try yaml.string(datesNode, "dates")
            guard let range = DateRange(parsing: text) ?? CalendarDate(parsing: text).map(DateRange.init(day:)) else {
                throw yaml.error("dates must be a date (2016-10-31) or a range (2016-10-31/2016-11-04), got '\(text)'", at: datesNode)
            }
            dates = range
        }
        return Meeting(
            series: seriesID, number: number, dates: dates, venue: try fields.localized("venue", languages: languages),
            host: try fields.localized("host", languages: languages), location: yaml.location(of: node))
    }
}
