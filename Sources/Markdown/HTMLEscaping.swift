/// Escaping of text for HTML.
public enum HTML {
    /// Escapes `& < > " '` so that the result is safe in text and in quoted attributes.
    public static func escape(_ text: String) -> String {
        var result = ""
        escape(text, into: &result)
        return result
    }

    /// Appends `text` escaped to `output`: the bytes are scanned once, and the runs between the
    /// five characters are appended whole.
    public static func escape(_ text: String, into output: inout String) {
        var contiguous = text
        contiguous.withUTF8 { bytes in
            var runStart = 0
            func appendRun(to end: Int) {
                let utf8 = text.utf8
                output += text[utf8.index(utf8.startIndex, offsetBy: runStart)..<utf8.index(utf8.startIndex, offsetBy: end)]
            }
            // All five characters are at most ">" (0x3E); most bytes are past it.
            for offset in bytes.indices where bytes[offset] <= UInt8(ascii: ">") {
                let entity: String
                switch bytes[offset] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                appendRun(to: offset)
                output += entity
                runStart = offset + 1
            }
            // Text with nothing to escape is appended as is (an empty output then shares its storage).
            if runStart == 0 { output += text } else { appendRun(to: bytes.count) }
        }
    }

    /// Whether a link destination uses a scheme that runs code or reads local files.
    ///
    /// The same rule as cmark's safe mode: `javascript:`, `vbscript:`, `file:` and `data:` other
    /// than common raster images.
    public static func isDangerousURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lower.hasPrefix(scheme) {
            return true
        }
        if lower.hasPrefix("data:") {
            let images = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !images.contains { lower.hasPrefix($0) }
        }
        return false
    }
}
