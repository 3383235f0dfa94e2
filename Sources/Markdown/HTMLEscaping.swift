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

    /// Appends a link destination percent-encoded as cmark's `houdini_escape_href` does: bytes that
    /// may stand in a URL are kept, `&` and `'` become entities, every other byte `%XX`. The
    /// result is safe in a double-quoted attribute.
    public static func escapeURL(_ url: String, into output: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if isSafeInURL(byte) {
                bytes.append(byte)
            } else if byte == UInt8(ascii: "&") {
                bytes.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                bytes.append(contentsOf: "&#x27;".utf8)
            } else {
                bytes.append(contentsOf: [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            }
        }
        output += String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// cmark's `HREF_SAFE`: letters, digits and ``-_.+!*(),%#@?=;:/$~``.
    private static func isSafeInURL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
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
