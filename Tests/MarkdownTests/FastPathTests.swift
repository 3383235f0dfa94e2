import Testing

@testable import Markdown

/// The byte-level fast paths of parsing and rendering give what the plain code gives.
@Suite struct FastPathTests {
    @Test func columnsOnBytesMatchCountedColumns() {
        let sources = [
            "- item\n\n  para\n", "- 中文項目\n\n  段落\n", "\t- tab\n", "a\r\n- b\r\n\r\n  c\r\n", "x\ry\n  z", "> > 引用\n",
            "e\u{301}\u{301} - x\n", "",
        ]
        for source in sources {
            var bytes = source
            bytes.withUTF8 { buffer in
                let lines = LineIndex(source, bytes: buffer)
                for (index, start) in lines.starts.enumerated() {
                    for byteColumn in 1...(buffer.count - start + 3) {
                        let end = min(start + byteColumn - 1, buffer.count)
                        let counted = byteColumn > 1 ? lines.characterCount(from: start, to: end) + 1 : byteColumn
                        #expect(
                            lines.position(line: index + 1, byteColumn: byteColumn) == SourcePosition(line: index + 1, column: counted),
                            "\(source.debugDescription) line \(index + 1) byte column \(byteColumn)")
                    }
                }
            }
        }
    }

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
