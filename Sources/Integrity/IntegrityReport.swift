import Support

/// How `rapporteur check` recognises and counts the integrity check's diagnostics.
public enum IntegrityReport {
    /// Every integrity message starts with this.
    public static let prefix = "integrity: "

    /// The number of integrity diagnostics per chapter (the file name that pairs the two
    /// languages: `04-plenary.md`), per table (`tables/funding.yaml`) and for the exceptions
    /// file, sorted by name.
    public static func countsPerChapter(_ diagnostics: [Diagnostic]) -> [(chapter: String, count: Int)] {
        var counts: [(chapter: String, count: Int)] = []
        for diagnostic in diagnostics where diagnostic.message.hasPrefix(prefix) {
            let file = diagnostic.location?.file ?? ""
            let chapter =
                file.hasPrefix("content/tables/") || !file.hasSuffix(".md")
                ? String(file.dropFirst("content/".count)) : String(file.split(separator: "/").last ?? "")
            if let index = counts.firstIndex(where: { $0.chapter == chapter }) {
                counts[index].count += 1
            } else {
                counts.append((chapter, 1))
            }
        }
        return counts.sorted { $0.chapter < $1.chapter }
    }
}
