/// A chapter's HTML with its headings' links to themselves, and where each of those links is.
public struct HeadingLinkedHTML: Sendable {
    public let html: String
    /// The UTF-8 offsets of each `<a class="heading-link" …>#</a>` in `html`, in order.
    public let headingLinks: [Range<Int>]

    /// The HTML as a renderer without a heading link label writes it.
    public var withoutHeadingLinks: String {
        guard !headingLinks.isEmpty else { return html }
        let utf8 = Array(html.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var kept = 0
        for link in headingLinks {
            bytes += utf8[kept..<link.lowerBound]
            kept = link.upperBound
        }
        bytes += utf8[kept...]
        return String(decoding: bytes, as: UTF8.self)
    }
}
