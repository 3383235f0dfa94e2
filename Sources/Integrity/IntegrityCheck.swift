import Foundation
import Model
import Support

/// The bilingual integrity check: both languages must state the same facts.
///
/// Each chapter is compared with its translation section by section (the sections whose
/// headings have the same id): numbers and dates, the Latin names of the original, links,
/// tables and figures. Each table's text must be there in every language and agree in its
/// numbers and names. A correct difference is recorded in `content/integrity-exceptions.yaml`;
/// an exception that covers nothing is reported too, so the file cannot go stale.
package struct IntegrityCheck {
    package let report: Report
    /// The outline of every chapter, per language code and file name: the heading ids.
    package let outlines: [String: [String: [OutlineEntry]]]

    package init(report: Report, outlines: [String: [String: [OutlineEntry]]]) {
        self.report = report
        self.outlines = outlines
    }

    /// Every disagreement, as warnings, or as errors when `strict`.
    package func diagnostics(strict: Bool) -> [Diagnostic] {
        let exceptions: [IntegrityException]
        do {
            exceptions = try IntegrityException.load(root: report.root, folder: report.folder)
        } catch {
            return error.diagnostics
        }
        let severity: Diagnostic.Severity = strict ? .error : .warning
        let findings = chapterFindings() + tableFindings()
        var used = Set<Int>()
        var diagnostics: [Diagnostic] = []
        for finding in findings {
            if let index = exceptions.firstIndex(where: { $0.covers(finding) }) {
                used.insert(index)
            } else {
                diagnostics.append(Diagnostic(severity, IntegrityReport.prefix + finding.message, at: finding.location))
            }
        }
        for (index, exception) in exceptions.enumerated() where !used.contains(index) {
            diagnostics.append(
                Diagnostic(
                    severity,
                    IntegrityReport.prefix
                        + "unused exception: no difference '\(exception.value)' in \(exception.chapter) section #\(exception.section); remove it",
                    at: exception.location))
        }
        return diagnostics
    }
}

// MARK: - Chapters

private extension IntegrityCheck {
    func chapterFindings() -> [Finding] {
        let original = report.config.originalLanguage
        var findings: [Finding] = []
        for language in report.config.translations {
            let start = findings.count
            defer { for index in start..<findings.count { findings[index].translation = language.code } }
            let glossary = Glossary(report: report, language: language.code)
            for chapter in report.chapters[original.code] ?? [] {
                guard let translation = report.chapters[language.code]?.first(where: { $0.fileName == chapter.fileName }) else { continue }
                let ours = ChapterSection.split(chapter, outline: outlines[original.code]?[chapter.fileName] ?? [])
                let theirs = ChapterSection.split(translation, outline: outlines[language.code]?[chapter.fileName] ?? [])
                findings += unpaired(ours, theirs, scope: chapter.slug, otherFile: translation.file)
                findings += unpaired(theirs, ours, scope: chapter.slug, otherFile: chapter.file)
                findings += SectionComparison(
                    original: Self.frontMatter(chapter), translation: Self.frontMatter(translation), originalLanguage: original.code,
                    translationLanguage: language.code, glossary: glossary, scope: chapter.slug
                ).findings()
                let items = [original.code: Self.firstItems(ours), language.code: Self.firstItems(theirs)]
                for section in ours {
                    guard let counterpart = theirs.first(where: { $0.id == section.id }) else { continue }
                    findings += SectionComparison(
                        original: section, translation: counterpart, originalLanguage: original.code, translationLanguage: language.code,
                        glossary: glossary, scope: chapter.slug, chapterItems: items
                    ).findings()
                }
            }
        }
        return findings
    }

    /// The title and description, which the home pages show: a section of their own, at the top
    /// of the file (the chapter does not keep their lines).
    static func frontMatter(_ chapter: Chapter) -> ChapterSection {
        let location = SourceLocation(file: chapter.file, line: 1, column: 1)
        let lines = [chapter.title, chapter.description].filter { !$0.isEmpty }.map { TextLine(text: $0, location: location) }
        return ChapterSection(id: ChapterSection.frontMatterID, location: location, lines: lines).indexed()
    }

    /// Where each link, table and figure first appears in a chapter.
    static func firstItems(_ sections: [ChapterSection]) -> [String: SourceLocation] {
        var items: [String: SourceLocation] = [:]
        for item in sections.flatMap(\.items) where items[item.value] == nil {
            items[item.value] = item.location
        }
        return items
    }

    /// A section whose id the other language does not have cannot be compared.
    func unpaired(_ sections: [ChapterSection], _ others: [ChapterSection], scope: String, otherFile: String) -> [Finding] {
        sections.filter { section in !others.contains { $0.id == section.id } }.map { section in
            Finding(
                scope: scope, section: section.id, value: "section \(section.id)", written: section.id, location: section.location,
                message: "section #\(section.id) has no heading with this id in \(otherFile), so it is not compared")
        }
    }
}

// MARK: - Tables

private extension IntegrityCheck {
    /// Each text cell is there in every language; its numbers and names are compared with the
    /// whole row in the other language, since a row may say in one column what the other
    /// language says in another (an acronym's notes quote its expansion).
    func tableFindings() -> [Finding] {
        let original = report.config.originalLanguage.code
        var findings: [Finding] = []
        for language in report.config.languageCodes where language != original {
            let start = findings.count
            defer { for index in start..<findings.count { findings[index].translation = language } }
            let glossary = Glossary(report: report, language: language)
            for table in report.tables {
                for row in table.rows {
                    let cells = zip(table.columns, row.values).compactMap { column, value -> (String, LocalizedText)? in
                        guard case .text(let text) = value else { return nil }
                        return (column.id, text)
                    }
                    findings += rowFindings(
                        cells, scope: "tables/\(table.name)", at: row.location, languages: (original, language), glossary: glossary)
                }
                // The table's own text has no line of its own in `Table`: it is reported at the file.
                let texts =
                    [("caption", table.caption), ("description", table.description)].compactMap { name, text in text.map { (name, $0) } }
                    + table.notes.enumerated().map { ("notes-\($0.offset + 1)", $0.element) }
                for text in texts {
                    findings += rowFindings(
                        [text], scope: "tables/\(table.name)", at: SourceLocation(file: table.file), languages: (original, language),
                        glossary: glossary)
                }
            }
        }
        return findings
    }

    func rowFindings(
        _ cells: [(column: String, text: LocalizedText)], scope: String, at location: SourceLocation,
        languages: (original: String, translation: String), glossary: Glossary
    ) -> [Finding] {
        // Each cell's text is scanned once, for the cell and for the whole row it belongs to.
        func lines(_ language: String) -> [String: TextLine] {
            var lines: [String: TextLine] = [:]
            for (column, text) in cells {
                if let string = text.byLanguage[language] { lines[column] = TextLine(text: string, location: location) }
            }
            return lines
        }
        let (originalLines, translatedLines) = (lines(languages.original), lines(languages.translation))
        func wholeRow(_ lines: [String: TextLine]) -> ChapterSection {
            ChapterSection(id: "row", location: location, lines: cells.compactMap { lines[$0.column] }).indexed()
        }
        func section(_ column: String, _ line: TextLine?) -> ChapterSection {
            ChapterSection(id: column, location: location, lines: line.map { [$0] } ?? [])
        }
        let (originalRow, translatedRow) = (wholeRow(originalLines), wholeRow(translatedLines))
        var findings: [Finding] = []
        for (column, text) in cells {
            let missing = text.missing(in: [languages.original, languages.translation])
            guard missing.isEmpty else {
                findings.append(
                    Finding(
                        scope: scope, section: column, value: "missing", written: "missing", location: location,
                        message: "'\(column)' has no \(missing.joined(separator: ", ")) text"))
                continue
            }
            if let neutral = text.neutral {
                // Text given once is shown in every language: fine for a name or a code, not for Chinese.
                if neutral.unicodeScalars.contains(where: \.properties.isIdeographic) {
                    findings.append(
                        Finding(
                            scope: scope, section: column, value: neutral, written: neutral, location: location,
                            message:
                                "'\(column)' is Chinese text given once for every language; give it per language ({zh-Hant: ..., en: ...})")
                    )
                }
                continue
            }
            let ours = section(column, originalLines[column])
            let theirs = section(column, translatedLines[column])
            let forward = SectionComparison(
                original: ours, translation: translatedRow, originalLanguage: languages.original,
                translationLanguage: languages.translation,
                glossary: glossary, scope: scope, column: column)
            let backward = SectionComparison(
                original: originalRow, translation: theirs, originalLanguage: languages.original,
                translationLanguage: languages.translation,
                glossary: glossary, scope: scope, column: column)
            findings +=
                forward.facts(from: ours, in: translatedRow, language: languages.translation) + forward.names()
                + backward.facts(from: theirs, in: originalRow, language: languages.original)
        }
        // A cell's text has no line of its own: every finding is at its row.
        return findings.map { finding in
            var finding = finding
            finding.location = location
            return finding
        }
    }
}
