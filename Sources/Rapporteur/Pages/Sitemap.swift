import Markdown

/// `sitemap.xml` with an `xhtml:link` alternate for every language of each page.
struct Sitemap {
    let pages: [PageBuilder.Page]
    let urls: SiteURLs

    func xml() -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">",
        ]
        for page in pages.sorted(by: { $0.path < $1.path }) {
            lines.append("  <url>")
            lines.append("    <loc>\(HTML.escape(urls.absolute(page.path)))</loc>")
            for (code, path) in page.alternates.sorted(by: { $0.key < $1.key }) {
                lines.append("    <xhtml:link rel=\"alternate\" hreflang=\"\(code)\" href=\"\(HTML.escape(urls.absolute(path)))\"/>")
            }
            if !page.alternates.isEmpty {
                lines.append(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(HTML.escape(urls.absolute(page.xDefault)))\"/>")
            }
            lines.append("  </url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }
}
