import Foundation
import Model
import Support

/// A site kept built in memory for `serve`, so that saving a chapter rebuilds only what shows it.
///
/// After an edit of chapters' text it reloads those chapters, gives their headings ids again
/// (and their translations', when the original's ids changed) and re-renders: their pages; their
/// neighbours, the pages listing them and the language home when a title or description changed;
/// the glossary page when a title or a heading changed (its source links name them);
/// the pages linking to them when their anchors changed. The search indexes are made when first
/// asked for. Any other change (settings, templates, tables, assets; a chapter added, removed,
/// re-slugged or made a draft) rebuilds the whole site. In a library, an edit of one report's
/// chapters or tables rebuilds that report alone (see `LiveSite+Library.swift`).
///
/// Not thread-safe: one thread (the watcher's) calls `update`.
public final class LiveSite: @unchecked Sendable {
    let root: URL
    private let baseURL: String
    var state: State?
    /// Changes whose build failed: built with the next change, so no broken file is forgotten.
    private var pending: Set<String> = []

    struct State {
        var build: Build
        /// The reports of a library; nil for a one-report site.
        var library: LibraryBuild? = nil
        var index: [String: [String: ExpandedChapter]]
        /// Every page's ids and links, and its ids alone, by output path.
        var pages: [String: LinkChecker.PageLinks]
        var ids: [String: Set<String>]
        var paths: Set<String>
        /// The source files the last whole build saw (`content/...`, `Templates/...`).
        var sources: Set<String>
        var warnings: [Diagnostic]
        var pagesPerLanguage: [(language: String, pages: Int)]
    }

    public init(root: URL, baseURL: String) {
        self.root = root
        self.baseURL = baseURL
    }

    /// Builds after a change to `changed` (paths relative to the project, such as
    /// `content/en/04-plenary.md`); nil, or the first call, builds everything.
    public func update(changed: Set<String>?) throws(SiteError) -> SiteUpdate {
        let changes = changed.map { $0.union(pending) }
        do {
            let update: SiteUpdate
            if let state, let changes, let edit = editedChapters(changes, in: state),
                let incremental = try rebuild(edit.chapters, in: edit.scope, state)
            {
                update = incremental
            } else if let state, let changes, let library = state.library, let report = editedReport(changes, in: library),
                let incremental = try rebuild(report, in: library, state)
            {
                update = incremental
            } else {
                update = try buildAll()
            }
            pending = []
            return update
        } catch {
            pending.formUnion(changed ?? [])
            throw error
        }
    }
}

/// Whether a table's notes or description cite a section whose number, heading or address
/// differs between the two indexes: every page showing that table must then be built again.
private func citesChangedSections(
    _ project: Project, before: [String: [String: ExpandedChapter]], after: [String: [String: ExpandedChapter]], urls: SiteURLs
) -> Bool {
    let old = SectionCitations.byLanguage(before, urls: urls)
    for (language, citations) in SectionCitations.byLanguage(after, urls: urls) {
        let changed = citations.changes(from: old[language] ?? SectionCitations([], urls: urls))
        if changed.isEmpty { continue }
        for table in project.tables {
            let texts = (table.notes + [table.description].compactMap { $0 }).compactMap { $0.text(in: language) }
            if texts.contains(where: { text in changed.contains { text.contains($0) } }) { return true }
        }
    }
    return false
}

/// What a `LiveSite` update made.
public struct SiteUpdate: Sendable {
    /// True when the whole site was built: `files` is then every file of the site; otherwise
    /// only the files that changed.
    public var isComplete: Bool
    public var files: [OutputFile]
    /// The search folders, their files made when first asked for.
    public var deferred: [DeferredFolder]
    public var warnings: [Diagnostic]
    public var pagesPerLanguage: [(language: String, pages: Int)]
}

/// A folder whose files are made only when one is first asked for (all of them, by one call),
/// then kept: their names (with hashes of their content) are not known before.
public struct DeferredFolder: Sendable {
    /// The folder's path in the site, ending with `/`.
    public let path: String
    let source: DeferredFiles

    /// The file at `path` (site-relative, in this folder), nil when there is none.
    public func data(at path: String) -> Data? { source.file(path) }

    /// Every file of the folder.
    public var files: [OutputFile] { source.files(in: path) }
}

// MARK: - Steps

private extension LiveSite {
    func buildAll() throws(SiteError) -> SiteUpdate {
        var timings = PhaseTimer()
        let build: Build
        let library: LibraryBuild?
        let output: Build.Output
        let warnings: [Diagnostic]
        if Library.isLibrary(root: root) {
            let run = try LibraryBuild.run(
                root: root, baseURL: baseURL, integrity: .off, into: OutputSink(), deferSearch: true, timings: &timings)
            (build, library, output, warnings) = (run.build.site, run.build, run.output, run.warnings)
        } else {
            let run = try Build.run(root: root, baseURL: baseURL, integrity: .off, into: OutputSink(), deferSearch: true, timings: &timings)
            (build, library, output, warnings) = (run.build, nil, run.output, run.warnings)
        }
        state = State(
            build: build, library: library, index: output.index,
            pages: Dictionary(uniqueKeysWithValues: output.pages.map { ($0.path, $0) }),
            ids: Dictionary(uniqueKeysWithValues: output.pages.map { ($0.path, $0.ids) }), paths: Set(output.paths),
            sources: Set(
                ["content", "Templates"].flatMap { folder in
                    FileTree.files(under: root.appendingPathComponent(folder), within: root).files.map { folder + "/" + $0 }
                }), warnings: warnings, pagesPerLanguage: output.pagesPerLanguage)
        return SiteUpdate(
            isComplete: true, files: output.files,
            deferred: Self.searchIndexes(build, library?.resolved ?? [(build, output.index)]), warnings: warnings,
            pagesPerLanguage: output.pagesPerLanguage)
    }

    /// The changed chapters as (language, file name) and the report they are in, or nil when
    /// something else changed.
    func editedChapters(_ changes: Set<String>, in state: State) -> (scope: Scope, chapters: [(Language, String)])? {
        var scope: Scope?
        var chapters: [(Language, String)] = []
        for path in changes.sorted() {
            // A file that is gone and was never a source is a tool's temporary file (`sed -i`, editors).
            if !state.sources.contains(path), !FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) { continue }
            guard let found = state.scopes.first(where: { path.hasPrefix($0.build.project.report.folder + "/") }),
                scope == nil || scope?.position == found.position
            else { return nil }
            let parts = path.dropFirst(found.build.project.report.folder.count + 1).split(separator: "/").map(String.init)
            guard parts.count == 2, parts[1].hasSuffix(".md"),
                let language = found.build.config.languages.first(where: { $0.code == parts[0] }),
                found.index[language.code]?[parts[1]] != nil
            else { return nil }
            scope = found
            chapters.append((language, parts[1]))
        }
        return scope.map { ($0, chapters) }
    }

    /// Rebuilds what depends on the edited chapters of `scope`; nil when the edit needs a whole build.
    func rebuild(_ edited: [(Language, String)], in scope: Scope, _ state: State) throws(SiteError) -> SiteUpdate? {
        var log = DiagnosticLog()
        var project = scope.build.project
        var relisted: Set<String> = []
        for (language, fileName) in edited {
            let file = project.report.path("\(language.code)/\(fileName)")
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path) else { return nil }
            let text = try SourceFile.read(root.appendingPathComponent(file), as: file)
            let chapter = try Chapter.load(text: text, file: file, fileName: fileName, language: language)
            guard let old = scope.index[language.code]?[fileName]?.chapter, chapter.slug == old.slug, !chapter.isDraft else { return nil }
            if chapter.title != old.title || chapter.description != old.description || chapter.numbering != old.numbering {
                relisted.insert(language.code)
            }
            project = project.replacing(chapter)
        }
        let build = Build(project: project, integrity: .off, urls: scope.build.urls, library: scope.build.library)
        let (index, redone, moved) = build.reexpand(edited, previous: scope.index, log: &log)
        guard !citesChangedSections(project, before: scope.index, after: index, urls: build.urls) else { return nil }
        // Other reports of a library may link to the ids that moved: the library's rebuild checks them.
        guard scope.position == nil || moved.isEmpty else { return nil }
        build.checkTableSources(index, log: &log)

        let pages = PageBuilder(build: build, index: index)
        var jobs: [String: PageBuilder.Job] = [:]
        func add(_ job: PageBuilder.Job) { jobs[pages.outputPath(job)] = job }
        func position(_ language: Language, _ fileName: String) -> Int? {
            project.chapters[language.code]?.firstIndex { $0.fileName == fileName }
        }
        for (language, fileName) in redone {
            let chapters = project.chapters[language.code] ?? []
            guard let position = position(language, fileName) else { continue }
            add(.chapter(language, position: position))
            // The print edition holds every chapter of its language.
            if project.hasPrintEdition(language) { add(.printEdition(language)) }
            if relisted.contains(language.code) {
                let listing = chapters.count > PageBuilder.fullNavigationLimit ? PageBuilder.navigationWindow : chapters.count
                for neighbour in max(0, position - listing)..<min(chapters.count, position + listing + 1) {
                    add(.chapter(language, position: neighbour))
                }
                add(.home(language))
                // Table pages and the tables index list the chapters too.
                for table in project.tables { add(.table(table, language)) }
                if !project.tables.isEmpty { add(.tablesIndex(language)) }
            }
        }
        // The glossary page names the chapter and section of each row's source.
        let renamed = redone.contains { language, fileName in
            let (old, new) = (scope.index[language.code]?[fileName], index[language.code]?[fileName])
            return old?.chapter.title != new?.chapter.title || old?.outline.map(\.text) != new?.outline.map(\.text)
        }
        if renamed, let glossary = project.table(named: build.config.glossary.table) {
            for language in build.config.languages { add(.table(glossary, language)) }
        }
        if !moved.isEmpty {
            // Pages linking to a chapter whose anchors changed are rendered (and so checked) again.
            let targets = Set(
                moved.compactMap { language, fileName in
                    position(language, fileName).map { pages.outputPath(.chapter(language, position: $0)) }
                })
            let before = LinkChecker(paths: state.paths, ids: state.ids, basePath: build.urls.basePath)
            let linking = Set(before.pages(state.pages.values, linkingTo: targets))
            for job in pages.jobs() where linking.contains(pages.outputPath(job)) { add(job) }
        }

        let sink = OutputSink()
        pages.render(jobs.keys.sorted().compactMap { jobs[$0] }, into: sink, log: &log)
        let files = Set(redone.map { project.report.path("\($0.0.code)/\($0.1)") })
        return try keep(
            sink.collected(), of: Scope(build: build, index: index, position: scope.position), state, log: &log,
            redoing: { files.contains($0) })
    }

}

extension LiveSite {
    /// The search folders of the site kept in `state`.
    static func searchIndexes(_ state: State) -> [DeferredFolder] {
        let site = state.library?.site ?? state.build
        return searchIndexes(site, state.scopes.map { ($0.build, $0.index) })
    }

    /// The search folders of `reports`, their files made together the first time one of them is asked for.
    static func searchIndexes(_ build: Build, _ reports: [(build: Build, index: [String: [String: ExpandedChapter]])]) -> [DeferredFolder] {
        let all = DeferredFiles { build.searchIndexFiles(reports) }
        let basePath = build.urls.basePath
        return build.config.languages.map { DeferredFolder(path: String(build.urls.search($0).dropFirst(basePath.count)), source: all) }
    }
}

/// Files made by one call, the first time one of them is asked for.
final class DeferredFiles: @unchecked Sendable {
    private let make: @Sendable () -> [OutputFile]
    private let lock = NSLock()
    private var made: [String: Data]?

    init(make: @escaping @Sendable () -> [OutputFile]) {
        self.make = make
    }

    func file(_ path: String) -> Data? { all()[path] }

    func files(in folder: String) -> [OutputFile] {
        all().filter { $0.key.hasPrefix(folder) }.map { OutputFile(path: $0.key, data: $0.value) }.sorted { $0.path < $1.path }
    }

    private func all() -> [String: Data] {
        lock.withLock {
            let files = made ?? Dictionary(make().map { ($0.path, $0.data) }) { first, _ in first }
            made = files
            return files
        }
    }
}

extension Build {
    /// Expands the edited chapters again, and the translations of edited originals whose heading
    /// ids changed. Returns the new index, the chapters expanded, and those whose anchors changed
    /// (pages linking to them must be checked again).
    func reexpand(_ edited: [(Language, String)], previous: [String: [String: ExpandedChapter]], log: inout DiagnosticLog) -> (
        index: [String: [String: ExpandedChapter]], redone: [(Language, String)], moved: [(Language, String)]
    ) {
        let pipeline = ChapterPipeline(build: self, index: previous)
        let defaultCode = config.originalLanguage.code
        var index = previous
        var redone: [(Language, String)] = []
        var moved: [(Language, String)] = []
        var idsChanged: Set<String> = []
        for language in config.languages {
            var fileNames = edited.filter { $0.0.code == language.code }.map(\.1)
            if language.code != defaultCode {
                fileNames += idsChanged.filter { name in index[language.code]?[name] != nil && !fileNames.contains(name) }.sorted()
            }
            for fileName in fileNames {
                guard let chapter = project.chapters[language.code]?.first(where: { $0.fileName == fileName }) else { continue }
                let old = previous[language.code]?[fileName]
                let new = expand(chapter, original: index[defaultCode]?[fileName], pipeline: pipeline, log: &log)
                index[language.code]?[fileName] = new
                redone.append((language, fileName))
                if new.anchors != old?.anchors { moved.append((language, fileName)) }
                if language.code == defaultCode, new.outline.map(\.id) != old?.outline.map(\.id) { idsChanged.insert(fileName) }
            }
        }
        return (index, redone, moved)
    }
}
