import Foundation

/// Everything read from a project folder: settings, templates, tables and chapters, checked.
struct Project: Sendable {
    var config: SiteConfig
    var templates: TemplateLibrary
    /// Tables by name, sorted.
    var tables: [Table]
    /// Chapters per language code, ordered by their `NN`; drafts left out.
    let chapters: [String: [Chapter]]
    /// Static files under `Templates/assets/`, as paths relative to it.
    var assets: [String]
    var root: URL
    /// Chapters per language code and slug (slugs are unique within a language).
    private let chaptersBySlug: [String: [String: Chapter]]

    init(config: SiteConfig, templates: TemplateLibrary, tables: [Table], chapters: [String: [Chapter]], assets: [String], root: URL) {
        self.config = config
        self.templates = templates
        self.tables = tables
        self.chapters = chapters
        self.assets = assets
        self.root = root
        chaptersBySlug = chapters.mapValues { list in Dictionary(list.map { ($0.slug, $0) }) { first, _ in first } }
    }

    func table(named name: String) -> Table? { tables.first { $0.name == name } }

    /// The project with `chapter` in place of the loaded chapter of the same language and file name.
    func replacing(_ chapter: Chapter) -> Project {
        var chapters = chapters
        chapters[chapter.language.code] = chapters[chapter.language.code]?.map { $0.fileName == chapter.fileName ? chapter : $0 }
        return Project(config: config, templates: templates, tables: tables, chapters: chapters, assets: assets, root: root)
    }

    /// The chapter with `slug` in `language`, else in the default language.
    func chapter(slug: String, language: Language) -> Chapter? {
        chaptersBySlug[language.code]?[slug] ?? chaptersBySlug[config.defaultLanguage.code]?[slug]
    }
}

// MARK: - Loading

extension Project {
    /// Reads the project at `root`; all problems found are logged, and loading goes on past them
    /// so that one run reports as many as it can.
    static func load(root: URL, baseURL: String?, parsing: WorkTimer = WorkTimer(), log: inout DiagnosticLog) -> Project? {
        let content = root.appendingPathComponent("content")
        guard
            var config = log.collect({ () throws(SiteError) in
                try SiteConfig.load(
                    text: try SourceFile.read(content.appendingPathComponent("site.yaml"), as: "content/site.yaml"),
                    file: "content/site.yaml")
            })
        else { return nil }
        if let baseURL, let normalized = log.collect({ () throws(SiteError) in try SiteConfig.normalizedBaseURL(baseURL) }) {
            config.baseURL = normalized
        }
        let codes = config.languageCodes
        let templates = log.collect { () throws(SiteError) in
            try TemplateLibrary.load(
                directory: root.appendingPathComponent("Templates"), project: root, displayPath: "Templates", languages: codes)
        }
        let tables = loadTables(content.appendingPathComponent("tables"), root: root, languages: codes, log: &log)
        let chapters = loadChapters(content, root: root, languages: config.languages, parsing: parsing, log: &log)
        let assetListing = FileTree.files(under: root.appendingPathComponent("Templates/assets"), within: root)
        assetListing.logRefusedLinks(in: "Templates/assets", log: &log)
        let assets = assetListing.files
        guard let templates else { return nil }
        return Project(config: config, templates: templates, tables: tables, chapters: chapters, assets: assets, root: root)
    }

    private static func loadTables(_ folder: URL, root: URL, languages: [String], log: inout DiagnosticLog) -> [Table] {
        let listing = FileTree.files(under: folder, within: root)
        listing.logRefusedLinks(in: "content/tables", log: &log)
        return listing.files.filter { !$0.contains("/") }.compactMap { fileName -> Table? in
            let file = "content/tables/" + fileName
            guard fileName.hasSuffix(".yaml") else {
                log.warning("ignored: tables are .yaml files", at: SourceLocation(file: file))
                return nil
            }
            let name = String(fileName.dropLast(".yaml".count))
            guard Slug.isValid(name) else {
                log.error("a table's file name must be ASCII a-z 0-9 - followed by .yaml", at: SourceLocation(file: file))
                return nil
            }
            return log.collect { () throws(SiteError) in
                try Table.load(
                    name: name, text: try SourceFile.read(folder.appendingPathComponent(fileName), as: file), file: file,
                    languages: languages)
            }
        }
    }

    /// Every language's chapters (`content/CODE/*.md`), ordered by their `NN`; drafts left out.
    private static func loadChapters(_ content: URL, root: URL, languages: [Language], parsing: WorkTimer, log: inout DiagnosticLog)
        -> [String: [Chapter]]
    {
        let files = languages.flatMap { language in
            let listing = FileTree.files(under: content.appendingPathComponent(language.code), within: root)
            listing.logRefusedLinks(in: "content/" + language.code, log: &log)
            return listing.files.map { (language: language, name: $0) }
        }
        // Reading and parsing are independent per file: every language's on all cores at once,
        // checked in language and file order.
        let loaded = files.parallelMap { file -> Result<Chapter, SiteError>? in
            let path = "content/\(file.language.code)/\(file.name)"
            guard file.name.hasSuffix(".md"), !file.name.contains(Character("/")) else { return nil }
            let url = content.appendingPathComponent(file.language.code).appendingPathComponent(file.name)
            return Result { () throws(SiteError) in
                let text = try SourceFile.read(url, as: path)
                return try parsing.measure { () throws(SiteError) in
                    try Chapter.load(text: text, file: path, fileName: file.name, language: file.language)
                }
            }
        }
        var chapters = Dictionary(uniqueKeysWithValues: languages.map { ($0.code, [Chapter]()) })
        var slugs: [String: String] = [:]
        for (file, result) in zip(files, loaded) {
            let path = "content/\(file.language.code)/\(file.name)"
            switch result {
            case nil:
                log.warning("ignored: chapters are .md files directly in content/\(file.language.code)/", at: SourceLocation(file: path))
            case .failure(let error):
                log.append(contentsOf: error)
            case .success(let chapter):
                let key = file.language.code + "/" + chapter.slug
                if let other = slugs[key] {
                    log.error("duplicate slug '\(chapter.slug)': \(other) has it too", at: SourceLocation(file: path, line: 1, column: 1))
                    continue
                }
                slugs[key] = chapter.file
                if !chapter.isDraft { chapters[file.language.code, default: []].append(chapter) }
            }
        }
        return chapters.mapValues { $0.sorted { ($0.order, $0.fileName) < ($1.order, $1.fileName) } }
    }
}
