// swift-tools-version:6.0
// libFuzzer executables, one per fuzz target of `BatonFuzzing`. Kept out of
// the root package so that `swift build` and `swift test` never need the
// sanitizers; `scripts/fuzz` builds them with `-sanitize=fuzzer,address`.
import PackageDescription

let targets = ["expression", "ruleset", "lead", "csv", "ndjson", "batch"]

// SwiftPM names a path dependency after its folder, which differs between
// clones (`wt-fuzz`, a CI checkout): take it from where this file lies.
let rootPackage = String(#filePath.split(separator: "/").dropLast(2).last ?? "baton").lowercased()

let package = Package(
    name: "BatonFuzz",
    dependencies: [.package(path: "..")],
    targets: [.target(name: "CLibFuzzer", path: "Targets/CLibFuzzer")]
        + targets.map { name in
            .executableTarget(
                name: "fuzz-\(name)",
                dependencies: ["CLibFuzzer", .product(name: "BatonFuzzing", package: rootPackage)],
                path: "Targets/\(name)")
        }
)
