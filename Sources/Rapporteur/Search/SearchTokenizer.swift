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
/// Text is NFKC-normalised first (see `normalized`), so full-width `ＡＰＥＣ` is `apec`. `Templates/assets/search.js`
/// splits queries with the same rules.
enum SearchTokenizer {
    /// English words too common to search for. `it` is not one of them: it is also `IT`.
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is",
        "of", "on", "or", "that", "the", "this", "to", "was", "were", "which", "with",
    ]

    /// The terms of `text`, in order, with repeats.
    static func terms(of text: String) -> [String] {
        var terms: [String] = []
        for run in runs(of: text) {
            switch run {
            case .cjk(let characters) where characters.count == 1:
                terms.append(String(characters[0]))
            case .cjk(let characters):
                for index in 1..<characters.count {
                    var bigram = String.UnicodeScalarView()
                    bigram.append(characters[index - 1])
                    bigram.append(characters[index])
                    terms.append(String(bigram))
                }
            case .word(let word):
                guard word.count > 1, !stopWords.contains(word) else { continue }
                terms.append(EnglishStemmer.stem(word))
            }
        }
        return terms
    }

    /// A run of CJK characters or a word of other letters and digits.
    enum Run: Equatable {
        case cjk([Unicode.Scalar])
        case word(String)
    }

    /// The CJK runs and words of `text`, normalised and lower-cased; everything else separates them.
    static func runs(of text: String) -> [Run] {
        var runs: [Run] = []
        var cjk: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !cjk.isEmpty { runs.append(.cjk(cjk)) }
            if !word.isEmpty { runs.append(.word(String(word))) }
            cjk = []
            word = String.UnicodeScalarView()
        }
        for scalar in normalized(text).unicodeScalars {
            if isCJK(scalar) {
                if !word.isEmpty { flush() }
                cjk.append(scalar)
            } else if isWordScalar(scalar) {
                if !cjk.isEmpty { flush() }
                word.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return runs
    }

    /// NFKC, lower-cased. Foundation's NFKC is slow on Linux, and the report's text is almost all
    /// ASCII, full-width forms and ideographs, whose NFKC is known: those take a fast path.
    static func normalized(_ text: String) -> String {
        var fast = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: fast.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x00...0x7F, 0xB0, 0xC0...0xFF, 0x1E00...0x1E99, 0x1E9C...0x1EFF, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D,
                0x2022, 0x2500...0x257F, 0x3001, 0x3002, 0x3008...0x3011, 0x3014...0x301F, 0x3400...0x4DBF, 0x4E00...0x9FFF:
                fast.append(scalar)
            default: return text.precomposedStringWithCompatibilityMapping.lowercased()
            }
        }
        return String(fast).lowercased()
    }

    /// Letters and digits of scripts written with spaces; ASCII is decided without a look-up of
    /// Unicode properties, which is most of the text.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0x00...0x7F: false
        default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// Han ideographs, kana and Hangul: scripts written without spaces between words.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }
}
