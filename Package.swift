// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rapporteur",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rapporteur", targets: ["RapporteurCLI"]),
        .library(name: "Rapporteur", targets: ["Rapporteur"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // The layers, bottom up; a target imports only those below it.
        .target(name: "Markdown", dependencies: ["CCmark"]),
        .target(name: "Support"),
        .target(name: "Model", dependencies: ["Support", "Markdown", .product(name: "Yams", package: "Yams")]),
        .target(name: "Search", dependencies: ["Support", "Markdown", "Model"]),
        .target(name: "Integrity", dependencies: ["Support", "Markdown", "Model"]),
        .target(
            name: "Rapporteur",
            dependencies: [
                "Support", "Markdown", "Model", "Search", "Integrity",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The built-in theme, inside the binary: a project needs only content/.
            exclude: ["Theme/README.md"],
            resources: [.embedInCode("Theme")]
        ),
        .target(
            name: "Preview",
            dependencies: ["Support", "Markdown", "Model", "Rapporteur", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        // Not named `rapporteur`: on a case-insensitive file system (macOS's default) its folder
        // would be the library's.
        .executableTarget(
            name: "RapporteurCLI",
            dependencies: [
                "Support", "Model", "Integrity", "Rapporteur", "Preview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "CCmark"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RapporteurTests",
            dependencies: ["Support", "Markdown", "Model", "Search", "Integrity", "Rapporteur", "RapporteurCLI"],
            // The golden files are read from the source tree (SnapshotTests), not bundled.
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "PreviewTests", dependencies: ["Support", "Preview", "Rapporteur"]),
    ]
)
