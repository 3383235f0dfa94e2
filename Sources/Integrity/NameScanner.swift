/// A Latin name or acronym written in the Chinese text (`Mukhanov`, `APEC`, `IPv6`, `Wi-Fi`).
package struct LatinName: Hashable, Sendable {
    package var written: String
    package var offset: Int

    /// Lower case, letters and digits only, so that `Wi-Fi`, `WiFi` and `wifi` are one name.
    package var key: String { NameScanner.key(written) }
}

/// Finds the Latin names of the Chinese text and looks them up in the English text.
package enum NameScanner {
    /// Runs of Latin letters and digits with at least one capital letter: names and acronyms.
    /// Lower-case words (`e-communication`, `the`) are glosses, which the English may reword.
    package static func names(in line: String) -> [LatinName] {
        var names: [LatinName] = []
        var offset = 0
        var current = ""
        var start = 0
        func flush() {
            while let last = current.last, !isLatinOrDigit(last) { current.removeLast() }
            if current.contains(where: { $0.isASCII && $0.isUppercase }) {
                names.append(LatinName(written: current, offset: start))
            }
            current = ""
        }
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            defer { offset += 1 }
            if isLatinOrDigit(character) {
                if current.isEmpty { start = offset }
                current.append(character)
            } else if !current.isEmpty, joiners.contains(character), let next = characters.first, isLatinOrDigit(next) {
                current.append(character)
            } else if !current.isEmpty {
                flush()
            }
        }
        if !current.isEmpty { flush() }
        return names
    }

    /// The words of a text, as a name is looked up in them.
    package struct Keys: Sendable {
        private var keys: Set<String> = []
        private var words: Set<String> = []

        /// Each word, each word with its joiners (`Wi-Fi` as `wifi`) and each plural taken back
        /// to its singular (`NGOs`). Only ASCII matters here, so the text is read as bytes.
        package init(_ text: String) {
            var chunk: [UInt8] = []
            for byte in text.utf8 {
                if byte > 0x20 && byte < 0x80 {
                    chunk.append(byte)
                } else if !chunk.isEmpty {
                    add(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            if !chunk.isEmpty { add(chunk) }
            keys.remove("")
        }

        private mutating func add(_ chunk: [UInt8]) {
            let joined = key(String(decoding: chunk, as: UTF8.self))
            insert(joined, into: &keys)
            for word in parts(of: String(decoding: chunk, as: UTF8.self)[...]) {
                words.insert(word)
                insert(word, into: &keys)
            }
        }

        private func insert(_ key: String, into set: inout Set<String>) {
            set.insert(key)
            if key.hasSuffix("s") { set.insert(String(key.dropLast())) }
        }

        /// Whether `name` is there as a word, or each of its letter parts is (`700MHz` in
        /// `700 MHz`, `TEL2016-2020` in `TEL Strategic Action Plan 2016-2020`); its digits are
        /// the number check's business.
        package func contains(_ name: LatinName) -> Bool {
            if keys.contains(name.key) { return true }
            let letterParts = NameScanner.parts(of: Substring(name.written)).filter { $0.contains { $0.isLetter } }
            return letterParts.count > 1 || letterParts.first != name.key
                ? letterParts.allSatisfy(words.contains) : false
        }
    }

    /// Lower-case runs of letters or of digits: `TEL2016-2020` is `tel`, `2016`, `2020`.
    package static func parts(of text: Substring) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        var currentIsDigit = false
        func flush() {
            if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            let isDigit = (0x30...0x39).contains(byte)
            let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            guard isDigit || isLetter else {
                flush()
                continue
            }
            if !current.isEmpty && isDigit != currentIsDigit { flush() }
            current.append(isLetter ? byte | 0x20 : byte)
            currentIsDigit = isDigit
        }
        flush()
        return parts
    }

    package static func key(_ text: String) -> String {
        String(text.lowercased().filter { isLatinOrDigit($0) })
    }

    /// `Wi-Fi`, `O'Neil`, `AT&T`, `H.264`, `Internet+Service`.
    private static let joiners: Set<Character> = ["-", ".", "'", "’", "&", "+"]

    package static func isLatinOrDigit(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }
}
