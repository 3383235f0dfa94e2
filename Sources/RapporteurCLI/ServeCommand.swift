import ArgumentParser
import Foundation
import Preview
import Rapporteur

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site into memory, serve it, rebuild on every save and reload open pages.",
        discussion: "Nothing is written to disk: public/ stays what `rapporteur build` makes.")

    @Option(help: "The address to listen on: an IP address or localhost. 0.0.0.0 lets other machines in.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: UInt16 = 8000

    @Flag(help: "Print every request.")
    var verbose = false

    @OptionGroup var folder: ProjectFolder

    func run() throws {
        let root = folder.root
        let builds = BuildCounter()
        let server = PreviewServer(root: root, host: host, port: port) { [verbose] event in
            switch event {
            case .built(let result, let seconds):
                // The warnings in full once; after that only how many, so a rebuild stays one line.
                if builds.next() == 1 { report(result.warnings) }
                let time = String(format: "%.3f", seconds)
                let made =
                    result.isComplete
                    ? "Built \(result.files.count + result.deferred.count) files" : "Rebuilt \(result.files.count) page(s)"
                say("\(made) in \(time) s, \(result.warnings.count) warning(s)")
            case .failed(let error):
                report(error.diagnostics)
                printError("build failed: the errors show in open pages; the last good build, if any, is still served")
            case .request(let line):
                if verbose { say(line) }
            case .problem(let text):
                printError("warning: \(text)")
            }
        }
        let stopped = DispatchSemaphore(value: 0)
        let failure = StartFailure()
        Task {
            do {
                let listening = try await server.start()
                if !listening.isLoopback {
                    printError("warning: listening on \(host), reachable from other machines; use --host 127.0.0.1 to keep it local")
                }
                say("Serving on \(listening.baseURL) (port \(listening.port)); press Ctrl-C to stop")
                for home in listening.homes { say("  \(home)") }
            } catch let error as PreviewError {
                failure.error = error
                stopped.signal()
            } catch {
                failure.error = PreviewError("cannot listen on \(host):\(port): \(error.localizedDescription)")
                stopped.signal()
            }
        }
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler {
                Task {
                    await server.stop()
                    stopped.signal()
                }
            }
            source.resume()
            return source
        }
        stopped.wait()
        for signal in signals { signal.cancel() }
        if let error = failure.error {
            printError("error: \(error)")
            throw ExitCode.failure
        }
        say("Stopped.")
    }
}

/// Writes a line to standard output at once, unbuffered even into a pipe or a file, so that a
/// log shows the URL as soon as it is known.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

private func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Counts successful builds across the server's build thread.
private final class BuildCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}

/// Why the server could not start, handed from its task to the waiting command.
private final class StartFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
