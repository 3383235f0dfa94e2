import Search

// The search keeps section text as UTF-8; tests read and write it as text.

extension SectionText {
    var string: String { String(decoding: utf8, as: UTF8.self) }
}

extension SearchIndex.Section {
    var text: String {
        get { String(decoding: utf8, as: UTF8.self) }
        set { utf8 = Array(newValue.utf8) }
    }
}
