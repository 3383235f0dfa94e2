import Markdown
import Model

/// Numbers a chapter's `##`-`####` headings as the report numbers its sections, from the
/// chapter's place in the outline (`ChapterNumbering`) and its language's scheme: the number goes
/// before the heading's text and into the outline, so the heading, the contents and the print
/// edition show it. The same path gives every language the same section: (十一) and (11).
struct SectionNumberer {
    let numbering: ChapterNumbering
    let scheme: NumberingScheme

    /// The headings with their numbers, and the outline with each entry's label.
    func run(_ blocks: [Block], outline: [OutlineEntry]) -> (blocks: [Block], outline: [OutlineEntry]) {
        var counters = numbering.firstSection
        counters[counters.count - 1] -= 1
        let sectionDepth = counters.count
        var labels: [String?] = []
        let numbered = Rewriter.rewrite(blocks) { block in
            guard case .heading(let level, let content, let id, let position) = block, (2...4).contains(level) else { return block }
            let depth = sectionDepth + level - 2
            while counters.count < depth { counters.append(0) }
            counters.removeLast(counters.count - depth)
            counters[depth - 1] += 1
            let label = scheme.label(counters[depth - 1], level: depth)
            labels.append(label)
            guard let label else { return block }
            let separator = NumberingScheme.separator(after: label)
            return .heading(level: level, content: [.sectionNumber(label + separator)] + content, id: id, position)
        }
        var labelled = outline
        for index in labelled.indices where index < labels.count { labelled[index].number = labels[index] }
        return (numbered, labelled)
    }
}
