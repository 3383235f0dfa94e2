// swift-tools-version:6.0
// Times swift-mustache alone on a chapter page, as `rapporteur build` renders one: the least a
// build spends per page in its template engine. Not part of the rapporteur package.
import PackageDescription

let package = Package(
    name: "MustacheFloor",
    dependencies: [.package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1")],
    targets: [.executableTarget(name: "MustacheFloor", dependencies: [.product(name: "Mustache", package: "swift-mustache")])]
)
