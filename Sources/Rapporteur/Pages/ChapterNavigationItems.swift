import Foundation
import Support

/// The items of each language's chapter list (`partials/chapter-nav-item`), each chapter's
/// rendered once as the page shown and once as another, where the whole list would otherwise be
/// rendered again on every chapter page. Each is made when a page first shows it.
final class ChapterNavigationItems: @unchecked Sendable {
    /// One chapter's item, as the current page and as any other.
    struct Item: Sendable {
        let current: String
        let other: String
    }

    private let lock = NSLock()
    private var languages: [String: [Once<Result<Item, SiteError>>]] = [:]

    /// The item of the chapter at `position` of `language`'s `count`, made by `make` by the
    /// first page that shows it.
    func item(language: String, position: Int, count: Int, make: () -> Result<Item, SiteError>) -> Result<Item, SiteError> {
        let once = lock.withLock {
            let items = languages[language] ?? (0..<count).map { _ in Once<Result<Item, SiteError>>() }
            languages[language] = items
            return items[position]
        }
        return once.value(make)
    }
}
