import Foundation
import Markdown
import Support

/// Marks the language of parts (WCAG 3.1.2): Latin-script runs inside text in a Chinese, Japanese
/// or Korean page (names, acronyms, titles) get the site's Latin-script language, and CJK runs
/// inside a Latin-script page get the site's CJK language, so that screen readers switch voice and
/// browsers pick fonts. Both languages come from the site's languages, by their script.
///
/// A run starts at a letter of the other script (or at digits joined to one, as in `4G`), goes on
/// over its letters, digits and the punctuation that joins words (spaces, `.`, `-`, `&`...), and
/// ends at its last letter or digit; a run of digits and punctuation alone stays unmarked. One pass
/// over the text's characters, so linear in its length.
struct LanguageParts {
    /// The language of the runs to mark, and which script they are in.
    private let runLanguage: String?
    private let runScript: Script

    /// The scripts told apart: a CJK page marks Latin runs, any other page marks CJK runs.
    enum Script {
        case latin, cjk

        /// The script of a language code, by its likely script (`zh-Hant` → Hant, `en` → Latn).
        /// Asked of ICU once per code: its look-up cost more than marking a page.
        init(language code: String) {
            self = Self.known.value(code) { Self.likely(code) }
        }

        private static let known = OnceByKey<String, Script>()

        private static func likely(_ code: String) -> Script {
            let script = Locale.Language(identifier: Locale.Language(identifier: code).maximalIdentifier).script?.identifier
            return ["Hani", "Hans", "Hant", "Jpan", "Kore", "Hira", "Kana", "Hang", "Bopo"].contains(script ?? "") ? .cjk : .latin
        }
    }

    /// Marks the runs of `language`'s pages that are in the first other language of
    /// `siteLanguages` written in the other script; marks nothing when the site has none.
    init(language: String, siteLanguages: [String]) {
        let script: Script = Script(language: language) == .cjk ? .latin : .cjk
        runScript = script
        runLanguage = siteLanguages.first { $0 != language && Script(language: $0) == script }
    }

    /// `text` cut into runs, each with the language to mark it with (`nil`: the page's own).
    /// Found on the text's scalars, asking where a character starts only around scalars that may
    /// join one (marks, joiners, jamo, emoji), so the result is always `runsByCharacters`'s; if
    /// a run were still to start or end inside a character, the runs are found by characters.
    func runs(_ text: String) -> [(text: Substring, language: String?)] {
        guard let runLanguage else { return [(text[...], nil)] }
        // Most texts of a page are in its own script only: they have no run to find.
        guard runScript.mayHoldLetter(text) else { return text.isEmpty ? [] : [(text[...], nil)] }
        var cutter = RunCutter(text: text, language: runLanguage, script: runScript)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var previous: Unicode.Scalar?
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let startsCharacter =
                Self.neverJoins(scalar) && previous.map(Self.neverJoins) ?? true && !(scalar == "\n" && previous == "\r")
                || String.Index(index, within: text) != nil
            if startsCharacter {
                cutter.add(scalar, at: index, next: next)
            } else {
                cutter.extend(at: index, to: next)
            }
            previous = scalar
            index = next
        }
        let runs = cutter.finish()
        let aligned = runs.allSatisfy { String.Index($0.text.startIndex, within: text) != nil }
        return aligned ? runs : runsByCharacters(text)
    }

    /// `text` cut into runs character by character, each classified by its first scalar, so that
    /// a run never splits one: the reference `runs` keeps to.
    func runsByCharacters(_ text: String) -> [(text: Substring, language: String?)] {
        guard let runLanguage else { return [(text[...], nil)] }
        var cutter = RunCutter(text: text, language: runLanguage, script: runScript)
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            cutter.add(text[index].unicodeScalars.first!, at: index, next: next)
            index = next
        }
        return cutter.finish()
    }

    /// `text` as escaped HTML, its runs as `<span lang>`.
    func html(_ text: String) -> String {
        var output = ""
        for run in runs(text) {
            if let language = run.language {
                output += "<span lang=\"\(HTML.escape(language))\">\(HTML.escape(String(run.text)))</span>"
            } else {
                output += HTML.escape(String(run.text))
            }
        }
        return output
    }

    /// `blocks` with the runs of their text marked: in paragraphs, headings, lists, quotes,
    /// emphasis and link text; never in code, raw HTML, image descriptions (an attribute) or
    /// program-generated blocks.
    func mark(_ blocks: [Block]) -> [Block] {
        guard runLanguage != nil else { return blocks }
        return Rewriter.rewrite(
            blocks, entering: { if case .inline(.image) = $0 { false } else { true } },
            inline: { inline, result in
                switch inline {
                case .text(let text):
                    let runs = runs(text)
                    if runs.count == 1 && runs[0].language == nil {
                        result.append(inline)
                        break
                    }
                    for run in runs {
                        result.append(run.language.map { .span(String(run.text), language: $0) } ?? .text(String(run.text)))
                    }
                case .abbreviation(let text, let title, nil):
                    let runs = runs(text)
                    let language = runs.count == 1 ? runs[0].language : nil
                    result.append(.abbreviation(text, title: title, language: language))
                default:
                    result.append(inline)
                }
            })
    }
}

// MARK: - Characters

extension LanguageParts.Script {
    func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .latin:
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: true
            default: false
            }
        case .cjk:
            switch scalar.value {
            // Bopomofo, kana, Hangul, Han (with extensions and compatibility ideographs).
            case 0x1100...0x11FF, 0x3040...0x30FF, 0x3100...0x312F, 0x3130...0x318F, 0x31A0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
                true
            default: false
            }
        }
    }

    /// Whether `text` may hold a letter of this script, told by its UTF-8 bytes alone: a Latin
    /// letter is an ASCII letter or starts with a byte from 0xC3 to 0xC9 (U+00C0 to U+024F) or
    /// 0xE1 (U+1E00 to U+1EFF); every CJK letter is U+1100 or above, so starts with 0xE1 or above.
    func mayHoldLetter(_ text: String) -> Bool {
        var text = text
        // On the bytes in place: a `String.UTF8View` iterator costs several times more a byte.
        return text.withUTF8 { bytes in
            switch self {
            case .latin:
                bytes.contains { byte in
                    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0xC3...0xC9).contains(byte) || byte == 0xE1
                }
            case .cjk: bytes.contains { $0 >= 0xE1 }
            }
        }
    }

    /// Characters that join the words of one run: a name such as `Ad Hoc Steering Group`, `R&D`,
    /// `e-commerce`, `Dr. Kim`; in CJK, its own punctuation (、「」).
    func joins(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .latin: " .,'’&/-:+".unicodeScalars.contains(scalar)
        case .cjk: (0x3000...0x303F).contains(scalar.value) || (0xFF01...0xFF60).contains(scalar.value) || scalar == "·"
        }
    }
}

/// The runs of one text as a pass hands over its characters (or scalars): a letter of the run's
/// script starts or extends a run, digits join it, the punctuation that joins words stays inside
/// it if a letter or digit follows, and anything else ends it.
private struct RunCutter {
    let text: String
    let language: String
    let script: LanguageParts.Script
    private var result: [(text: Substring, language: String?)] = []
    private var plainStart: String.Index
    private var runStart: String.Index?
    private var runEnd: String.Index
    private var runHasLetter = false

    init(text: String, language: String, script: LanguageParts.Script) {
        self.text = text
        self.language = language
        self.script = script
        plainStart = text.startIndex
        runEnd = text.startIndex
    }

    /// The character (or scalar) from `index` to `next`, classified by `scalar`.
    mutating func add(_ scalar: Unicode.Scalar, at index: String.Index, next: String.Index) {
        if script.isLetter(scalar) {
            if runStart == nil { runStart = index }
            runHasLetter = true
            runEnd = next
        } else if LanguageParts.isDigit(scalar) {
            if runStart == nil { runStart = index }
            runEnd = next
        } else if !(runHasLetter && script.joins(scalar)) {
            // A joining character stays inside the run only if a letter or digit follows it
            // (`runEnd` moves past it then); digits not yet joined to a letter are dropped.
            endRun()
        }
    }

    /// A scalar that belongs to the character before it: inside a run if that character ends it.
    mutating func extend(at index: String.Index, to next: String.Index) {
        if runStart != nil && runEnd == index { runEnd = next }
    }

    mutating func finish() -> [(text: Substring, language: String?)] {
        endRun()
        if plainStart < text.endIndex { result.append((text[plainStart...], nil)) }
        return result
    }

    private mutating func endRun() {
        if let start = runStart, runHasLetter {
            if plainStart < start { result.append((text[plainStart..<start], nil)) }
            result.append((text[start..<runEnd], language))
            plainStart = runEnd
        }
        runStart = nil
        runHasLetter = false
    }
}

extension LanguageParts {
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    /// Scalars that always start a character and never join the one before them (but CR LF):
    /// ASCII, Latin-1 and Latin Extended letters, CJK punctuation (without its combining tone
    /// marks), kana, Han and Hangul syllables, full-width forms. Marks, joiners, jamo, emoji and
    /// the rest may join a character, so around them `runs` asks the string.
    static func neverJoins(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F, 0xC0...0x24F, 0x3000...0x3029, 0x3030...0x303F, 0x3040...0x3096, 0x30A0...0x30FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60:
            true
        default: false
        }
    }
}
