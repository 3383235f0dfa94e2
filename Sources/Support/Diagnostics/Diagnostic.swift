/// One problem found in the sources.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    /// Where the problem is; nil for one that is in no file (a command-line option).
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `path:line:column: error: message`, or `error: message` without a location. Control
    /// characters from file names or content are escaped, so a message cannot split a line or
    /// send terminal codes.
    public var description: String {
        TerminalText.escaped((location.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)")
    }
}

/// The error a build or check throws: every problem found, in file order.
public struct SiteError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ message: String, at location: SourceLocation?) {
        self.diagnostics = [Diagnostic(.error, message, at: location)]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects problems while loading and checking, so that all of them are reported at once.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func error(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }

    public mutating func append(contentsOf error: SiteError) {
        diagnostics.append(contentsOf: error.diagnostics)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    /// Runs `body`, keeping its problems instead of stopping; returns nil when it threw.
    public mutating func collect<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as SiteError {
            append(contentsOf: error)
        } catch {
            self.error("\(error)", at: nil)
        }
        return nil
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The problems in a stable order: those in no file first, then by file, line and column.
    public var sorted: [Diagnostic] {
        let nowhere = SourceLocation(file: "")
        return diagnostics.enumerated().sorted {
            ($0.element.location ?? nowhere, $0.offset) < ($1.element.location ?? nowhere, $1.offset)
        }.map(\.element)
    }
}
