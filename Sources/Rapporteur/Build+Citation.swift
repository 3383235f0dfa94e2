import Foundation
import Model

extension Build {
    /// The report's citation per language, as BibTeX and CSL-JSON, for the home's "cite" box.
    func citationFiles() -> [OutputFile] {
        config.languages.flatMap { language in
            let citation = citation(in: language)
            return [
                OutputFile(path: urls.outputFile(of: urls.citation(language, "bib")), text: citation.bibTeX),
                OutputFile(path: urls.outputFile(of: urls.citation(language, "json")), text: citation.cslJSON),
            ]
        }
    }

    /// The PDFs `rapporteur pdf` printed, at the site's root.
    func pdfFiles() -> [OutputFile] {
        config.languages.compactMap { language in
            pdfs[language.code].map { OutputFile(path: urls.outputFile(of: urls.pdf(language)), data: $0) }
        }
    }

    /// The report's citation as `language` writes it.
    func citation(in language: Language) -> Citation {
        Citation(
            config: config, language: language, urls: urls, hasPDF: pdfs[language.code] != nil,
            strings: project.templates.strings[language.code] ?? [:])
    }
}
