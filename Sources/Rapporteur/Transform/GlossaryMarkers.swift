import Foundation

/// Glossary markers made once per glossary and language for a whole library, whose reports
/// mostly share one glossary, instead of once per report for its outlines and again for its pages.
final class GlossaryMarkers: @unchecked Sendable {
    private struct Key: Hashable {
        let terms: [GlossaryMarker.Term]
        let expansionFormat: String
    }

    private let lock = NSLock()
    private var markers: [Key: GlossaryMarker] = [:]

    /// The marker of `terms`, made the first time they are asked for.
    func marker(terms: [GlossaryMarker.Term], expansionFormat: String) -> GlossaryMarker {
        let key = Key(terms: terms, expansionFormat: expansionFormat)
        return lock.withLock {
            if let marker = markers[key] { return marker }
            let marker = GlossaryMarker(terms: terms, expansionFormat: expansionFormat)
            markers[key] = marker
            return marker
        }
    }
}
