/// One problem found in the sources.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `path:line:column: error: message`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}

/// The error a build or check throws: every problem found, in file order.
public struct SiteError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ message: String, at location: SourceLocation) {
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

    public mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation) {
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
            self.error("\(error)", at: SourceLocation(file: "."))
        }
        return nil
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The problems in a stable order: by file, line and column.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted {
            ($0.element.location, $0.offset) < ($1.element.location, $1.offset)
        }.map(\.element)
    }
}
