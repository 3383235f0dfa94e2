import Support

/// Table HTML (or the error that rendering it gave) by table name, language code and anchor,
/// shared by the threads expanding chapters and rendering pages of one build: the table blocks,
/// table pages and print editions of a language show the same HTML.
typealias RenderedTables = OnceByKey<[String], Result<String, SiteError>>
