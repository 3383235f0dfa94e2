import Foundation

/// The terms of many texts (see `SearchTokenizer`), each term numbered in the order it is first
/// seen.
///
/// Texts are read as UTF-8 bytes, and a term is looked up by its bytes: the millions of terms of a
/// large site are not each made into a `String`, and each distinct word is stemmed only once.
package struct SearchTerms {
    /// The text of each term, by number.
    private var texts = NumberedByteStrings()
    /// The (folded) words seen so far, and the term of each: `nil` for a stop word or a single letter.
    private var words = NumberedByteStrings()
    private var wordTerms: [Int?] = []
    /// A word with capitals, folded (reused: most words with capitals are new to no one).
    private var foldedWord: [UInt8] = []
    private let rules: SearchRules
    /// `CharacterVariants.table`, read once for the millions of characters folded.
    private let variants = CharacterVariants.table
    /// The folded form of each ideograph from U+4E00 to U+9FFF (those told by their first byte)
    /// packed as `packedUTF8` does, 3 bytes: there is one for almost every character of a Chinese
    /// page, which then needs neither a `Unicode.Scalar` nor packing.
    private let foldedIdeographs = SearchTerms.packedFoldedIdeographs
    private static let foldedIdeographsStart = 0x4E00
    private static let packedFoldedIdeographs: [UInt32] = (foldedIdeographsStart...0x9FFF).map { value in
        let folded = packedUTF8(CharacterVariants.fold(Unicode.Scalar(UInt32(value))!))
        precondition(folded.length == 3, "an ideograph folds to one of 3 bytes")
        return UInt32(folded.bytes)
    }

    /// English rules unless told otherwise.
    package init(rules: SearchRules = SearchRules(language: "en")) {
        self.rules = rules
    }

    /// How many terms are numbered: every term below it has been seen.
    package var count: Int { texts.count }

    package func text(of term: Int) -> String {
        String(decoding: texts[term], as: UTF8.self)
    }

    /// Every term's number, the terms in UTF-8 byte order (code point order).
    package func numbersInByteOrder() -> [Int] { texts.numbersInByteOrder() }

    /// The numbers of the CJK characters a term of two holds: -1 for a term that is not such a
    /// pair, and `second` -1 when both characters are the same (a pair's occurrence counts once
    /// for each of its characters).
    package typealias Characters = (first: Int32, second: Int32)

    /// Appends to `held`, which has the entries of the first `held.count` terms, those of the
    /// terms after them, numbering the characters that are new as terms of one character.
    package mutating func appendCharacters(to held: inout [Characters]) {
        while held.count < texts.count {
            let text = Array(texts[held.count])
            let (scalar, length) = text.withUnsafeBufferPointer { $0.scalar(at: 0) }
            guard length < text.count, SearchTokenizer.isCJK(scalar) else {
                held.append((-1, -1))
                continue
            }
            let (first, second) = (text[..<length], text[length...])
            let firstNumber = Int32(texts.number(of: first).number)
            let secondNumber = first.elementsEqual(second) ? -1 : Int32(texts.number(of: second).number)
            held.append((firstNumber, secondNumber))
        }
    }

    /// Appends the number of each term of `text` to `numbers`, in order, with repeats.
    package mutating func appendTerms(of text: String, to numbers: inout [Int]) {
        var text = text
        text.withUTF8 { appendTerms(ofUTF8: $0, to: &numbers) }
    }

    /// Appends the number of each term of the text `utf8` (valid UTF-8) to `numbers`, in order,
    /// with repeats.
    package mutating func appendTerms(ofUTF8 utf8: UnsafeBufferPointer<UInt8>, to numbers: inout [Int]) {
        let start = (numbers: numbers.count, texts: texts.count, words: words.count)
        if appendTerms(ofUTF8: utf8, folding: true, to: &numbers) { return }
        // A scalar `fastFold` does not take: the whole text is normalised by Foundation instead,
        // and what the fast pass numbered is forgotten, so terms are numbered as they are posted.
        numbers.removeSubrange(start.numbers...)
        texts.removeLast(texts.count - start.texts)
        words.removeLast(words.count - start.words)
        wordTerms.removeSubrange(start.words...)
        var normalized = String(decoding: utf8, as: UTF8.self).precomposedStringWithCompatibilityMapping.lowercased()
        _ = normalized.withUTF8 { appendTerms(ofUTF8: $0, folding: false, to: &numbers) }
    }

    /// The terms of normalised text, or of text to fold scalar by scalar with `fastFold`; false,
    /// having stopped, when folding meets a scalar `fastFold` does not take (it takes all of ASCII
    /// and the ideographs told by their first byte). Folding leaves CJK characters as they are (it
    /// takes only ideographs, and returns them; it gives no CJK for other scalars), so a CJK term
    /// is always one or two characters of `utf8`, each folded by `CharacterVariants`.
    private mutating func appendTerms(ofUTF8 utf8: UnsafeBufferPointer<UInt8>, folding: Bool, to numbers: inout [Int]) -> Bool {
        // The previous character, folded by `CharacterVariants`, when it is CJK, as its UTF-8 bytes
        // in an integer (see `packedUTF8`): a pair of two is at most 8 bytes, so it is looked up
        // without being written out. There is a pair for almost every character of a Chinese page.
        var previous: (bytes: UInt64, length: Int) = (0, 0)
        var runLength = 0
        var wordStart: Int?
        var wordIsFolded = true  // else it has capitals, say, and is folded when it ends
        var index = 0
        /// Adds a CJK character of `length` bytes of `utf8`, `character` being its folded form packed.
        func addCJK(_ character: (bytes: UInt64, length: Int), length: Int) {
            endWord()
            if runLength > 0 {
                let pair = previous.bytes << (8 * character.length) | character.bytes
                numbers.append(texts.number(ofShort: pair, length: previous.length + character.length).number)
            }
            previous = character
            runLength += 1
            index += length
        }
        func endRun() {
            if runLength == 1 { numbers.append(texts.number(ofShort: previous.bytes, length: previous.length).number) }
            runLength = 0
        }
        func addToWord(length: Int, isFolded: Bool) {
            endRun()
            if wordStart == nil { wordStart = index }
            if !isFolded { wordIsFolded = false }
            index += length
        }
        func endWord() {
            guard let start = wordStart else { return }
            let text = UnsafeBufferPointer(rebasing: utf8[start..<index])
            let number: Int
            let isNew: Bool
            if wordIsFolded {
                (number, isNew) = words.number(of: text)
            } else {
                Self.fold(text, into: &foldedWord)
                (number, isNew) = words.number(of: foldedWord)
            }
            if isNew { wordTerms.append(term(ofWord: String(decoding: words[number], as: UTF8.self))) }
            if let term = wordTerms[number] { numbers.append(term) }
            wordStart = nil
            wordIsFolded = true
        }
        while index < utf8.count {
            // ASCII (most of the text) and most ideographs are told by their first byte.
            switch utf8[index] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): addToWord(length: 1, isFolded: true)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): addToWord(length: 1, isFolded: !folding)
            case ..<0x80:
                endRun()
                endWord()
                index += 1
            case 0xE4...0xE9 where utf8[index] > 0xE4 || utf8[index + 1] >= 0xB8:  // U+4E00 to U+9FFF, all ideographs
                let value = Int(utf8[index] & 0x0F) << 12 | Int(utf8[index + 1] & 0x3F) << 6 | Int(utf8[index + 2] & 0x3F)
                addCJK((UInt64(foldedIdeographs[value - Self.foldedIdeographsStart]), 3), length: 3)
            default:
                let (decoded, length) = utf8.scalar(at: index)
                let scalar = folding ? SearchTokenizer.fastFold(decoded) : decoded
                guard let scalar else { return false }
                if SearchTokenizer.isCJK(decoded) {  // as `fastFold` leaves it
                    addCJK(Self.packedUTF8(CharacterVariants.fold(decoded, table: variants)), length: length)
                    continue
                }
                if SearchTokenizer.isWordScalar(scalar) {
                    addToWord(length: length, isFolded: scalar == decoded)
                } else {
                    endRun()
                    endWord()
                    index += length
                }
            }
        }
        endRun()
        endWord()
        return true
    }

    /// The UTF-8 bytes of `scalar` in one integer, the first byte highest, as `NumberedByteStrings`
    /// keys a short string.
    private static func packedUTF8(_ scalar: Unicode.Scalar) -> (bytes: UInt64, length: Int) {
        let value = UInt64(scalar.value)
        switch value {
        case ..<0x80: return (value, 1)
        case ..<0x800: return ((0xC0 | value >> 6) << 8 | (0x80 | value & 0x3F), 2)
        case ..<0x1_0000: return ((0xE0 | value >> 12) << 16 | (0x80 | value >> 6 & 0x3F) << 8 | (0x80 | value & 0x3F), 3)
        default:
            return (
                (0xF0 | value >> 18) << 24 | (0x80 | value >> 12 & 0x3F) << 16 | (0x80 | value >> 6 & 0x3F) << 8 | (0x80 | value & 0x3F), 4
            )
        }
    }

    /// `word` folded with `fastFold`, in place of what `folded` held.
    private static func fold(_ word: UnsafeBufferPointer<UInt8>, into folded: inout [UInt8]) {
        folded.removeAll(keepingCapacity: true)
        var index = 0
        while index < word.count {
            let byte = word[index]
            if byte < 0x80 {  // most words with capitals are ASCII, folded by a byte's case alone
                folded.append(UInt8(ascii: "A")...UInt8(ascii: "Z") ~= byte ? byte + 0x20 : byte)
                index += 1
                continue
            }
            let (scalar, length) = word.scalar(at: index)
            folded += SearchTokenizer.fastFold(scalar)!.utf8
            index += length
        }
    }

    private mutating func term(ofWord word: String) -> Int? {
        let word = word.utf8.allSatisfy { $0 < 0x80 } ? word : word.folding(options: .diacriticInsensitive, locale: nil)
        guard word.count > 1 else { return nil }
        guard rules.stemsEnglish else { return texts.number(of: word.utf8).number }
        guard !SearchTokenizer.stopWords.contains(word) else { return nil }
        return texts.number(of: EnglishStemmer.stem(word).utf8).number
    }
}

/// Byte strings, numbered in the order they are added: a hash table of bytes, much faster than
/// one of `String`s.
package struct NumberedByteStrings {
    private struct Slot {
        /// A string of up to 8 bytes is told by its bytes in an integer (and its length); a longer
        /// one by an FNV-1a hash of them, and then its bytes.
        package var key: UInt64
        package var length: Int32
        package var number: Int32
    }

    /// The strings, end to end: string `n` is `bytes[ends[n]..<ends[n + 1]]`.
    private var bytes: [UInt8] = []
    private var ends = [0]
    /// Open addressing with linear probing; a slot with the number -1 is empty. Slots hold the
    /// key and length, so a lookup of a short string reads one slot and nothing else.
    private var slots = [Slot](repeating: Slot(key: 0, length: 0, number: -1), count: 1024)

    package var count: Int { ends.count - 1 }

    package subscript(number: Int) -> ArraySlice<UInt8> { bytes[ends[number]..<ends[number + 1]] }

    /// The numbers of all the strings, the strings in byte order. Compared with `memcmp`, in place:
    /// slices of `bytes` would be retained and released at each comparison.
    package func numbersInByteOrder() -> [Int] {
        bytes.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in
                (0..<count).sorted { first, second in
                    let firstLength = ends[first + 1] - ends[first]
                    let secondLength = ends[second + 1] - ends[second]
                    let length = min(firstLength, secondLength)
                    let order = length == 0 ? 0 : memcmp(bytes.baseAddress! + ends[first], bytes.baseAddress! + ends[second], length)
                    return order < 0 || (order == 0 && firstLength < secondLength)
                }
            }
        }
    }

    /// The number of `string`, added if it is new.
    package mutating func number(of string: some Collection<UInt8>) -> (number: Int, isNew: Bool) {
        let key = Self.key(of: string)
        if string.count <= 8 { return number(ofShort: key, length: string.count) }
        var index = Self.slotIndex(of: key, among: slots.count)
        while slots[index].number >= 0 {
            let slot = slots[index]
            if slot.key == key && slot.length == string.count && hasBytes(Int(slot.number), string) {
                return (Int(slot.number), false)
            }
            index = (index + 1) & (slots.count - 1)
        }
        bytes += string
        return add(at: index, key: key, length: string.count)
    }

    /// Whether string `number` is `string`, compared with `memcmp` where `string` is contiguous:
    /// a long word is compared at each of its occurrences, and comparing element by element is
    /// slow.
    private func hasBytes(_ number: Int, _ string: some Collection<UInt8>) -> Bool {
        let stored = self[number]
        let equal = string.withContiguousStorageIfAvailable { string in
            stored.withUnsafeBufferPointer { memcmp($0.baseAddress!, string.baseAddress!, string.count) == 0 }
        }
        return equal ?? stored.elementsEqual(string)
    }

    /// The number of the string of `length` bytes (at most 8) that `key` holds, the first byte
    /// highest, added if it is new.
    package mutating func number(ofShort key: UInt64, length: Int) -> (number: Int, isNew: Bool) {
        var index = Self.slotIndex(of: key, among: slots.count)
        while slots[index].number >= 0 {
            let slot = slots[index]
            if slot.key == key && slot.length == length { return (Int(slot.number), false) }
            index = (index + 1) & (slots.count - 1)
        }
        for shift in stride(from: 8 * (length - 1), through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: key >> shift)) }
        return add(at: index, key: key, length: length)
    }

    /// Forgets the last `count` strings, the newest first.
    package mutating func removeLast(_ count: Int) {
        for _ in 0..<count {
            let number = self.count - 1
            var index = Self.slotIndex(of: Self.key(of: self[number]), among: slots.count)
            while slots[index].number != number { index = (index + 1) & (slots.count - 1) }
            removeSlot(at: index)
            bytes.removeSubrange(ends[number]...)
            ends.removeLast()
        }
    }

    /// Empties the slot at `index`, moving back the slots after it that probing would no longer
    /// reach (deletion by backward shift, which linear probing needs instead of a tombstone).
    private mutating func removeSlot(at index: Int) {
        let mask = slots.count - 1
        var hole = index
        var next = (hole + 1) & mask
        while slots[next].number >= 0 {
            // A slot may fill the hole unless its own index lies between the hole and it.
            let home = Self.slotIndex(of: slots[next].key, among: slots.count)
            if (next - home) & mask >= (next - hole) & mask {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole].number = -1
    }

    /// A string's bytes in an integer, the first highest, for up to 8 bytes; else their FNV-1a hash.
    private static func key(of string: some Collection<UInt8>) -> UInt64 {
        if string.count <= 8 { return string.reduce(0) { $0 << 8 | UInt64($1) } }
        return string.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }

    /// Numbers the string just appended to `bytes`, in the empty slot at `index`.
    private mutating func add(at index: Int, key: UInt64, length: Int) -> (number: Int, isNew: Bool) {
        slots[index] = Slot(key: key, length: Int32(length), number: Int32(count))
        ends.append(bytes.count)
        if count * 4 > slots.count * 3 { grow() }
        return (count - 1, true)
    }

    private static func slotIndex(of key: UInt64, among slotCount: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (slotCount - 1)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, length: 0, number: -1), count: slots.count * 2)
        for slot in old where slot.number >= 0 {
            var index = Self.slotIndex(of: slot.key, among: slots.count)
            while slots[index].number >= 0 { index = (index + 1) & (slots.count - 1) }
            slots[index] = slot
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The scalar that starts at `index` of this valid UTF-8, and its length in bytes.
    @inline(__always)
    package func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(self[index])
        func continuation(_ offset: Int) -> UInt32 { UInt32(self[index + offset] & 0x3F) }
        switch lead {
        case ..<0x80: return (Unicode.Scalar(UInt8(lead)), 1)
        case ..<0xE0: return (Unicode.Scalar((lead & 0x1F) << 6 | continuation(1))!, 2)
        case ..<0xF0: return (Unicode.Scalar((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2))!, 3)
        default: return (Unicode.Scalar((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3))!, 4)
        }
    }
}
