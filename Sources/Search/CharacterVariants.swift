import Foundation

/// Traditional and Simplified forms of a Han character, and variants such as 臺 and 台, are one
/// character for search: each folds to the form ICU's `Hant-Hans` transform gives it (where that
/// is one character), at index and at query time (`assets/search.js` gets the pairs the site needs).
package enum CharacterVariants {
    /// The ideographs folded: CJK Unified Ideographs and Extension A.
    static let folded: ClosedRange<UInt32> = 0x3400...0x9FFF

    /// The folded form of each ideograph of `folded`, by its offset, from ICU's pairs (made with
    /// ICU when the source was written: making them at each build costs a fifth of a second).
    package static let table: [UInt32] = {
        var table = Array(folded)
        for line in icuPairs {
            let scalars = Array(line.unicodeScalars)
            for index in stride(from: 0, to: scalars.count - 1, by: 2) {
                table[Int(scalars[index].value - folded.lowerBound)] = scalars[index + 1].value
            }
        }
        return table
    }()

    /// The folded form ICU's `Hant-Hans` transform gives each ideograph of `folded` now, for a
    /// test to compare `icuPairs` with (and to remake them from).
    package static func icuTable() -> [UInt32] {
        var characters = ""
        for value in folded {
            characters.unicodeScalars.append(Unicode.Scalar(value)!)
            characters.unicodeScalars.append("\n")
        }
        let lines = characters.applyingTransform(StringTransform("Hant-Hans"), reverse: false)?
            .split(separator: "\n", omittingEmptySubsequences: false)
        return folded.enumerated().map { offset, value in
            guard let lines, lines.count > offset, lines[offset].unicodeScalars.count == 1 else { return value }
            let scalar = lines[offset].unicodeScalars.first!.value
            return Self.folded.contains(scalar) ? scalar : value
        }
    }

    /// The folded form of `scalar`; `table` is `Self.table`, which a caller folding many characters
    /// reads once (a static is checked for initialisation at each use).
    package static func fold(_ scalar: Unicode.Scalar, table: [UInt32] = table) -> Unicode.Scalar {
        guard folded.contains(scalar.value) else { return scalar }
        return Unicode.Scalar(table[Int(scalar.value - folded.lowerBound)])!
    }

    /// Every character that folds to another one of `targets`, with it, in code point order: what
    /// a query needs to find the site's characters by any of their forms.
    package static func pairs(foldingInto targets: Set<Unicode.Scalar>) -> [(character: Unicode.Scalar, folded: Unicode.Scalar)] {
        folded.compactMap { value in
            let character = Unicode.Scalar(value)!
            let target = fold(character)
            return target != character && targets.contains(target) ? (character, target) : nil
        }
    }
}
