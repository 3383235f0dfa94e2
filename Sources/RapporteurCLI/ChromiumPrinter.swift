import Foundation

/// Prints a page to PDF with headless Chromium (Debian's `chromium`), the way `rapporteur pdf`
/// makes `report.<lang>.pdf` from the print edition.
struct ChromiumPrinter {
    /// The Chromium binary.
    let executable: URL
    /// How long one page may take to print before the printer gives up.
    var timeout: TimeInterval = 180

    /// The names Chromium's binary has on Debian and Ubuntu.
    static let names = ["chromium", "chromium-browser"]

    /// Chromium found on `path` (a `PATH` value), or an error that names the package to install.
    static func find(path: String?) throws(PrintError) -> ChromiumPrinter {
        for folder in (path ?? "").split(separator: ":") {
            for name in names {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return ChromiumPrinter(executable: candidate) }
            }
        }
        throw PrintError(
            "rapporteur pdf prints with headless Chromium, and no 'chromium' is on PATH: install the Debian package chromium "
                + "(apt-get install chromium) and the fonts the report's languages need (fonts-noto-cjk for Chinese)")
    }

    /// Prints the HTML file `page` to `pdf`; `profile` is a scratch folder for Chromium's own files.
    func print(_ page: URL, to pdf: URL, profile: URL) throws(PrintError) {
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            // The outline makes the headings the PDF's bookmarks.
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer", "--generate-pdf-document-outline",
            "--user-data-dir=\(profile.path)", "--print-to-pdf=\(pdf.path)", page.absoluteString,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw PrintError("cannot start \(executable.path): \(error.localizedDescription)")
        }
        // Chromium logs freely to standard error; read it all so it never blocks on a full pipe.
        let log = Log()
        let read = DispatchSemaphore(value: 0)
        Thread {
            log.text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            read.signal()
        }.start()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            exited.wait()
            throw PrintError("Chromium did not print \(page.path) within \(Int(timeout)) s")
        }
        _ = read.wait(timeout: .now() + 10)
        let isPDF = (try? FileHandle(forReadingFrom: pdf).read(upToCount: 5)) == Data("%PDF-".utf8)
        guard process.terminationStatus == 0, isPDF else {
            let lastLines = log.text.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw PrintError("Chromium failed to print \(page.path) (exit \(process.terminationStatus)):\n\(lastLines)")
        }
    }
}

/// Why a page could not be printed.
struct PrintError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Chromium's standard error, handed from the thread that reads it.
private final class Log: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = ""

    var text: String {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
