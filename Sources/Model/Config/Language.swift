/// A language of the site.
public struct Language: Hashable, Sendable {
    /// The BCP 47 code used in `lang` and `hreflang` (`zh-Hant`, `en`) and as the content folder.
    public var code: String
    /// The language's own name, shown on the language switch.
    public var name: String
    /// How the language writes numbers, money and dates.
    public var style: WritingStyle
    /// How the language writes the report's section numbers.
    public var numbering: NumberingScheme

    public init(code: String, name: String, style: WritingStyle? = nil, numbering: NumberingScheme = .plain) {
        self.code = code
        self.name = name
        self.style = style ?? WritingStyle(locale: code)
        self.numbering = numbering
    }

    /// The folder of the language's pages in the site: the code in lower case (`zh-hant`).
    public var urlSegment: String { code.lowercased() }
}

/// How a language writes values, as `site.yaml` sets it: the locale whose conventions Foundation
/// (ICU) applies, and the few house choices a report makes on top of them.
public struct WritingStyle: Hashable, Sendable {
    /// The locale (`zh-Hant-TW`, `en-GB`); by default the language's code.
    public var locale: String
    /// A space between Han characters and digits (`2016 年 6 月`), as many Chinese reports write.
    public var spacesBetweenHanAndDigits: Bool
    /// Money in a currency written by a pattern instead of the locale (`USD: "{amount} 美元"`).
    public var currencyPatterns: [String: String]

    public init(locale: String, spacesBetweenHanAndDigits: Bool = false, currencyPatterns: [String: String] = [:]) {
        self.locale = locale
        self.spacesBetweenHanAndDigits = spacesBetweenHanAndDigits
        self.currencyPatterns = currencyPatterns
    }
}
