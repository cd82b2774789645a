// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Baton",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "baton", targets: ["baton"]),
        .executable(name: "BatonBench", targets: ["BatonBench"]),
        .library(name: "BatonRules", targets: ["BatonRules"]),
        // The fuzz targets' entry points, for the libFuzzer package in Fuzz/ and the corpus tests.
        .library(name: "BatonFuzzing", targets: ["BatonFuzzing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "BatonLang"),
        .target(name: "BatonYAML", dependencies: ["CYAML"]),
        .target(name: "BatonRules", dependencies: ["BatonLang", "BatonYAML"]),
        // Persistence (SQLite through GRDB, which needs the system's libsqlite3-dev)
        // apart from the engine, so the rules library stays free of a database.
        .target(
            name: "BatonStore",
            dependencies: ["BatonRules", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "BatonFuzzing", dependencies: ["BatonRules", "BatonLang"]),
        .executableTarget(
            name: "baton",
            dependencies: [
                "BatonRules", "BatonLang", "BatonStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "BatonBench", dependencies: ["BatonRules", "BatonLang"]),
        .testTarget(name: "BatonLangTests", dependencies: ["BatonLang"]),
        .testTarget(name: "BatonYAMLTests", dependencies: ["BatonYAML"]),
        .testTarget(name: "BatonRulesTests", dependencies: ["BatonRules"], exclude: ["Fixtures"]),
        .testTarget(name: "BatonStoreTests", dependencies: ["BatonStore", "BatonRules"]),
        .testTarget(name: "BatonCLITests", dependencies: ["BatonRules", "BatonStore"], exclude: ["Fixtures"]),
        .testTarget(name: "BatonFuzzingTests", dependencies: ["BatonFuzzing"]),
    ]
)
