import Foundation

/// Text to search, where canonically equivalent spellings are the same text, as Foundation's
/// `contains` has it: `é` and `e` followed by a combining accent.
///
/// Foundation compares that way at a cost of hundreds of instructions a character (most of the
/// glossary's work on a chapter). When both texts hold only `isPlain` scalars, canonically
/// equivalent means identical, so the text is found byte for byte; otherwise by Foundation.
package struct CanonicalText {
    private let string: String
    private let isPlain: Bool

    package init(_ string: String) {
        self.string = string
        isPlain = string.unicodeScalars.allSatisfy(Self.isPlain)
    }

    /// Whether `other` occurs in this text.
    package func contains(_ other: CanonicalText) -> Bool {
        guard isPlain && other.isPlain else { return string.contains(other.string) }
        var haystack = string
        var needle = other.string
        return haystack.withUTF8 { haystack in needle.withUTF8 { Self.bytes(haystack, contain: $0) } }
    }

    /// Scalars among which canonical equivalence is identity: each is a grapheme cluster of its
    /// own beside any other (not CR, which joins LF, nor a mark, joiner or jamo), has combining
    /// class 0, and no two have the same canonical decomposition (no singleton such as the
    /// Angstrom sign, whose decomposition is `Å`'s). Latin (ASCII, Latin-1, Latin Extended-A),
    /// general punctuation, CJK punctuation, kana, ideographs and full-width forms: the tests
    /// check each of these properties for every one of them.
    package static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x20...0x7E, 0xA0...0x17F: true
        case 0x2010...0x2027, 0x2030...0x205E: true
        case 0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x309B...0x30FF: true
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF60: true
        default: false
        }
    }

    /// Whether `needle` occurs in `haystack`, byte for byte: its first byte found with `memchr`,
    /// the rest compared with `memcmp`. UTF-8 needles match only where a scalar starts.
    static func bytes(_ haystack: UnsafeBufferPointer<UInt8>, contain needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        var start = 0
        while start + needle.count <= haystack.count {
            let searched = haystack.count - needle.count - start + 1
            guard let found = memchr(haystack.baseAddress! + start, Int32(first), searched) else { return false }
            if memcmp(found, needle.baseAddress!, needle.count) == 0 { return true }
            start = UnsafeRawPointer(haystack.baseAddress!).distance(to: found) + 1
        }
        return false
    }
}
