import Mustache

/// Finds what a template left in its output by mistake: `nil` or `Optional(` (a missing value
/// printed) and `{{` (a tag that was not one). Content may say all three ("nil tariffs", a
/// chapter about templates), so values are told apart from the template's own text: while a
/// page renders, every value is enclosed in a private-use `mark`, which `strip` removes after
/// looking for leftovers only outside the marks.
enum TemplateLeftovers {
    /// U+E000, from the Private Use Area: no content means it; content that has it is given it
    /// as `&#xE000;`, which the page shows the same.
    static let mark: Character = "\u{E000}"
    private static let markBytes: [UInt8] = Array("\u{E000}".utf8)

    /// `value` marked as content, any mark of its own replaced by its character reference.
    static func marked(_ value: String) -> String {
        let safe = value.utf8.contains(markBytes[0]) ? value.replacingOccurrences(of: String(mark), with: "&#xE000;") : value
        return String(mark) + safe + String(mark)
    }

    /// `output` without its marks, and the first leftover found outside them (nil when none).
    static func strip(_ output: String) -> (text: String, leftover: String?) {
        let bytes = Array(output.utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var leftover: String?
        var inValue = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == markBytes[0], bytes[index...].starts(with: markBytes) {
                inValue.toggle()
                index += markBytes.count
                continue
            }
            if !inValue, leftover == nil { leftover = leftoverWord(in: bytes, at: index) }
            text.append(byte)
            index += 1
        }
        return (String(decoding: text, as: UTF8.self), leftover)
    }

    /// `{{`, `Optional(` or the word `nil` starting at `index` of the template's own text.
    private static func leftoverWord(in bytes: [UInt8], at index: Int) -> String? {
        switch bytes[index] {
        case UInt8(ascii: "{") where bytes[index...].starts(with: "{{".utf8): "{{"
        case UInt8(ascii: "O") where bytes[index...].starts(with: "Optional(".utf8): "Optional("
        case UInt8(ascii: "n") where bytes[index...].starts(with: "nil".utf8):
            (index == 0 || !isWordByte(bytes[index - 1])) && (index + 3 == bytes.count || !isWordByte(bytes[index + 3])) ? "nil" : nil
        default: nil
        }
    }

    /// An ASCII letter, digit or underscore: `nil` inside `vanilla` or `nil_x` is no leftover.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "_")
    }
}
/// HTML made by the build from content (a chapter's body, a table cell), inserted as it is by
/// `{{{ }}}` and marked as content for `TemplateLeftovers`.
struct ContentHTML: MustacheCustomRenderable {
    let html: String
    var renderText: String { TemplateLeftovers.marked(html) }
    var isNull: Bool { html.isEmpty }
}
