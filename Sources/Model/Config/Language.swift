/// A language of the site.
public struct Language: Hashable, Sendable {
    /// The BCP 47 code used in `lang` and `hreflang` (`zh-Hant`, `en`) and as the content folder.
    public var code: String
    /// The language's own name, shown on the language switch.
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// The folder of the language's pages in the site: the code in lower case (`zh-hant`).
    public var urlSegment: String { code.lowercased() }

    /// Whether values are written the Chinese way (`2016 年 6 月 12 日`).
    public var isChinese: Bool { code.lowercased().hasPrefix("zh") }
}
