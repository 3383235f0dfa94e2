import Foundation
import Support

/// A library of reports (`content/reports/`): one site of many reports, linked by the meetings
/// they report on. Each report is loaded as a one-report site would be, under its own folder.
package struct Library: Sendable {
    /// The library's `site.yaml`: its address, languages, title and publisher.
    package var config: SiteConfig
    /// Meeting series by id, sorted.
    package var series: [MeetingSeries]
    /// The reports, newest meeting first.
    package var reports: [LibraryReport]
    /// `content/glossary.yaml`, which every report's glossary starts with.
    package var glossary: Table?

    package static let reportsFolder = "content/reports"
    package static let glossaryFile = "content/glossary.yaml"

    /// Whether the project at `root` is a library: its `content/` has a `reports/` folder.
    package static func isLibrary(root: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: root.appendingPathComponent(reportsFolder).path, isDirectory: &isFolder)
            && isFolder.boolValue
    }

    package func series(_ id: String) -> MeetingSeries? { series.first { $0.id == id } }

    package func report(_ id: String) -> LibraryReport? { reports.first { $0.id == id } }

    /// Every meeting of a series, by number: those of its file, with the reports' own details
    /// where a report covers one (a report knows its meeting's dates and venue best).
    package func meetings(of series: MeetingSeries) -> [Meeting] {
        var byNumber = Dictionary(series.meetings.map { ($0.number, $0) }) { first, _ in first }
        for report in reports where report.settings.meeting.series == series.id {
            let meeting = report.settings.meeting
            var merged = byNumber[meeting.number] ?? meeting
            merged.dates = meeting.dates ?? merged.dates
            merged.venue = meeting.venue ?? merged.venue
            merged.host = meeting.host ?? merged.host
            byNumber[meeting.number] = merged
        }
        return byNumber.values.sorted { $0.number < $1.number }
    }

    /// The reports on a meeting, in library order.
    package func reports(on meeting: MeetingReference) -> [LibraryReport] {
        reports.filter { $0.settings.meeting.series == meeting.series && $0.settings.meeting.number == meeting.number }
    }
}

/// One report of a library: its id (its folder's name), its `report.yaml` and its content.
package struct LibraryReport: Sendable {
    package var id: String
    package var settings: ReportSettings
    package var report: Report

    /// Newest meeting first; reports on one day by id.
    package static func newestFirst(_ lhs: LibraryReport, _ rhs: LibraryReport) -> Bool {
        let (left, right) = (lhs.settings.meeting.dates?.start, rhs.settings.meeting.dates?.start)
        if left != right, let left, let right { return left > right }
        return lhs.id < rhs.id
    }
}

// MARK: - Loading

extension Library {
    /// Reads the library at `root`: settings, the site glossary, meeting series, then every
    /// report. Problems are logged; one report's errors do not stop the others from loading.
    package static func load(root: URL, baseURL: String?, parsing: WorkTimer = WorkTimer(), log: inout DiagnosticLog) -> Library? {
        guard let config = SiteConfig.load(root: root, baseURL: baseURL, log: &log) else { return nil }
        let glossary = loadGlossary(root: root, config: config, log: &log)
        let series = loadSeries(root: root, languages: config.languageCodes, log: &log)
        // Reports are independent: read on all cores.
        var reports = folders(Self.reportsFolder, root: root).parallelMap(log: &log) { id, reportLog in
            loadReport(id, config: config, glossary: glossary, root: root, parsing: parsing, log: &reportLog)
        }.compactMap { $0 }
        reports.sort(by: LibraryReport.newestFirst)
        let library = Library(config: config, series: series, reports: reports, glossary: glossary)
        library.checkMeetings(log: &log)
        return library
    }

    /// The report in `reportsFolder/id`: its settings, then its tables and chapters; nil, with
    /// the reason logged, when it cannot be read.
    private static func loadReport(
        _ id: String, config: SiteConfig, glossary: Table?, root: URL, parsing: WorkTimer, log: inout DiagnosticLog
    ) -> LibraryReport? {
        let folder = Self.reportsFolder + "/" + id
        guard Slug.isValid(id) else {
            log.error("a report's folder name must be ASCII a-z 0-9 -", at: SourceLocation(file: folder))
            return nil
        }
        let file = folder + "/" + ReportSettings.fileName
        guard
            let settings = log.collect({ () throws(SiteError) in
                try ReportSettings.load(
                    text: try SourceFile.read(root.appendingPathComponent(file), as: file), file: file, languages: config.languageCodes)
            })
        else { return nil }
        let present = Set(folders(folder, root: root))
        let languages = config.languages.filter { present.contains($0.code) }
        guard !languages.isEmpty else {
            log.error(
                "a report needs chapters in a language folder (\(config.languageCodes.map { folder + "/" + $0 }.joined(separator: ", ")))",
                at: SourceLocation(file: file))
            return nil
        }
        if let original = settings.original, !languages.contains(where: { $0.code == original }) {
            log.error("original '\(original)': the report has no \(folder)/\(original)/ folder", at: SourceLocation(file: file))
            return nil
        }
        let report = Report.load(
            config: settings.config(over: config, languages: languages), folder: folder, root: root, parsing: parsing, log: &log,
            extraTables: glossary.map { [$0] } ?? [])
        return LibraryReport(id: id, settings: settings, report: report)
    }

    /// The names of the folders directly in `path`, sorted.
    private static func folders(_ path: String, root: URL) -> [String] {
        let url = root.appendingPathComponent(path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isFolder)
                && isFolder.boolValue
        }.sorted()
    }

    /// `content/glossary.yaml`, a table every report's glossary starts with.
    private static func loadGlossary(root: URL, config: SiteConfig, log: inout DiagnosticLog) -> Table? {
        let url = root.appendingPathComponent(glossaryFile)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return log.collect { () throws(SiteError) in
            try Table.load(
                name: config.glossary.table, text: try SourceFile.read(url, as: glossaryFile), file: glossaryFile,
                languages: config.languageCodes)
        }
    }

    private static func loadSeries(root: URL, languages: [String], log: inout DiagnosticLog) -> [MeetingSeries] {
        let listing = FileTree.files(under: root.appendingPathComponent(MeetingSeries.folder), within: root)
        listing.logRefusedLinks(in: MeetingSeries.folder, log: &log)
        return listing.files.compactMap { fileName -> MeetingSeries? in
            let file = MeetingSeries.folder + "/" + fileName
            let id = String(fileName.dropLast(".yaml".count))
            guard fileName.hasSuffix(".yaml"), !fileName.contains("/"), Slug.isValid(id) else {
                log.error(
                    "a meeting series is a file NAME.yaml directly in \(MeetingSeries.folder)/, NAME in ASCII a-z 0-9 -",
                    at: SourceLocation(file: file))
                return nil
            }
            return log.collect { () throws(SiteError) in
                try MeetingSeries.load(
                    id: id, text: try SourceFile.read(root.appendingPathComponent(file), as: file), file: file, languages: languages)
            }
        }
    }

    /// Every report's meeting has a series, and every `meeting` cell names a known meeting.
    private func checkMeetings(log: inout DiagnosticLog) {
        for report in reports {
            let meeting = report.settings.meeting
            if series(meeting.series) == nil {
                log.error(
                    "unknown meeting series '\(meeting.series)': there is no \(MeetingSeries.folder)/\(meeting.series).yaml",
                    at: meeting.location)
            }
        }
        let known = Set(series.flatMap { series in meetings(of: series).map { MeetingReference(series: series.id, number: $0.number) } })
        for report in reports {
            for table in report.report.tables {
                for (column, type) in table.columns.enumerated().map({ ($0, $1.type) }) where type == .meeting {
                    for row in table.rows {
                        guard case .meeting(let meeting) = row.values[column], !known.contains(meeting) else { continue }
                        let reason =
                            series(meeting.series) == nil
                            ? "there is no \(MeetingSeries.folder)/\(meeting.series).yaml"
                            : "no report is on it and \(MeetingSeries.folder)/\(meeting.series).yaml does not list it"
                        log.error("unknown meeting '\(meeting.text)': \(reason)", at: row.location)
                    }
                }
            }
        }
    }
}
