// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "actorgraph",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "actorgraph", targets: ["actorgraph"]),
        .library(name: "ActorPipeline", targets: ["ActorPipeline"]),
        // For the libFuzzer package in Fuzz/ only (it depends on this one by path).
        .library(name: "FuzzEntries", targets: ["FuzzEntries"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // Graphviz through its C API (libgvc + libcgraph), in the process. Headers come from Debian's
        // libgraphviz-dev; nothing of Graphviz is vendored here.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // zlib (gzip inputs), from the system.
        .systemLibrary(name: "CGzip", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libdeflate (ZIP members: whole-buffer inflate and CRC-32, about 3 times zlib's speed), from the system.
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        // Orthography, offsets, tokens, sentences and clauses. No dependencies.
        .target(name: "ActorText"),
        // The knowledge base: file format, loading, validation, user overlays.
        .target(
            name: "ActorKnowledge",
            dependencies: ["ActorText"],
            resources: [.copy("Knowledge")]
        ),
        // Recognition of actors and (later) relations in one document.
        .target(name: "ActorExtraction", dependencies: ["ActorText", "ActorKnowledge"]),
        // The Sendable graph model, merge, JSON.
        .target(name: "ActorGraph"),
        // DOT encoding in Swift and the one owner of Graphviz pointers.
        .target(name: "ActorRender", dependencies: ["ActorGraph", "CGraphviz"], resources: [.copy("Resources/colors.tsv")]),
        // Documents: reading inputs and the manifest beside them.
        .target(
            name: "ActorCorpus",
            dependencies: [
                "ActorText", "CGzip", "CDeflate",
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // Documents -> mentions -> graph: the orchestration used by the CLI.
        .target(
            name: "ActorPipeline",
            dependencies: ["ActorCorpus", "ActorExtraction", "ActorGraph", "ActorKnowledge", "ActorText"]
        ),
        .executableTarget(
            name: "actorgraph",
            dependencies: [
                "ActorPipeline", "ActorRender", "ActorGraph", "ActorCorpus", "ActorKnowledge", "ActorExtraction",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks and soak checks that print numbers (never timed tests).
        .executableTarget(
            name: "actorgraph-bench",
            dependencies: ["ActorPipeline", "ActorRender", "ActorGraph", "ActorCorpus", "ActorKnowledge", "ActorExtraction", "ActorText"]
        ),
        // The bodies of the fuzz targets: the fuzzers in Fuzz/ call them, and so does the replay test below.
        .target(name: "FuzzEntries", dependencies: ["ActorText", "ActorKnowledge", "ActorExtraction", "ActorCorpus"]),
        .testTarget(name: "ActorTextTests", dependencies: ["ActorText"]),
        .testTarget(name: "ActorKnowledgeTests", dependencies: ["ActorKnowledge", "ActorText"]),
        .testTarget(name: "ActorExtractionTests", dependencies: ["ActorExtraction", "ActorKnowledge", "ActorText"]),
        .testTarget(name: "ActorGraphTests", dependencies: ["ActorGraph"]),
        .testTarget(
            name: "ActorPipelineTests",
            dependencies: ["ActorPipeline", "ActorCorpus", "ActorGraph", "ActorExtraction", "ActorKnowledge", "actorgraph-bench"]
        ),
        .testTarget(name: "ActorRenderTests", dependencies: ["ActorRender", "ActorGraph", "actorgraph-bench"]),
        .testTarget(
            name: "ActorgraphCLITests",
            dependencies: ["actorgraph", "ActorPipeline", "ActorCorpus", "ActorGraph"]
        ),
        // ZIPFoundation writes the archives the ZIP reader is tested on (an independent implementation).
        .testTarget(
            name: "ActorCorpusTests",
            dependencies: ["ActorCorpus", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzEntries"]),
    ],
    swiftLanguageModes: [.v6]
)
