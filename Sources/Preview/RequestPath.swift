/// Turns the raw target of a request into a path inside the site, or refuses it.
///
/// The path is decoded exactly once. Anything that could name a file outside the site, or that a
/// site never links to, is refused before the snapshot is consulted: dot segments, empty segments,
/// backslashes, NUL and other control characters, encoded separators (`%2f`, `%5c`), a `%` that
/// survives decoding (double encoding), and bytes that do not decode to valid UTF-8.
enum RequestPath {
    /// The site-relative path (no leading slash; `""` is the root, a trailing slash is kept),
    /// or nil when the request is malformed and gets a 400.
    static func resolve(_ rawPath: String) -> String? {
        guard rawPath.hasPrefix("/"), isPrintableASCII(rawPath) else { return nil }
        let lowered = rawPath.lowercased()
        guard !["%2f", "%5c", "%00"].contains(where: lowered.contains) else { return nil }
        guard let decoded = rawPath.removingPercentEncoding else { return nil }
        guard !decoded.unicodeScalars.contains(where: isForbidden) else { return nil }
        let relative = String(decoded.dropFirst())
        var segments = relative.split(separator: "/", omittingEmptySubsequences: false)
        if segments.last == "" { segments.removeLast() }
        guard segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        return relative
    }

    /// A request line carries ASCII only; anything else is percent-encoded by browsers.
    private static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7f }
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7f || scalar == "\\" || scalar == "%"
    }
}
