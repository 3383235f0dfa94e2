/// A chapter's item of its language's chapter list (`partials/chapter-nav-item`), rendered once
/// as the page shown and once as another, where the whole list would otherwise be rendered again
/// on every chapter page.
struct ChapterNavigationItem: Sendable {
    let current: String
    let other: String
}
