// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "newskb",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "NewsKB", targets: ["NewsKB"]),
        .library(name: "NewsKBExtraction", targets: ["NewsKBExtraction"]),
        .executable(name: "newskb", targets: ["newskb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The system SQLite (Debian: libsqlite3-dev), reached through its C API.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // The static sentence-embedding table and its WordPiece vocabulary, put into the binary by an
        // assembly file (.incbin); rebuilt by `make embeddings` (scripts/build-embeddings.py).
        .target(
            name: "CNewsKBModels", path: "Sources/CNewsKBModels",
            exclude: ["minilm-static.bin", "wordpiece-vocab.txt", "accent-folding.txt"],
            cSettings: [.headerSearchPath(".")]),
        // Pure Swift text analysis: sentences, entities, statements, sentence embeddings. Knows nothing of SQLite.
        .target(
            name: "NewsKBExtraction", dependencies: ["CNewsKBModels"], path: "Sources/NewsKBExtraction",
            exclude: ["Lexicons"]),
        // Store (SQLite wrapper, migrations, schema), importer and query layer.
        .target(name: "NewsKB", dependencies: ["CSQLite", "NewsKBExtraction"], path: "Sources/NewsKB"),
        // The command-line interface: parses arguments and prints, nothing else.
        .executableTarget(
            name: "newskb",
            dependencies: ["NewsKB", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/newskb"),
        // The per-stage extraction benchmark run by `make bench` (not a test).
        .executableTarget(name: "newskb-bench", dependencies: ["NewsKB", "NewsKBExtraction"], path: "Sources/newskb-bench"),
        .testTarget(name: "NewsKBExtractionTests", dependencies: ["NewsKBExtraction"], path: "Tests/NewsKBExtractionTests"),
        .testTarget(name: "NewsKBTests", dependencies: ["NewsKB", "NewsKBExtraction"], path: "Tests/NewsKBTests"),
    ]
)
