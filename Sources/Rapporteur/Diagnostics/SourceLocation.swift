/// Where a problem is: a file (relative to the project) and, when known, a line and a column
/// (1-based, columns in characters).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:column`, as compilers print it.
    public var description: String {
        "\(file):\(line ?? 1):\(column ?? 1)"
    }

    /// The same file, `lines` further down (front matter and blocks inside a file).
    public func offset(byLines lines: Int) -> SourceLocation {
        SourceLocation(file: file, line: (line ?? 1) + lines, column: column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
    }
}
