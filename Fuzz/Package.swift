// swift-tools-version:5.4
// libFuzzer targets for actorgraph, in a package of their own so that the main package's `swift build` and
// `swift test` never need the fuzzer flags. Build and run them with scripts/fuzz.sh; by hand:
//   swift build --package-path Fuzz -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product FuzzText
// Each executable is one `LLVMFuzzerTestOneInput` calling the shared body in the main package's
// FuzzEntries module, which the replay test (Tests/FuzzRegressionTests) calls too.
import PackageDescription

let kinds = ["Text", "JSON", "JSONL", "CSV", "Lexicon", "Manifest", "ZIP"]

let package = Package(
    name: "actorgraph-fuzz",
    products: kinds.map { .executable(name: "Fuzz\($0)", targets: ["Fuzz\($0)"]) },
    dependencies: [.package(name: "actorgraph", path: "..")],
    targets: kinds.map {
        .executableTarget(
            name: "Fuzz\($0)",
            dependencies: [.product(name: "FuzzEntries", package: "actorgraph")],
            path: "Targets/Fuzz\($0)"
        )
    }
)
