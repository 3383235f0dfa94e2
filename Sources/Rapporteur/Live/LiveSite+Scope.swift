import Support

/// The part of a kept site that an edit rebuilds: the one report of a one-report site, or one
/// report of a library (`position` in its reports).
extension LiveSite {
    struct Scope {
        var build: Build
        var index: [String: [String: ExpandedChapter]]
        /// The report's place in `State.library`; nil for a one-report site.
        var position: Int?
    }

    /// Keeps what a partial rebuild of `scope` wrote: its pages' links are checked against the
    /// kept site, and the warnings of the sources it redid (`redoing` says which) are replaced.
    func keep(
        _ output: OutputSink.Collected, of scope: Scope, _ state: State, log: inout DiagnosticLog, redoing: (String) -> Bool
    ) throws(SiteError) -> SiteUpdate {
        var next = state.replacing(scope)
        for page in output.pages {
            next.pages[page.path] = page
            next.ids[page.path] = page.ids
        }
        if !log.hasErrors {
            LinkChecker(paths: state.paths, ids: next.ids, basePath: scope.build.urls.basePath).check(output.pages, log: &log)
        }
        if log.hasErrors { throw SiteError(log.sorted.filter { $0.severity == .error }) }
        var kept = DiagnosticLog()
        kept.append(contentsOf: state.warnings.filter { !redoing($0.location?.file ?? "") })
        kept.append(contentsOf: log.diagnostics.filter { $0.severity == .warning })
        next.warnings = kept.sorted
        self.state = next
        return SiteUpdate(
            isComplete: false, files: output.files, deferred: Self.searchIndexes(next), warnings: next.warnings,
            pagesPerLanguage: state.pagesPerLanguage)
    }
}

extension LiveSite.State {
    /// Each report kept: the site's one, or every report of the library.
    var scopes: [LiveSite.Scope] {
        guard let library else { return [LiveSite.Scope(build: build, index: index, position: nil)] }
        return library.reports.indices.map { LiveSite.Scope(build: library.reports[$0], index: library.indexes[$0], position: $0) }
    }

    /// The state with `scope`'s report rebuilt.
    func replacing(_ scope: LiveSite.Scope) -> LiveSite.State {
        var next = self
        guard let position = scope.position, let library else {
            next.build = scope.build
            next.index = scope.index
            return next
        }
        var reports = library.reports
        reports[position] = scope.build
        var indexes = library.indexes
        indexes[position] = scope.index
        next.library = LibraryBuild(project: library.project, site: library.site, reports: reports, indexes: indexes)
        return next
    }
}
