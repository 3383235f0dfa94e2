/// Limits checked on a document's bytes before cmark parses it: inputs that libcmark 0.30.2
/// (Debian 12's) takes quadratic time over, fixed only in later versions of cmark, are refused
/// before they cost seconds. Deep nesting is refused again, exactly, after parsing.
enum SourceLimits {
    /// Image openers (`![`) in one document: 20,000 of cmark's pathological `![[]()` take it
    /// 0.6 s, 160,000 minutes.
    static let maximumImageOpeners = 10_000

    /// The first place where the document goes past a limit, or nil.
    static func firstExcess(in bytes: UnsafeBufferPointer<UInt8>) -> MarkdownLimit? {
        var line = 1
        var lineStart = 0
        var openers = 0
        var index = 0
        var atLineStart = true
        while index < bytes.count {
            if atLineStart {
                atLineStart = false
                if let column = columnTooDeep(bytes, from: index) {
                    return .nestedTooDeep(SourcePosition(line: line, column: column - index + 1), limit: CommonMark.maximumNesting)
                }
            }
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                line += 1
                lineStart = index + 1
                atLineStart = true
            case UInt8(ascii: "!") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "["):
                openers += 1
                if openers > maximumImageOpeners {
                    return .tooManyImages(SourcePosition(line: line, column: index - lineStart + 1), limit: maximumImageOpeners)
                }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    /// Where the container markers that start a line (`>`, and list markers `-` `+` `*` `1.`
    /// `1)`) and the block they hold pass the nesting limit, as a byte offset: the place the exact
    /// check after parsing reports. A block quote is one level, a list item two (the list and the
    /// item), the block in them one. A thematic break (`- - -`) holds no list markers.
    private static func columnTooDeep(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        var levels = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\n") { return nil }
            let width: Int
            if byte == UInt8(ascii: ">") {
                (levels, width) = (levels + 1, 1)
            } else if let marker = listMarkerWidth(bytes, at: index) {
                (levels, width) = (levels + 2, marker)
            } else {
                width = 0
                levels += 1
            }
            if levels > CommonMark.maximumNesting { return isThematicBreak(bytes, from: start) ? nil : index }
            if width == 0 { return nil }
            index += width
        }
        return nil
    }

    /// The width of a list marker at `index` followed by white space or the line's end, or nil.
    private static func listMarkerWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var end = index
        if [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*")].contains(bytes[index]) {
            end += 1
        } else {
            while end < bytes.count, end - index < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
            guard end > index, end < bytes.count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")") else { return nil }
            end += 1
        }
        guard end == bytes.count || [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n")].contains(bytes[end]) else { return nil }
        return end - index
    }

    /// Whether the line from `start` is only one of `-` `*` `_` and white space.
    private static func isThematicBreak(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var mark: UInt8?
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
            let byte = bytes[index]
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                guard [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "_")].contains(byte), mark == nil || mark == byte else {
                    return false
                }
                mark = byte
            }
            index += 1
        }
        return true
    }
}
