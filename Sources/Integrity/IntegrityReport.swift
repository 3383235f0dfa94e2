import Support

/// How `rapporteur check` recognises and counts the integrity check's diagnostics.
public enum IntegrityReport {
    /// Every integrity message starts with this.
    public static let prefix = "integrity: "

    /// The number of integrity diagnostics per chapter (the file name that pairs the two
    /// languages: `04-plenary.md`), per table (`tables/funding.yaml`) and for the exceptions
    /// file, sorted by name; in a library, each under its report (`tel54/04-plenary.md`).
    public static func countsPerChapter(_ diagnostics: [Diagnostic]) -> [(chapter: String, count: Int)] {
        var counts: [(chapter: String, count: Int)] = []
        for diagnostic in diagnostics where diagnostic.message.hasPrefix(prefix) {
            let chapter = item(diagnostic.location?.file ?? "")
            if let index = counts.firstIndex(where: { $0.chapter == chapter }) {
                counts[index].count += 1
            } else {
                counts.append((chapter, 1))
            }
        }
        return counts.sorted { $0.chapter < $1.chapter }
    }

    /// What a file's diagnostics are counted under: `04-plenary.md` for either language's
    /// chapter, `tables/funding.yaml`, and in a library the same under the report's id.
    private static func item(_ file: String) -> String {
        var path = file.hasPrefix("content/") ? file.dropFirst("content/".count) : Substring(file)
        var report = ""
        if path.hasPrefix("reports/") {
            let inReports = path.dropFirst("reports/".count)
            if let slash = inReports.firstIndex(of: "/") {
                report = inReports[..<slash] + "/"
                path = inReports[inReports.index(after: slash)...]
            }
        }
        let within = path.hasPrefix("tables/") || !path.hasSuffix(".md") ? String(path) : String(path.split(separator: "/").last ?? "")
        return report + within
    }
}
