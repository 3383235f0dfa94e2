import Markdown

/// The text of a search section, gathered part by part as UTF-8: parts are separated by a space,
/// runs of white space are one space, and there is no leading or trailing space.
package struct SectionText {
    package private(set) var utf8: [UInt8] = []
    /// Whether white space was seen since the last text, so a space comes before the next.
    private var pendingSpace = false

    package init() {}

    package mutating func add(_ part: String) {
        endPart()
        append(part)
    }

    /// Adds the text a reader sees, as `plainText` gives it, without making a `String` of it.
    package mutating func add(_ part: [Inline]) {
        endPart()
        append(part)
    }

    private mutating func endPart() { pendingSpace = !utf8.isEmpty }

    private mutating func append(_ inlines: [Inline]) {
        Walker.walk(inlines) { event in
            guard case .enterInline(let inline) = event else { return .visitChildren }
            switch inline {
            case .text(let text), .code(let text), .abbreviation(let text, _, _), .span(let text, _), .sectionNumber(let text): append(text)
            case .softBreak, .lineBreak: endPart()
            case .html, .emphasis, .strong, .link, .image: break
            }
            return .visitChildren
        }
    }

    /// Appends `text` with its white space collapsed, the runs between white space whole.
    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { text in
            var runStart = 0
            var index = 0
            while index < text.count {
                // Most bytes are neither white space nor the start of it, and most white space is a
                // space between words, which stays as it is.
                while index + 8 <= text.count && Self.areKept(UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                }
                while index < text.count && Self.isPlain(text[index]) { index += 1 }
                guard index < text.count else { break }
                if text[index] == UInt8(ascii: " ") && index > runStart && index + 1 < text.count && Self.isPlain(text[index + 1]) {
                    index += 2
                    continue
                }
                let length = Self.whiteSpaceLength(text, at: index)
                guard length > 0 else {
                    index += 1
                    continue
                }
                appendRun(UnsafeBufferPointer(rebasing: text[runStart..<index]))
                endPart()
                index += length
                runStart = index
            }
            appendRun(UnsafeBufferPointer(rebasing: text[runStart...]))
        }
    }

    private mutating func appendRun(_ run: UnsafeBufferPointer<UInt8>) {
        guard !run.isEmpty else { return }
        if pendingSpace { utf8.append(UInt8(ascii: " ")) }
        pendingSpace = false
        utf8 += run
    }

    /// Whether `byte` is neither white space nor the first byte of it.
    static func isPlain(_ byte: UInt8) -> Bool { byte > 0x20 && (byte < 0xC2 || byte > 0xE3) }

    /// Whether the 8 bytes of `bytes` are kept as they are, tested at once (most text is long runs
    /// of words): each `isPlain` or a space between two that are. A byte's high bit says whether
    /// it is above 0x20, in 0xC2...0xE3, or a space, after adding to its low 7 bits, which cannot
    /// carry into the next byte.
    static func areKept(_ bytes: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = bytes & ~high
        let aboveSpace = bytes | (low &+ 0x5F5F_5F5F_5F5F_5F5F)  // 0x21 + 0x5F = 0x80
        // At least 0xC2 (0x42 + 0x3E = 0x80) and not above 0xE3 (0x64 + 0x1C = 0x80).
        let whiteSpaceStart = bytes & (low &+ 0x3E3E_3E3E_3E3E_3E3E) & ~(low &+ 0x1C1C_1C1C_1C1C_1C1C)
        let plain = aboveSpace & ~whiteSpaceStart & high
        let notSpace = bytes ^ 0x2020_2020_2020_2020
        let space = ~(notSpace | ((notSpace & ~high) &+ ~high)) & high  // a byte of 0 stays below 0x80
        // A space neither first, last nor next to another is between two plain bytes.
        return plain | space == high && space & (space >> 8) == 0 && space & 0x8000_0000_0000_0080 == 0
    }

    /// The length of the white space that starts at `index`, or 0: space, tab, line breaks, and
    /// non-ASCII white space.
    private static func whiteSpaceLength(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch utf8[index] {
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): return 1
        case 0xC2, 0xE1, 0xE2, 0xE3:
            let (scalar, length) = utf8.scalar(at: index)
            return isNonASCIIWhiteSpace(scalar) ? length : 0
        default: return 0
        }
    }

    /// Unicode's white space beyond ASCII, listed so that Chinese text needs no look-up of
    /// properties (a test checks the list). Their first bytes are 0xC2 and 0xE1 to 0xE3.
    package static func isNonASCIIWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
