import ArgumentParser
import Foundation
import Rapporteur
import Support

struct PdfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Build the site with each language's print edition as a PDF (report.<lang>.pdf), printed by headless Chromium.",
        discussion: """
            Builds the site into a scratch folder, prints /<lang>/print/ of every language (in a library, every report's \
            /<lang>/<report>/print/, into data/<report>/report.<lang>.pdf) with Debian's chromium, then builds the output \
            folder again with the PDFs in it and linked from each report home. When printing fails, the output folder is \
            left as it was.
            """)

    @OptionGroup var options: ProjectOptions

    @Option(name: .customLong("output"), help: "The folder to write the site and its PDFs to, relative to the project folder.")
    var output: String = "public"

    func run() throws {
        let started = Date()
        let outputURL = URL(fileURLWithPath: output, relativeTo: options.root).standardizedFileURL
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rapporteur-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try OutputFolder.refuseUnsafe(outputURL, project: options.root)
            let printer = try ChromiumPrinter.find(path: ProcessInfo.processInfo.environment["PATH"])
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            let site = scratch.appendingPathComponent("site")
            let draft = try SiteBuilder.build(
                root: options.root, baseURL: options.baseURL, integrity: .off, writingTo: site, freesMemory: false)
            report(draft.warnings)
            var pdfs: [String: Data] = [:]
            for edition in draft.printEditions {
                let pdf = scratch.appendingPathComponent(edition.pdf)
                try FileManager.default.createDirectory(at: pdf.deletingLastPathComponent(), withIntermediateDirectories: true)
                try printer.print(
                    site.appendingPathComponent(edition.page), to: pdf, profile: scratch.appendingPathComponent("chromium-profile"))
                pdfs[edition.pdf] = try Data(contentsOf: pdf)
            }
            let result = try SiteBuilder.build(
                root: options.root, baseURL: options.baseURL, integrity: .off, writingTo: outputURL, pdfs: pdfs, freesMemory: false)
            let sizes = result.printEditions.compactMap { edition in
                pdfs[edition.pdf].map { "\(output)/\(edition.pdf) (\($0.count / 1024) KiB)" }
            }
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            print("Built \(output) with \(sizes.joined(separator: ", ")) in \(seconds) s")
        } catch let error as PrintError {
            FileHandle.standardError.write(Data("error: \(error)\n\(output) was not changed\n".utf8))
            throw ExitCode.failure
        } catch let error as SiteError {
            report(error.diagnostics)
            FileHandle.standardError.write(Data("pdf failed; \(output) was not changed\n".utf8))
            throw ExitCode.failure
        } catch {
            FileHandle.standardError.write(Data("error: \(error.localizedDescription)\n\(output) was not changed\n".utf8))
            throw ExitCode.failure
        }
    }
}
