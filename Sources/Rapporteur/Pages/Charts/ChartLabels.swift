import Model

/// Text layout for charts without a font at hand: widths estimated from the characters (a CJK
/// character is one em, other characters about 0.58 em), lines wrapped to a width, ticks thinned
/// so their labels never touch, and a mark's text put where it does not collide.
enum ChartLabels {
    /// The average advance of a Latin character, in ems, over the theme's sans-serif fonts
    /// (DejaVu Sans's digits are 0.64 em; wide, so that estimates err towards room).
    static let narrowAdvance = 0.64
    /// How much wider bold text is than regular.
    static let boldFactor = 1.1

    /// The estimated width of `text` at `fontSize`, in bold if `bold`.
    static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        let count = text.unicodeScalars.count
        let columns = Table.Column.displayWidth(Substring(text))
        let wide = columns - count
        return (Double(wide) + Double(count - wide) * narrowAdvance) * fontSize * (bold ? boldFactor : 1)
    }

    /// `text` broken into lines no wider than `width`: between words, and between any two CJK
    /// characters. A word wider than the line gets a line of its own.
    static func wrap(_ text: String, width: Double, fontSize: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = ""
            for token in tokens(String(paragraph)) {
                let candidate = line.isEmpty ? token.trimmingLeadingSpace : line + token
                if !line.isEmpty, Self.width(candidate, fontSize: fontSize, bold: bold) > width {
                    lines.append(line)
                    line = token.trimmingLeadingSpace
                } else {
                    line = candidate
                }
            }
            if !line.isEmpty { lines.append(line) }
        }
        return lines
    }

    /// The indices of the ticks to label: every one if their labels fit, else every second,
    /// third… so that neighbouring labels, centred on `positions`, keep `gap` between them.
    static func ticksToLabel(positions: [Double], widths: [Double], gap: Double) -> [Int] {
        guard positions.count > 1 else { return Array(positions.indices) }
        for stride in 1..<positions.count {
            let kept = Array(Swift.stride(from: 0, to: positions.count, by: stride))
            let fits = zip(kept, kept.dropFirst()).allSatisfy { left, right in
                positions[right] - positions[left] >= (widths[left] + widths[right]) / 2 + gap
            }
            if fits { return kept }
        }
        return [0]
    }

    /// Where a tick's label is centred: on its tick, but moved in so that it stays between 0
    /// and `limit`.
    static func centres(of positions: [Double], widths: [Double], limit: Double) -> [Double] {
        zip(positions, widths).map { position, width in min(max(position, width / 2), limit - width / 2) }
    }

    /// Where a mark's text goes.
    enum Placement: Equatable {
        /// After the mark's end, left-aligned at `x`.
        case after(x: Double)
        /// Before the mark's start, right-aligned at `x`.
        case before(x: Double)
        /// On a line of its own under the mark, left-aligned at `x`.
        case below(x: Double)
    }

    /// After the mark if the text fits before `limit`, else before it if it fits after 0, else
    /// on a line below, starting where the mark starts but not beyond the edge.
    static func place(textWidth: Double, markStart: Double, markEnd: Double, gap: Double, limit: Double) -> Placement {
        if markEnd + gap + textWidth <= limit { return .after(x: markEnd + gap) }
        if markStart - gap - textWidth >= 0 { return .before(x: markStart - gap) }
        return .below(x: max(0, min(markStart, limit - textWidth)))
    }

    /// Words with their leading space, and CJK characters one by one, so a line can break
    /// before any of them.
    private static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            let isWide = Table.Column.displayWidth(Substring(String(character))) > character.unicodeScalars.count
            if character == " " || isWide {
                if !current.isEmpty { tokens.append(current) }
                current = String(character)
                if isWide {
                    tokens.append(current)
                    current = ""
                }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}

private extension String {
    var trimmingLeadingSpace: String { String(drop { $0 == " " }) }
}
