import ArgumentParser
import Foundation
import Rapporteur
import Support

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Start a report: a project that builds, checks and serves at once.")

    @Argument(help: "The folder to make the project in (made if missing; no file in it is replaced).")
    var folder: String

    @Option(
        help: "The languages, comma-separated, the original first (sample text in \(NewReport.knownLanguages.joined(separator: ", "))).")
    var languages = "zh-Hant,en"

    func run() throws {
        let url = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let codes = languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        do {
            try NewReport.create(at: url, languages: codes)
        } catch {
            report(error.diagnostics)
            throw ExitCode.failure
        }
        print("Made a new report in \(folder). Next: cd \(folder) && rapporteur serve")
    }
}

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme", abstract: "Work with the built-in theme.", subcommands: [ExportCommand.self])

    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Copy the built-in theme into a folder for editing (a project's Templates/ overrides it file by file).")

        @Argument(help: "The folder to copy the theme into (no file in it is replaced).")
        var folder: String

        func run() throws {
            let url = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            do {
                try Theme.exportBuiltIn(to: url)
            } catch {
                report(error.diagnostics)
                throw ExitCode.failure
            }
            print("Copied the built-in theme into \(folder); keep only the files you change.")
        }
    }
}
