import Foundation
import Testing

@testable import Support

/// Text found byte for byte where that is what Foundation's canonical comparison finds.
@Suite struct CanonicalTextTests {
    static let plainScalars = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter(CanonicalText.isPlain)

    @Test func everyPlainScalarStartsItsOwnDecompositionAndNoOtherHasTheSame() {
        var scalarByDecomposition: [String: Unicode.Scalar] = [:]
        for scalar in Self.plainScalars {
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "\(scalar.value)")
            let decomposition = String(scalar).decomposedStringWithCanonicalMapping
            let parts = Array(decomposition.unicodeScalars)
            // One starter, then only marks: a plain text's decomposition splits back into its scalars.
            #expect(parts[0].properties.canonicalCombiningClass == .notReordered, "\(scalar.value)")
            #expect(parts.dropFirst().allSatisfy { $0.properties.canonicalCombiningClass != .notReordered }, "\(scalar.value)")
            if let other = scalarByDecomposition.updateValue(scalar, forKey: decomposition) {
                Issue.record("U+\(String(other.value, radix: 16)) and U+\(String(scalar.value, radix: 16)) decompose alike")
            }
        }
        #expect(Self.plainScalars.count > 28_000)
    }

    @Test func everyPlainScalarIsACharacterOfItsOwnBesideOthers() {
        let neighbours: [Unicode.Scalar] = ["a", " ", "\n", "\t", "é", "中", "、", "ａ", "か", "ー", "‐", "‼"]
        for scalar in Self.plainScalars {
            for neighbour in neighbours {
                #expect((String(scalar) + String(neighbour)).count == 2, "U+\(String(scalar.value, radix: 16)) before U+\(neighbour.value)")
                #expect((String(neighbour) + String(scalar)).count == 2, "U+\(String(scalar.value, radix: 16)) after U+\(neighbour.value)")
            }
        }
    }

    @Test func whatIsFoundIsWhatFoundationFinds() {
        // Plain scalars of each kind, and others that canonical comparison treats apart: a
        // combining accent, the Angstrom and Kelvin signs, CR, a joiner, a kana voicing mark.
        let pieces = [
            "a", "e", "é", "A", "Å", "k", "K", " ", "\n", "中", "文", "台", "、", "ａ", "か", "が", "ー", "–", "‼", "\u{301}", "\u{212B}",
            "\u{212A}", "\r", "\u{200D}", "\u{3099}", "\u{F900}", "豈",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4_000 {
            let haystack = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let needle = (0..<Int.random(in: 1...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(
                CanonicalText(haystack).contains(CanonicalText(needle)) == haystack.contains(needle),
                "\(Array(haystack.unicodeScalars)) holding \(Array(needle.unicodeScalars))")
        }
    }

    @Test func plainTextIsFoundByteForByte() {
        #expect(CanonicalText("相互承認協定 (mra)").contains(CanonicalText("承認協定")))
        #expect(!CanonicalText("相互承認協定").contains(CanonicalText("承認協議")))
        #expect(CanonicalText("the café rules").contains(CanonicalText("café")))
        #expect(CanonicalText("the cafe\u{301} rules").contains(CanonicalText("café")), "decomposed: found by Foundation")
        #expect(!CanonicalText("ab").contains(CanonicalText("abc")))
        #expect(CanonicalText("aaab").contains(CanonicalText("aab")), "a first byte found again after a partial match")
    }
}
