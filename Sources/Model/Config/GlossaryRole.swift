import Support

/// Which table is the site's glossary and which of its columns hold the terms and their
/// expansions: `glossary: {table: NAME, term: COLUMN, expansion: COLUMN}` in `site.yaml`, by
/// default the table `glossary` with the columns `acronym` and `expansion`. A site without that
/// table has no glossary.
public struct GlossaryRole: Sendable {
    public var table = "glossary"
    public var term = "acronym"
    public var expansion = "expansion"
    /// Where `site.yaml` names it; nil for the default, whose table may be missing.
    public var location: SourceLocation?

    public init() {}
}
