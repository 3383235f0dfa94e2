/// Step 1 of Porter's stemmer (plurals, `-ed`, `-ing`, final `-y`): enough to make `meetings`,
/// `meeting` and `meet`, or `economies` and `economy`, one search term.
///
/// the theme's `assets/search.js` stems queries with the same rules; the two must stay in step.
/// Words with anything but the letters `a`-`z`, and words of one or two letters, are kept as they are.
package enum EnglishStemmer {
    package static func stem(_ word: String) -> String {
        var letters = Array(word.utf8)
        guard letters.count > 2, letters.allSatisfy({ (97...122).contains($0) }) else { return word }
        step1a(&letters)
        step1b(&letters)
        step1c(&letters)
        return String(decoding: letters, as: UTF8.self)
    }
}

// MARK: - Steps

private extension EnglishStemmer {
    /// `caresses` → `caress`, `ponies` → `poni`, `cats` → `cat`.
    static func step1a(_ word: inout [UInt8]) {
        if word.hasSuffix("sses") || word.hasSuffix("ies") {
            word.removeLast(2)
        } else if word.hasSuffix("s") && !word.hasSuffix("ss") {
            word.removeLast()
        }
    }

    /// `agreed` → `agree`, `plastered` → `plaster`, `hopping` → `hop`, `filing` → `file`.
    static func step1b(_ word: inout [UInt8]) {
        if word.hasSuffix("eed") {
            if measure(word.dropLast(3)) > 0 { word.removeLast() }
            return
        }
        let suffix = word.hasSuffix("ed") ? 2 : word.hasSuffix("ing") ? 3 : 0
        guard suffix > 0, hasVowel(word.dropLast(suffix)) else { return }
        word.removeLast(suffix)
        if word.hasSuffix("at") || word.hasSuffix("bl") || word.hasSuffix("iz") {
            word.append(UInt8(ascii: "e"))
        } else if endsWithDoubleConsonant(word), let last = word.last, !"lsz".utf8.contains(last) {
            word.removeLast()
        } else if measure(word[...]) == 1 && endsConsonantVowelConsonant(word) {
            word.append(UInt8(ascii: "e"))
        }
    }

    /// `happy` → `happi`, when the rest has a vowel.
    static func step1c(_ word: inout [UInt8]) {
        if word.hasSuffix("y") && hasVowel(word.dropLast()) {
            word[word.count - 1] = UInt8(ascii: "i")
        }
    }

    /// A consonant is a letter other than a, e, i, o, u, and other than y after a consonant.
    static func isConsonant(_ word: ArraySlice<UInt8>, _ index: Int) -> Bool {
        switch word[index] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return false
        case UInt8(ascii: "y"): return index == word.startIndex || !isConsonant(word, index - 1)
        default: return true
        }
    }

    /// Porter's m: the number of vowel-consonant sequences, `[C](VC)^m[V]`.
    static func measure(_ word: ArraySlice<UInt8>) -> Int {
        var count = 0
        var previousWasVowel = false
        for index in word.indices {
            let consonant = isConsonant(word, index)
            if consonant && previousWasVowel { count += 1 }
            previousWasVowel = !consonant
        }
        return count
    }

    static func hasVowel(_ word: ArraySlice<UInt8>) -> Bool {
        word.indices.contains { !isConsonant(word, $0) }
    }

    static func endsWithDoubleConsonant(_ word: [UInt8]) -> Bool {
        let count = word.count
        return count >= 2 && word[count - 1] == word[count - 2] && isConsonant(word[...], count - 1)
    }

    /// Consonant, vowel, consonant, the last not w, x or y: `hop`, not `snow`.
    static func endsConsonantVowelConsonant(_ word: [UInt8]) -> Bool {
        let count = word.count
        guard count >= 3 else { return false }
        let slice = word[...]
        return isConsonant(slice, count - 3) && !isConsonant(slice, count - 2) && isConsonant(slice, count - 1)
            && !"wxy".utf8.contains(word[count - 1])
    }
}

private extension Array where Element == UInt8 {
    func hasSuffix(_ suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        return count >= tail.count && self[(count - tail.count)...].elementsEqual(tail)
    }
}
