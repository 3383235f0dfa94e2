/// Slugs and ids: the ASCII names of chapters, tables and columns, and heading ids made from text.
package enum Slug {
    /// `a-z 0-9 -`, not starting or ending with `-`.
    package static func isValid(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// An id made from a heading's text: letters (Chinese ones too) and digits kept, lower case,
    /// everything else a single `-`. `各經濟體國情報告` stays `各經濟體國情報告`; `APEC 發展報告` becomes
    /// `apec-發展報告`.
    package static func make(from text: String) -> String {
        var result = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? "section" : result
    }
}
