/// The `Content-Type` of a site file, chosen by its extension.
enum MediaType {
    /// The header value, with `charset=utf-8` for every text format (the builder writes UTF-8).
    static func contentType(forPath path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        let fileExtension = name.contains(".") ? String(name.split(separator: ".").last ?? "").lowercased() : ""
        if let text = textTypes[fileExtension] { return text + "; charset=utf-8" }
        return binaryTypes[fileExtension] ?? "application/octet-stream"
    }

    static func isHTML(_ path: String) -> Bool {
        path.isEmpty || path.hasSuffix("/") || path.lowercased().hasSuffix(".html")
    }

    private static let textTypes: [String: String] = [
        "html": "text/html", "css": "text/css", "js": "text/javascript", "mjs": "text/javascript",
        "json": "application/json", "csv": "text/csv", "txt": "text/plain", "xml": "application/xml",
        "svg": "image/svg+xml", "webmanifest": "application/manifest+json",
    ]

    private static let binaryTypes: [String: String] = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon", "pdf": "application/pdf",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
    ]
}
