import Foundation
import Markdown
import Testing

@testable import Model
@testable import Rapporteur
@testable import Search

/// The search index reads text as UTF-8 bytes, for speed. These tests hold it to straightforward
/// versions that work scalar by scalar with `String`s: any text must give the same terms, the
/// same section text and the same JSON, byte for byte.
@Suite struct SearchFastPathTests {
    /// Mixed text: CJK runs, full-width forms, Latin-1, text that needs Foundation's NFKC (kana,
    /// Hangul, ligatures, combining marks), characters to escape in JSON, and white space of all kinds.
    static let texts = [
        "出席APEC電信會議，資安「相互承認」。見圖 3、表",
        "ＡＰＥＣ ＴＥＬ５３：資安（相互承認）ＩＴ and it",
        "The Meetings of the economies, IT and a TEL53 meeting; Wi-Fi e-mail 10,000 3.5% U.S.A.",
        "Sebastián SÁNCHEZ — Straße ÆØÅ æøå ÀÉÎ “MTC” • 5° ×2",
        "Việt Nam’s café, Cafe\u{301} and İstanbul",
        "ﬁle ½ Ⅻ ㈱ x\u{A0}y カタカナとひらがな 한국어 회의",
        "𠀀𠀁 and ䷀ symbols; ٣٤ digits",
        "quote \" backslash \\ </script> <b>/ a\u{2028}b\u{2029}c \u{01}\u{1F}\u{7F} tab\tline\r\n",
        "", " ", "資", "a", "資 安", "ab 資安會", "謝謝 謝謝謝",
    ]

    /// Scalars to make random text of: some of each kind above.
    static let alphabet: [String] = [
        "a", "Z", "e", "s", "1", " ", "\n", "\t", "\r", "資", "安", "會", "議", "，", "。", "、", "「", "Ａ", "ｚ", "５",
        "é", "É", "ß", "’", "“", "—", "-", "ﬁ", "カ", "한", "𠀀", "\u{A0}", "\u{3000}", "\u{2028}", "\u{85}", "\u{200B}",
        "\u{0B}", "\"", "\\", "<", "/", "\u{01}", "İ", "\u{301}", "ing", "ies", "the",
    ]

    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        return (0..<count).map { _ in (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }.joined() }
    }

    // MARK: - Terms

    @Test func theTermsAreThoseOfAStraightforwardTokenizer() {
        for text in Self.texts + Self.randomTexts(count: 2_000, seed: 1) {
            #expect(SearchTokenizer.terms(of: text) == Self.referenceTerms(of: text), "\(text.debugDescription)")
        }
    }

    @Test func termsAreNumberedOncePerText() {
        var terms = SearchTerms()
        var numbers: [Int] = []
        terms.appendTerms(of: "Meetings 資安 meeting MEET 資安", to: &numbers)
        #expect(numbers.map(terms.text(of:)) == ["meet", "资安", "meet", "meet", "资安"])
        #expect(numbers == [0, 1, 0, 0, 1])
    }

    @Test func everyIdeographTellsByItsFirstByteFoldsLikeCharacterVariants() {
        let ideographs = (UInt32(0x4E00)...0x9FFF).map { Unicode.Scalar($0)! }
        var terms = SearchTerms()
        var numbers: [Int] = []
        // Each alone, then all in one run: a term for each character, then for each pair.
        terms.appendTerms(of: ideographs.map(String.init).joined(separator: " "), to: &numbers)
        #expect(numbers.map(terms.text(of:)) == ideographs.map { String(CharacterVariants.fold($0)) })
        numbers.removeAll()
        terms.appendTerms(of: String(String.UnicodeScalarView(ideographs)), to: &numbers)
        #expect(
            numbers.map(terms.text(of:))
                == zip(ideographs, ideographs.dropFirst()).map { String(CharacterVariants.fold($0)) + String(CharacterVariants.fold($1)) })
    }

    @Test func byteStringsKeepTheirNumbersAsTheTableGrows() {
        var strings = NumberedByteStrings()
        // Short strings are told by their bytes and length: "", "\0" and "\0\0" differ.
        let keys = ["", "\0", "\0\0", "a", "ab", "abcdefgh", "abcdefghi", "abcdefgh\0"] + (0..<5_000).map { "term\($0)" }
        for (number, key) in keys.enumerated() {
            #expect(strings.number(of: Array(key.utf8)) == (number, true))
        }
        for (number, key) in keys.enumerated() {
            #expect(strings.number(of: key.utf8) == (number, false))
            #expect(Array(strings[number]) == Array(key.utf8))
        }
        #expect(strings.count == keys.count)
    }

    @Test func byteStringsForgetTheLastAsIfNeverAdded() {
        var strings = NumberedByteStrings()
        // The table grows while forgotten strings are in it, so kept ones come after them in a probe.
        let kept = (0..<500).map { "kept\($0)" } + ["", "a", "資安"]
        let forgotten = (0..<3_000).map { "gone\($0)" } + ["b", "abcdefghij"]
        for key in kept + forgotten { _ = strings.number(of: Array(key.utf8)) }
        strings.removeLast(forgotten.count)
        #expect(strings.count == kept.count)
        for (number, key) in kept.enumerated() {
            #expect(strings.number(of: key.utf8) == (number, false))
        }
        for (offset, key) in forgotten.reversed().enumerated() {
            #expect(strings.number(of: key.utf8) == (kept.count + offset, true))
            #expect(Array(strings[kept.count + offset]) == Array(key.utf8))
        }
    }

    @Test func aTextForFoundationIsNumberedOnce() {
        var terms = SearchTerms()
        var numbers: [Int] = []
        // The fast pass numbers "meet", "first" and "second" before it meets the kana, then gives way.
        terms.appendTerms(of: "meeting first second カナ", to: &numbers)
        terms.appendTerms(of: "third", to: &numbers)
        #expect(numbers.map(terms.text(of:)) == ["meet", "first", "second", "カナ", "third"])
        #expect(numbers == [0, 1, 2, 3, 4])
        #expect(terms.count == 5)
    }

    @Test func theListedWhiteSpaceAndWordScalarsAgreeWithUnicode() {
        for value in UInt32(0x80)...0x10_FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(SectionText.isNonASCIIWhiteSpace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
            let isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            #expect(SearchTokenizer.isWordScalar(scalar) == isWord, "U+\(String(value, radix: 16))")
        }
    }

    // MARK: - Section text

    @Test func sectionTextCollapsesWhiteSpaceLikeAStraightforwardLoop() {
        let parts = Self.texts + Self.randomTexts(count: 2_000, seed: 2)
        for index in stride(from: 0, to: parts.count, by: 3) {
            let group = Array(parts[index..<min(index + 3, parts.count)])
            var text = SectionText()
            for part in group { text.add(part) }
            #expect(text.string == Self.collapsingWhiteSpace(group.joined(separator: " ")), "\(group.debugDescription)")
        }
    }

    @Test func eightBytesAreKeptExactlyWhenEachIsPlainOrASpaceBetweenPlainOnes() {
        func isKept(_ bytes: [UInt8]) -> Bool {
            bytes.indices.allSatisfy { index in
                SectionText.isPlain(bytes[index])
                    || (bytes[index] == UInt8(ascii: " ") && index > 0 && index < 7 && SectionText.isPlain(bytes[index - 1])
                        && SectionText.isPlain(bytes[index + 1]))
            }
        }
        for bytes in Self.eightBytesOfEachByte {
            #expect(SectionText.areKept(Self.word(bytes)) == isKept(bytes), "\(bytes)")
        }
        // Every arrangement of plain bytes, spaces, other white space and the first byte of some.
        let alphabet: [UInt8] = [UInt8(ascii: "a"), UInt8(ascii: " "), UInt8(ascii: "\n"), 0xE3]
        for number in 0..<(1 << 16) {
            let bytes = (0..<8).map { alphabet[(number >> (2 * $0)) & 3] }
            #expect(SectionText.areKept(Self.word(bytes)) == isKept(bytes), "\(bytes)")
        }
    }

    @Test func sectionTextTakesInlinesAsTheirPlainText() {
        let position = SourcePosition(line: 1, column: 1)
        let inlines: [Inline] = [
            .text("  Opening\u{3000}of "), .emphasis([.text("the"), .softBreak, .strong([.code(" x\ny ")])]), .lineBreak,
            .html("<br>"), .link(destination: "/a", title: "t", content: [.text("資安 ")], position),
            .image(source: "a.png", title: "", alt: [.text("圖")], position), .abbreviation("APEC", title: "Asia"), .text(" \n"),
        ]
        var text = SectionText()
        text.add("Before")
        text.add(inlines)
        #expect(text.string == Self.collapsingWhiteSpace("Before " + inlines.plainText))
        #expect(text.string == "Before Opening of the x y 資安 圖APEC")
    }

    // MARK: - JSON

    @Test func jsonStringsAreEscapedLikeAStraightforwardLoop() {
        #expect(JSONValue.string("“</”\u{2028}\u{2029}\u{1F}\u{0}/<</").serialized() == "\"“<\\/”\\u2028\\u2029\\u001f\\u0000/<<\\/\"\n")
        for text in Self.texts + Self.randomTexts(count: 2_000, seed: 3) {
            #expect(JSONValue.string(text).serialized() == "\"" + Self.referenceEscaped(text) + "\"\n", "\(text.debugDescription)")
        }
    }

    @Test func eightBytesMayNeedAnEscapeExactlyWhenOneOfThemMay() {
        func mayNeedEscape(_ byte: UInt8) -> Bool { byte < 0x20 || [0x22, 0x5C, 0x2F, 0xE2].contains(byte) }
        // Besides each byte alone and eight of a kind, every byte beside every other one.
        let pairs = (UInt8.min...UInt8.max).flatMap { first in
            (UInt8.min...UInt8.max).map { [UInt8](repeating: UInt8(ascii: "a"), count: 6) + [first, $0] }
        }
        for bytes in Self.eightBytesOfEachByte + pairs {
            #expect(JSONValue.anyMayNeedEscape(Self.word(bytes)) == bytes.contains(where: mayNeedEscape), "\(bytes)")
        }
    }

    @Test(arguments: [0, 1, 2, 200])
    func thePostingsAreThoseOfAStraightforwardLoop(sectionCount: Int) {
        let texts = Self.texts + Self.randomTexts(count: 2 * sectionCount, seed: 4)
        let sections = (0..<sectionCount).map { number in
            SearchIndex.Section(
                chapter: "第 \(number % 3) 章 \"x\"", heading: texts[(2 * number) % texts.count], url: "/zh-hant/c/#s\(number)",
                text: texts[(2 * number + 1) % texts.count])
        }
        // English: the reference tokenizer stems, as English rules do.
        let index = SearchIndex(language: "en", sections: sections)
        let postings = index.postings().map { term, sections in
            "\(term) " + sections.map { "\($0.section):\($0.count):\($0.inHeading)" }.joined(separator: " ")
        }
        #expect(postings == Self.referencePostings(index))
    }

    // MARK: - Straightforward versions

    /// Eight bytes as the fast paths load them, in one integer.
    static func word(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } }

    /// Every byte in every position among plain ones ("a"), and eight of each byte.
    static let eightBytesOfEachByte: [[UInt8]] = (UInt8.min...UInt8.max).flatMap { byte in
        (0..<8).map { position in
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
            bytes[position] = byte
            return bytes
        } + [[UInt8](repeating: byte, count: 8)]
    }

    /// Terms scalar by scalar, each word a `String`, every word stemmed.
    static func referenceTerms(of text: String) -> [String] {
        let scalars =
            text.unicodeScalars.allSatisfy { SearchTokenizer.fastFold($0) != nil }
            ? text.unicodeScalars.map { SearchTokenizer.fastFold($0)! }
            : Array(text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars)
        var terms: [String] = []
        var run: [Unicode.Scalar] = []
        var word = ""
        func endRun() {
            if run.count == 1 { terms.append(String(run[0])) }
            run = []
        }
        func endWord() {
            let folded = word.folding(options: .diacriticInsensitive, locale: nil)
            if folded.count > 1, !SearchTokenizer.stopWords.contains(folded) { terms.append(EnglishStemmer.stem(folded)) }
            word = ""
        }
        for scalar in scalars {
            if SearchTokenizer.isCJK(scalar) {
                endWord()
                let scalar = CharacterVariants.fold(scalar)
                if let previous = run.last { terms.append(String(previous) + String(scalar)) }
                run.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                endRun()
                word.unicodeScalars.append(scalar)
            } else {
                endRun()
                endWord()
            }
        }
        endRun()
        endWord()
        return terms
    }

    static func collapsingWhiteSpace(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
                || (scalar.value > 0x7F && scalar.properties.isWhitespace)
            {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result += " " }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func referenceEscaped(_ text: String) -> String {
        var escaped = ""
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case "/" where previous == "<": escaped += "\\/"
            case "\u{2028}": escaped += "\\u2028"
            case "\u{2029}": escaped += "\\u2029"
            case _ where scalar.value < 0x20: escaped += String(format: "\\u%04x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        return escaped
    }

    /// The postings gathered in a dictionary keyed by term, as `term section:count:inHeading ...`.
    /// A term, and when it is a pair of CJK characters each of its characters once: a character
    /// is found inside longer runs.
    static func withCharacters(_ term: String) -> [String] {
        let scalars = Array(term.unicodeScalars)
        guard scalars.count == 2, SearchTokenizer.isCJK(scalars[0]) else { return [term] }
        return [term] + Set(scalars).sorted { $0.value < $1.value }.map(String.init)
    }

    static func referencePostings(_ index: SearchIndex) -> [String] {
        var postings: [String: [(section: Int, count: Int, inHeading: Bool)]] = [:]
        for (number, section) in index.sections.enumerated() {
            for (text, weight) in [(section.heading, SearchIndex.headingWeight), (section.text, 1)] {
                for term in referenceTerms(of: text).flatMap(withCharacters) {
                    if postings[term]?.last?.section == number {
                        postings[term]![postings[term]!.count - 1].count += weight
                        postings[term]![postings[term]!.count - 1].inHeading = postings[term]!.last!.inHeading || weight > 1
                    } else {
                        postings[term, default: []].append((number, weight, weight > 1))
                    }
                }
            }
        }
        return postings.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { term, sections in
            "\(term) " + sections.map { "\($0.section):\($0.count):\($0.inHeading)" }.joined(separator: " ")
        }
    }
}
