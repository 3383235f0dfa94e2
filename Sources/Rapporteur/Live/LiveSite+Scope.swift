/// The part of a kept site that an edit of chapters rebuilds: the one report of a one-report
/// site, or one report of a library (`position` in its reports).
extension LiveSite {
    struct Scope {
        var build: Build
        var index: [String: [String: ExpandedChapter]]
        /// The report's place in `State.library`; nil for a one-report site.
        var position: Int?
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
