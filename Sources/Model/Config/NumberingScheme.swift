import Foundation

/// How a language writes section numbers, one format per level of the report's outline:
/// `({han})` writes 11 as (十一), `({decimal})` as (11). Set per language in `site.yaml`.
public struct NumberingScheme: Hashable, Sendable {
    /// The formats by level, outermost first; each holds one `{style}` placeholder.
    public var levels: [String]

    public init(levels: [String]) {
        self.levels = levels
    }

    /// Plain numbers at every level (`1.`), for a language whose site.yaml gives no scheme.
    public static let plain = NumberingScheme(levels: Array(repeating: "{decimal}.", count: 6))

    /// The label of number `value` at `level` (1 for the outermost), or nil when the scheme has no
    /// such level or the level is left unnumbered (0).
    public func label(_ value: Int, level: Int) -> String? {
        guard value > 0, levels.indices.contains(level - 1) else { return nil }
        let format = levels[level - 1]
        guard let (range, style) = Self.placeholder(in: format) else { return format }
        return format.replacingCharacters(in: range, with: style.format(value))
    }

    /// `label` followed by `title`, with a space between unless the label ends in CJK
    /// punctuation (`一、會議名稱`, but `(十一) 討論`, `1. Meeting`).
    public static func titled(_ label: String?, _ title: String) -> String {
        guard let label else { return title }
        return label + separator(after: label) + title
    }

    /// What goes between a label and its title: nothing after CJK punctuation, else a space.
    public static func separator(after label: String) -> String {
        guard let last = label.unicodeScalars.last else { return " " }
        return (0x3000...0x303F).contains(last.value) || (0xFF00...0xFF0F).contains(last.value) ? "" : " "
    }

    /// The `{style}` placeholder of `format` and its counter style; nil when there is none.
    static func placeholder(in format: String) -> (Range<String.Index>, CounterStyle)? {
        guard let open = format.firstIndex(of: "{"), let close = format[open...].firstIndex(of: "}") else { return nil }
        guard let style = CounterStyle(rawValue: String(format[format.index(after: open)..<close])) else { return nil }
        return (open..<format.index(after: close), style)
    }
}

/// The ways of writing a section number, named as CSS names its counter styles where it has one.
public enum CounterStyle: String, CaseIterable, Sendable {
    case decimal
    /// Chinese numerals as ICU spells them (十一, 二十一).
    case han
    /// Financial (formal) Chinese numerals: 壹, 貳, 參, as a report numbers its parts.
    case hanFormal = "han-formal"
    case upperRoman = "upper-roman"
    case lowerRoman = "lower-roman"
    case upperAlpha = "upper-alpha"
    case lowerAlpha = "lower-alpha"

    public func format(_ value: Int) -> String {
        switch self {
        case .decimal: return String(value)
        case .han: return Self.hanNumerals(value)
        case .hanFormal: return String(Self.hanNumerals(value).map { Self.formalDigits[$0] ?? $0 })
        case .upperRoman: return Self.roman(value)
        case .lowerRoman: return Self.roman(value).lowercased()
        case .upperAlpha: return Self.alphabetic(value)
        case .lowerAlpha: return Self.alphabetic(value).lowercased()
        }
    }

    /// ICU's spelled-out Chinese cardinal (its rules for 十 and 一十 are those reports use).
    /// Section numbers are small and asked for with every heading and chapter list: those below
    /// 1,000 are spelled once, by one formatter.
    private static func hanNumerals(_ value: Int) -> String {
        smallHanNumerals.indices.contains(value) ? smallHanNumerals[value] : spellOut(value, with: chineseSpellOut())
    }

    private static let smallHanNumerals: [String] = {
        let formatter = chineseSpellOut()
        return (0..<1000).map { spellOut($0, with: formatter) }
    }()

    private static func chineseSpellOut() -> NumberFormatter {
        let formatter = NumberFormatter()
        formatter.numberStyle = .spellOut
        formatter.locale = Locale(identifier: "zh-Hant")
        return formatter
    }

    private static func spellOut(_ value: Int, with formatter: NumberFormatter) -> String {
        formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    private static let formalDigits: [Character: Character] = [
        "一": "壹", "二": "貳", "三": "參", "四": "肆", "五": "伍", "六": "陸", "七": "柒", "八": "捌", "九": "玖", "十": "拾", "百": "佰",
        "千": "仟",
    ]

    private static func roman(_ value: Int) -> String {
        guard value < 4000 else { return String(value) }
        let numerals = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
            (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var result = ""
        for (amount, numeral) in numerals {
            while rest >= amount {
                result += numeral
                rest -= amount
            }
        }
        return result
    }

    /// A, B … Z, AA, AB …, as CSS's `upper-alpha`.
    private static func alphabetic(_ value: Int) -> String {
        var rest = value
        var letters = ""
        while rest > 0 {
            rest -= 1
            letters = String(UnicodeScalar(UInt8(65 + rest % 26))) + letters
            rest /= 26
        }
        return letters
    }
}
