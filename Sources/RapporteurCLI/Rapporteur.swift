import ArgumentParser
import Foundation
import Integrity
import Rapporteur
import Support

@main
struct RapporteurCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapporteur",
        abstract: "Publishes a delegation's meeting report as a bilingual static site.",
        version: version,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, PdfCommand.self, NewCommand.self, ThemeCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// The version `rapporteur --version` prints.
let version = "0.5.0"

/// The project a command works on: `--project DIR`, or the current folder.
struct ProjectFolder: ParsableArguments {
    @Option(name: .customLong("project"), help: "The project folder (the one holding content/); by default the current folder.")
    var path: String?

    var root: URL {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return path.map { URL(fileURLWithPath: $0, relativeTo: current).standardizedFileURL } ?? current
    }
}

/// Options shared by the commands that build a project.
struct ProjectOptions: ParsableArguments {
    @OptionGroup var folder: ProjectFolder

    @Option(name: .customLong("base-url"), help: "The published address, overriding baseURL in content/site.yaml.")
    var baseURL: String?

    var root: URL { folder.root }
}

/// Prints diagnostics the way compilers do, so editors and CI can annotate them.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the site from content/ and Templates/ into public/.")

    @OptionGroup var options: ProjectOptions

    @Option(name: .customLong("output"), help: "The folder to write the site to, relative to the project folder.")
    var output: String = "public"

    @Flag(help: "Print the time taken by each phase of the build, and the processor time of parsing and writing summed over threads.")
    var timings = false

    @Flag(help: "Also run the integrity check (do the two languages state the same facts?) and fail on its findings.")
    var strict = false

    func run() throws {
        let started = Date()
        let outputURL = URL(fileURLWithPath: output, relativeTo: options.root).standardizedFileURL
        do {
            try OutputFolder.refuseUnsafe(outputURL, project: options.root)
            let result = try SiteBuilder.build(
                root: options.root, baseURL: options.baseURL, integrity: strict ? .errors : .off, writingTo: outputURL,
                freesMemory: false)
            report(result.warnings)
            if timings {
                let phases = result.timings.map { "\($0.phase) \(String(format: "%.4f", $0.seconds)) s" }.joined(separator: ", ")
                let work = result.workTimings.map { "\($0.work) \(String(format: "%.4f", $0.seconds)) s" }.joined(separator: ", ")
                print("\(phases); processor time summed over threads: \(work)")
            }
            let pages = result.pagesPerLanguage.map { "\($0.pages) \($0.language)" }.joined(separator: ", ")
            let seconds = String(format: "%.3f", Date().timeIntervalSince(started))
            print("Built \(output): pages \(pages); \(result.tableCount) tables; \(result.fileCount) files in \(seconds) s")
        } catch {
            report(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(Data("build failed with \(count) error(s); \(output) was not changed\n".utf8))
            throw ExitCode.failure
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Run every check of the build and write nothing.")

    @OptionGroup var options: ProjectOptions

    @Flag(help: "Fail on the integrity check's warnings (the two languages disagree).")
    var strict = false

    func run() throws {
        do {
            let result = try SiteBuilder.build(root: options.root, baseURL: options.baseURL, integrity: strict ? .errors : .warnings)
            report(result.warnings)
            printCoverage(result.coverage)
            printIntegrity(result.warnings)
            print("check passed: \(result.warnings.count) warning(s)")
        } catch {
            report(error.diagnostics)
            printIntegrity(error.diagnostics)
            throw ExitCode.failure
        }
    }

    private func printIntegrity(_ diagnostics: [Diagnostic]) {
        let counts = IntegrityReport.countsPerChapter(diagnostics)
        let total = counts.reduce(0) { $0 + $1.count }
        print("Integrity (the languages disagree): \(total) in all")
        for (chapter, count) in counts { print("\(chapter)\t\(count)") }
    }

    private func printCoverage(_ lines: [CoverageLine]) {
        guard let languages = lines.first?.counts.map(\.language) else { return }
        print("Translation coverage (headings / words / table cells):")
        let header = ["item"] + languages
        print(header.joined(separator: "\t"))
        for line in lines {
            let cells = line.counts.map { "\($0.headings) / \($0.words) / \($0.cells)" }
            print(([line.item] + cells).joined(separator: "\t"))
        }
    }
}
