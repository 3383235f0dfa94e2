import Foundation
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
        let safe = hasMarkByte(value) ? value.replacingOccurrences(of: String(mark), with: "&#xE000;") : value
        var result = String()
        result.reserveCapacity(safe.utf8.count + 2 * markBytes.count)
        result.append(mark)
        result.append(safe)
        result.append(mark)
        return result
    }

    /// Whether `value` has the mark's first byte, found with `memchr`: every value of every page
    /// is looked through, a chapter's body among them.
    private static func hasMarkByte(_ value: String) -> Bool {
        value.utf8.withContiguousStorageIfAvailable { bytes in
            nextMarkByte(in: bytes, from: 0) < bytes.count
        } ?? value.utf8.contains(markBytes[0])
    }

    /// The index of the first byte from `start` that may begin a mark; `bytes.count` when none does.
    private static func nextMarkByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress else { return bytes.count }
        guard let found = memchr(base + start, Int32(markBytes[0]), bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// `output` without its marks, and the first leftover found outside them (nil when none).
    static func strip(_ output: String) -> (text: String, leftover: String?) {
        let (bytes, leftover) = stripToBytes(output)
        return (String(decoding: bytes, as: UTF8.self), leftover)
    }

    /// `output` without its marks as the bytes of a page, which need not be a `String` again.
    /// (Made as an array, then copied once: `Data` costs far more per append, and a page has
    /// a run between marks for every value.)
    static func stripToData(_ output: String) -> (data: Data, leftover: String?) {
        let (bytes, leftover) = stripToBytes(output)
        return (Data(bytes), leftover)
    }

    /// `output` without its marks. Runs over every page: the text between marks is copied in
    /// whole runs, and inside a value, where only the closing mark matters, `memchr` finds it.
    /// Whole marks are removed from valid UTF-8, so what is left is valid.
    private static func stripToBytes(_ output: String) -> ([UInt8], String?) {
        var output = output
        var text: [UInt8] = []
        let leftover = output.withUTF8 { bytes in
            text.reserveCapacity(bytes.count)
            var leftover: String?
            var inValue = false
            var runStart = 0
            var index = 0
            while index < bytes.count {
                if inValue {
                    index = nextMarkByte(in: bytes, from: index)
                    if index == bytes.count { break }
                }
                let byte = bytes[index]
                if byte == markBytes[0], index + 2 < bytes.count, bytes[index + 1] == markBytes[1], bytes[index + 2] == markBytes[2] {
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    inValue.toggle()
                    index += markBytes.count
                    runStart = index
                    continue
                }
                if !inValue, leftover == nil, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "O") || byte == UInt8(ascii: "n") {
                    leftover = leftoverWord(in: bytes, at: index)
                }
                index += 1
            }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            return leftover
        }
        return (text, leftover)
    }

    /// `{{`, `Optional(` or the word `nil` starting at `index` of the template's own text.
    private static func leftoverWord(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> String? {
        let rest = UnsafeBufferPointer(rebasing: bytes[index...])
        switch bytes[index] {
        case UInt8(ascii: "{") where rest.starts(with: "{{".utf8): return "{{"
        case UInt8(ascii: "O") where rest.starts(with: "Optional(".utf8): return "Optional("
        case UInt8(ascii: "n") where rest.starts(with: "nil".utf8):
            let alone = (index == 0 || !isWordByte(bytes[index - 1])) && (index + 3 == bytes.count || !isWordByte(bytes[index + 3]))
            return alone ? "nil" : nil
        default: return nil
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

extension ContentHTML {
    /// A template's output that another template puts on a line of its own, without the last
    /// line break, which that line has.
    init(line html: String) {
        var html = html
        if html.utf8.last == UInt8(ascii: "\n") { html.removeLast() }
        self.init(html: html)
    }
}
