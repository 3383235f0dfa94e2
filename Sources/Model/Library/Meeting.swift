import Support

/// One meeting of a series (APEC TEL 54): from a report's `meeting:` or its series file.
public struct Meeting: Sendable {
    /// The series' file name under `content/meetings/` (`apec-tel`).
    public var series: String
    public var number: Int
    public var dates: DateRange?
    public var venue: LocalizedText?
    public var host: LocalizedText?
    public var location: SourceLocation

    /// The meeting's place on its series page: `meeting-54`.
    public var anchor: String { "meeting-\(number)" }
}

/// A reference to a meeting as tables and links write it: `apec-tel 54`.
public struct MeetingReference: Hashable, Sendable {
    public var series: String
    public var number: Int

    /// Reads `SERIES NUMBER`; nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, Slug.isValid(String(parts[0])), let number = Int(parts[1]), number >= 0 else { return nil }
        series = String(parts[0])
        self.number = number
    }

    public init(series: String, number: Int) {
        self.series = series
        self.number = number
    }

    public var text: String { "\(series) \(number)" }
}
