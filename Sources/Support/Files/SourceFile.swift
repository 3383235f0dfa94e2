import Foundation

/// Reading source files as UTF-8 text, with the line of the first bad byte when they are not.
package enum SourceFile {
    package static func read(_ url: URL, as file: String) throws(SiteError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SiteError("cannot read the file: \(error.localizedDescription)", at: SourceLocation(file: file))
        }
        return try decode(data, as: file)
    }

    package static func decode(_ data: Data, as file: String) throws(SiteError) -> String {
        if let text = String(validating: data, as: UTF8.self) {
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        let bytes = [UInt8](data)
        let bad = firstInvalidByte(bytes) ?? 0
        let lineStart = bytes[..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = bytes[..<bad].count(where: { $0 == 0x0A }) + 1
        let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).count + 1
        throw SiteError("invalid UTF-8: the file must be saved as UTF-8", at: SourceLocation(file: file, line: line, column: column))
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629).
    private static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let length: Int
            let second: ClosedRange<UInt8>
            switch bytes[index] {
            case 0x00...0x7F:
                index += 1
                continue
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return index
            }
            guard index + length <= bytes.count, second.contains(bytes[index + 1]),
                bytes[(index + 2)..<(index + length)].allSatisfy({ (0x80...0xBF).contains($0) })
            else { return index }
            index += length
        }
        return nil
    }
}
