import Foundation

/// Splits text into search terms, the same way in every language of the site.
///
/// - Chinese (and other CJK) text has no spaces between words: a run of CJK characters gives its
///   bigrams (`資安會議` gives `資安`, `安會`, `會議`), and a run of one character that character.
///   A query of two or more characters is matched by its bigrams; a query of one character by the
///   terms that hold it (in `search.js`).
/// - Other letters and digits form words, lower-cased and stemmed (`Meetings` gives `meet`);
///   one-letter words and a few English function words are left out.
///
/// Text is NFKC-normalised and lower-cased first (`fastFold`, else Foundation; see
/// `SearchTerms`), so full-width `ＡＰＥＣ` is `apec`. the theme's `assets/search.js` splits queries
/// with the same rules.
package enum SearchTokenizer {
    /// English words too common to search for. `it` is not one of them: it is also `IT`.
    package static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is",
        "of", "on", "or", "that", "the", "this", "to", "was", "were", "which", "with",
    ]

    /// The terms of `text`, in order, with repeats.
    package static func terms(of text: String) -> [String] {
        var terms = SearchTerms()
        var numbers: [Int] = []
        terms.appendTerms(of: text, to: &numbers)
        return numbers.map(terms.text(of:))
    }

    /// NFKC and lower case of one scalar, for the scalars where both are known without
    /// Foundation (slow on Linux): ASCII, Latin-1 letters, full-width forms, CJK ideographs and
    /// common punctuation, which is almost all of the report. Nil for any other scalar.
    package static func fastFold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: return Unicode.Scalar(scalar.value + 0x20)
        case 0xFF21...0xFF3A: return Unicode.Scalar(scalar.value - 0xFEE0 + 0x20)
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)
        case 0x00...0x7F, 0xB0, 0xD7, 0xDF...0xFF, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2500...0x257F,
            0x3001, 0x3002, 0x3008...0x3011, 0x3014...0x301F, 0x3400...0x4DBF, 0x4E00...0x9FFF:
            return scalar
        default: return nil
        }
    }

    /// Letters and digits of scripts written with spaces. ASCII and the punctuation that
    /// `fastFold` takes are decided without a (slow) look-up of Unicode properties.
    package static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0x00...0x7F, 0x2010...0x2027, 0x2500...0x257F, 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F: false
        default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// Han ideographs, kana and Hangul: scripts written without spaces between words.
    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }
}
