import Foundation
import Support

/// One file of the built site: its path relative to the output folder and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}

/// What a build made, and what it has to say about the sources.
public struct BuildResult: Sendable {
    /// The site's files, sorted by path; empty when the build wrote them to a folder.
    public var files: [OutputFile]
    /// How many files the site has.
    public var fileCount: Int
    /// Warnings (a build with errors throws instead).
    public var warnings: [Diagnostic]
    /// HTML pages per language code (the landing page and 404 not counted).
    public var pagesPerLanguage: [(language: String, pages: Int)]
    public var tableCount: Int
    /// Per chapter and table, how much of it each language has.
    public var coverage: [CoverageLine]
    /// Seconds spent in each phase of the build, in order.
    public var timings: [(phase: String, seconds: Double)]
    /// Processor seconds of work done inside the phases on all cores at once (parsing within
    /// "load", writing within "render"), summed over the threads that did it.
    public var workTimings: [(work: String, seconds: Double)]
    /// Each report's print edition per language (`en/print/index.html`, `en/tel54/print/index.html`
    /// in a library) and the PDF made from it (`report.en.pdf`, `data/tel54/report.en.pdf`),
    /// relative to the output folder, for `rapporteur pdf`.
    public var printEditions: [(language: String, page: String, pdf: String)] = []
}

/// A line of the translation-coverage summary of `rapporteur check`.
public struct CoverageLine: Sendable {
    /// `chapter 04-plenary.md` or `table funding`.
    public var item: String
    /// Per language code: headings, words (Chinese counted in characters), table cells.
    public var counts: [(language: String, headings: Int, words: Int, cells: Int)]
}
