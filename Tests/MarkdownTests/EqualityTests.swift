import Testing

@testable import Markdown

/// `==` and `hash(into:)` of blocks and inlines, written on the walker instead of synthesized.
@Suite struct EqualityTests {
    static let here = SourcePosition(line: 1, column: 1)
    static let there = SourcePosition(line: 2, column: 1)
    static let tight = ListStyle(start: nil, isTight: true)

    @Test func equalTreesAreEqualAndHashAlike() throws {
        let source = "## A {#a}\n\n> - *b* [c](d.md \"t\") ![e](f.png)\n>\n> ```x\ny\n```\n\n<div>\n\n***\n"
        let first = try CommonMark.parse(source).blocks
        let second = try CommonMark.parse(source).blocks
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(Set(first + second).count == first.count)
    }

    @Test func everyFieldOfABlockCounts() {
        let pairs: [(Block, Block)] = [
            (.paragraph([.text("a")], Self.here), .paragraph([.text("a")], Self.there)),
            (.paragraph([.text("a")], Self.here), .paragraph([.text("b")], Self.here)),
            (.heading(level: 2, content: [], id: nil, Self.here), .heading(level: 3, content: [], id: nil, Self.here)),
            (.heading(level: 2, content: [], id: nil, Self.here), .heading(level: 2, content: [], id: "x", Self.here)),
            (.heading(level: 2, content: [], id: nil, Self.here), .heading(level: 2, content: [], id: nil, Self.there)),
            (.list(Self.tight, items: [[]]), .list(ListStyle(start: 1, isTight: true), items: [[]])),
            (.list(Self.tight, items: [[]]), .list(ListStyle(start: nil, isTight: false), items: [[]])),
            (.codeBlock(info: "a", literal: "b", Self.here), .codeBlock(info: "x", literal: "b", Self.here)),
            (.codeBlock(info: "a", literal: "b", Self.here), .codeBlock(info: "a", literal: "x", Self.here)),
            (.codeBlock(info: "a", literal: "b", Self.here), .codeBlock(info: "a", literal: "b", Self.there)),
            (.htmlBlock("a", Self.here), .htmlBlock("b", Self.here)),
            (.htmlBlock("a", Self.here), .htmlBlock("a", Self.there)),
            (.generated("a"), .generated("b")),
            (.thematicBreak, .generated("")),
            (.blockQuote([]), .list(Self.tight, items: [])),
        ]
        for (one, other) in pairs {
            #expect(one != other, "\(one) and \(other)")
            #expect(one == one && other == other)
        }
    }

    @Test func everyFieldOfAnInlineCounts() {
        let pairs: [(Inline, Inline)] = [
            (.text("a"), .text("b")), (.code("a"), .code("b")), (.html("a"), .html("b")), (.text("a"), .code("a")),
            (.softBreak, .lineBreak), (.emphasis([]), .strong([])),
            (.abbreviation("a", title: "t"), .abbreviation("b", title: "t")),
            (.abbreviation("a", title: "t"), .abbreviation("a", title: "u")),
            (.abbreviation("a", title: "t"), .abbreviation("a", title: "t", language: "en")),
            (.span("a", language: "en"), .span("b", language: "en")), (.span("a", language: "en"), .span("a", language: "fr")),
            (.span("a", language: "en"), .text("a")),
            (.link(destination: "a", title: "", content: [], Self.here), .link(destination: "b", title: "", content: [], Self.here)),
            (.link(destination: "a", title: "", content: [], Self.here), .link(destination: "a", title: "t", content: [], Self.here)),
            (.link(destination: "a", title: "", content: [], Self.here), .link(destination: "a", title: "", content: [], Self.there)),
            (.image(source: "a", title: "", alt: [], Self.here), .image(source: "b", title: "", alt: [], Self.here)),
            (.image(source: "a", title: "", alt: [], Self.here), .image(source: "a", title: "t", alt: [], Self.here)),
            (.image(source: "a", title: "", alt: [], Self.here), .image(source: "a", title: "", alt: [], Self.there)),
            (.image(source: "a", title: "", alt: [], Self.here), .link(destination: "a", title: "", content: [], Self.here)),
        ]
        for (one, other) in pairs {
            #expect(one != other, "\(one) and \(other)")
            #expect(one == one && other == other)
        }
    }

    /// The same nodes in the same order, nested differently, are different trees.
    @Test func whereChildrenEndCounts() {
        let a = Block.paragraph([.text("a")], Self.here)
        let b = Block.paragraph([.text("b")], Self.here)
        #expect(Block.list(Self.tight, items: [[a], [b]]) != .list(Self.tight, items: [[a, b]]))
        #expect(Block.list(Self.tight, items: [[a], []]) != .list(Self.tight, items: [[a]]))
        #expect(Block.blockQuote([.blockQuote([a]), b]) != .blockQuote([.blockQuote([a, b])]))
        #expect(Inline.emphasis([.text("a"), .emphasis([])]) != .emphasis([.text("a")]))
        #expect(Inline.emphasis([.emphasis([.text("a")]), .text("b")]) != .emphasis([.emphasis([.text("a"), .text("b")])]))
    }
}
