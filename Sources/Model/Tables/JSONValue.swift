/// A JSON value with ordered object keys, written deterministically.
package enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Pretty JSON with two-space indentation; `</` is escaped so it is safe inside `<script>`.
    package func serialized() -> String {
        var output: [UInt8] = []
        write(into: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    private func write(into output: inout [UInt8], indent: Int) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .number(let text): output += text.utf8
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let items):
            guard !items.isEmpty else {
                output += "[]".utf8
                return
            }
            output += "[\n".utf8
            for (index, item) in items.enumerated() {
                output += repeatElement(UInt8(ascii: " "), count: indent + 2)
                item.write(into: &output, indent: indent + 2)
                output += (index == items.count - 1 ? "\n" : ",\n").utf8
            }
            output += repeatElement(UInt8(ascii: " "), count: indent)
            output.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else {
                output += "{}".utf8
                return
            }
            output += "{\n".utf8
            for (index, (key, value)) in pairs.enumerated() {
                output += repeatElement(UInt8(ascii: " "), count: indent + 2)
                Self.writeString(key, into: &output)
                output += ": ".utf8
                value.write(into: &output, indent: indent + 2)
                output += (index == pairs.count - 1 ? "\n" : ",\n").utf8
            }
            output += repeatElement(UInt8(ascii: " "), count: indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// The bytes where an escape may start: control characters, `"`, `\`, `/`, and the first byte
    /// of U+2028 and U+2029.
    private static let mayNeedEscape = (0...255).map { $0 < 0x20 || [0x22, 0x5C, 0x2F, 0xE2].contains($0) }

    /// Whether any of the 8 bytes of `bytes` is one of `mayNeedEscape`, tested at once: a byte is
    /// zero after subtracting 1 only if its high bit turns on where it was off (and likewise below
    /// 0x20), which no borrow from a lower byte can fake unless that byte already matched.
    package static func anyMayNeedEscape(_ bytes: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        func hasZero(_ word: UInt64) -> UInt64 { (word &- ones) & ~word }
        let below0x20 = (bytes &- 0x2020_2020_2020_2020) & ~bytes
        let quote = hasZero(bytes ^ 0x2222_2222_2222_2222)
        let backslash = hasZero(bytes ^ 0x5C5C_5C5C_5C5C_5C5C)
        let slash = hasZero(bytes ^ 0x2F2F_2F2F_2F2F_2F2F)
        let lineSeparatorStart = hasZero(bytes ^ 0xE2E2_E2E2_E2E2_E2E2)
        return (below0x20 | quote | backslash | slash | lineSeparatorStart) & 0x8080_8080_8080_8080 != 0
    }

    /// Writes `text` as a JSON string. Besides `"`, `\` and control characters, `</` is written
    /// `<\/` and U+2028 and U+2029 as `\u2028` and `\u2029`, so the JSON is safe inside a page.
    /// Works on UTF-8 bytes, appending the runs between escapes whole: search indexes are large.
    package static func writeString(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { writeString(utf8: $0, into: &output) }
    }

    /// Writes the text `utf8` (valid UTF-8) as a JSON string, as `writeString(_:into:)` does.
    package static func writeString(utf8: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let mayNeedEscape = Self.mayNeedEscape
        var runStart = 0
        var index = 0
        while index < utf8.count {
            // Most text needs no escape for long runs: eight bytes are tested at once.
            while index + 8 <= utf8.count
                && !Self.anyMayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
            }
            guard index < utf8.count else { break }
            let byte = utf8[index]
            guard mayNeedEscape[Int(byte)] else {
                index += 1
                continue
            }
            var length = 1
            let escape: String
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case UInt8(ascii: "/") where index > 0 && utf8[index - 1] == UInt8(ascii: "<"): escape = "\\/"
            case ..<0x20: escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            case 0xE2 where utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):  // U+2028, U+2029
                escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default:
                index += 1
                continue
            }
            output += UnsafeBufferPointer(rebasing: utf8[runStart..<index])
            output += escape.utf8
            index += length
            runStart = index
        }
        output += UnsafeBufferPointer(rebasing: utf8[runStart...])
        output.append(UInt8(ascii: "\""))
    }
}
