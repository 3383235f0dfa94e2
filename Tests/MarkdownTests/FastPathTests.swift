import Testing

@testable import Markdown

/// HTML escaping on bytes gives what escaping scalar by scalar gives; NUL as cmark reads it.
@Suite struct FastPathTests {
    @Test func escapingOnBytesMatchesEscapingEachScalar() {
        let texts = ["", "plain", "a & b < c > d \" e ' f", "&&", "<中文>", "e\u{301}&\u{301}", "'", "🇹🇼 & 👍🏽", "a\u{0}b<"]
        for text in texts {
            var appended = "prefix "
            HTML.escape(text, into: &appended)
            #expect(HTML.escape(text) == Self.escapeEachScalar(text))
            #expect(appended == "prefix " + Self.escapeEachScalar(text))
        }
    }

    static func escapeEachScalar(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// cmark replaces NUL with U+FFFD without its UTF-8 check, which the parser leaves off.
    @Test func nulBecomesTheReplacementCharacter() throws {
        #expect(
            try CommonMark.parse("a\u{0}b `c\u{0}`\n").blocks == [
                .paragraph([.text("a\u{FFFD}b "), .code("c\u{FFFD}")], SourcePosition(line: 1, column: 1))
            ])
    }
}
