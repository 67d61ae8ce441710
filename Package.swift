// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Duikou",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "DuikouKit", targets: ["DuikouKit"]),
        .library(name: "DuikouDemo", targets: ["DuikouDemo"]),
        .executable(name: "duikou", targets: ["duikou"]),
        .executable(name: "duikou-server", targets: ["duikou-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The web workspace only (`duikou-server`); the `duikou` CLI links none of these.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // Build-tool only: `swift package generate-documentation`. Nothing links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "DuikouMigrations",
            path: "Migrations",
            resources: [
                .embedInCode("V001_schema.sql"),
                .embedInCode("V002_catalogue.sql"),
                .embedInCode("V003_search.sql"),
                .embedInCode("V004_progress_summary.sql"),
                .embedInCode("V005_plan_targets.sql"),
                .embedInCode("V006_audit_log.sql"),
                .embedInCode("V007_search_over_records.sql"),
                .embedInCode("V008_faster_bulk_writes.sql"),
                .embedInCode("V009_stages_reached.sql"),
                .embedInCode("V010_plan_weights.sql"),
                .embedInCode("V011_pairing_aliases.sql"),
                .embedInCode("V012_soft_cooperation.sql"),
                .embedInCode("V013_project_milestones.sql"),
                .embedInCode("V014_corrections_and_voids.sql"),
                .embedInCode("V015_reporting_rounds.sql"),
                .embedInCode("V016_accounts.sql"),
                .embedInCode("V017_project_listing_index.sql"),
            ]
        ),
        .target(
            name: "DuikouKit",
            dependencies: ["CSQLite", "CZlib", "DuikouMigrations"]
        ),
        .target(name: "DuikouDemo", dependencies: ["DuikouKit"]),
        .executableTarget(
            name: "duikou",
            dependencies: [
                "DuikouKit",
                "DuikouDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "DuikouServer",
            dependencies: [
                "DuikouKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.embedInCode("openapi.json")]
        ),
        .executableTarget(
            name: "duikou-server",
            dependencies: [
                "DuikouKit",
                "DuikouServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "duikou-bench",
            dependencies: [
                "DuikouKit",
                "DuikouDemo",
                "CSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DuikouKitTests", dependencies: ["DuikouKit", "DuikouDemo", "DuikouMigrations", "CZlib"]),
        .testTarget(name: "EmbeddingTests", dependencies: ["DuikouKit"]),
        .testTarget(name: "duikouTests", dependencies: ["duikou"], exclude: ["Golden"]),
        .testTarget(
            name: "DuikouServerTests",
            dependencies: [
                "DuikouServer",
                "DuikouKit",
                "DuikouDemo",
                "duikou",
                "duikou-server",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
