// swift-tools-version:6.0
import PackageDescription

// Layers depend downwards only:
// tnet (CLI) → TraffickingNetworks → TNetReport → TNetRender → TNetIO → TNetModel → TNetGraph ;
// TNetRender / TNetIO → TNetGraphviz (the one gate into libgvc/cgraph) → CGraphviz ;
// TNetIO → CLibXML2 (libxml2's push parser, for GraphML)
// TNetIO → CWriteback (starting a file's writeback early: a system call Glibc does not import)
// TNetIO → CPrefetch (a cache hint Swift cannot express, for lookups in tables of a million ids)
let package = Package(
    name: "TraffickingNetworks",
    products: [
        .library(name: "TraffickingNetworks", targets: ["TraffickingNetworks"]),
        .executable(name: "tnet", targets: ["tnet"]),
        .executable(name: "tnet-layout", targets: ["tnet-layout"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "TNetGraph", dependencies: [.product(name: "HeapModule", package: "swift-collections")]),
        .target(name: "TNetModel", dependencies: ["TNetGraph"]),
        // Starting a file's writeback early (a system call Glibc does not import).
        .systemLibrary(name: "CWriteback", path: "Sources/CWriteback"),
        // Asking the processor to load a cache line early (Swift has no prefetch).
        .systemLibrary(name: "CPrefetch", path: "Sources/CPrefetch"),
        .target(name: "TNetIO", dependencies: ["TNetModel", "TNetGraphviz", "CLibXML2", "CWriteback", "CPrefetch"]),
        .target(name: "TNetGraphviz", dependencies: ["CGraphviz"]),
        .target(name: "TNetRender", dependencies: ["TNetModel", "TNetIO", "TNetGraphviz"]),
        .target(name: "TNetReport", dependencies: ["TNetModel", "TNetIO", "TNetRender", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "TraffickingNetworks", dependencies: ["TNetGraph", "TNetModel", "TNetIO", "TNetGraphviz", "TNetRender", "TNetReport"]),
        .executableTarget(
            name: "tnet",
            dependencies: [
                "TraffickingNetworks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The release CLI allocates through mimalloc (Debian's libmimalloc-dev): Graphviz's
            // force layouts spend a quarter of their time in glibc's malloc and free, and run
            // 12–24 % faster with it (Benchmarks/README.md, rendering). Debug builds and the
            // library keep the system allocator.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux], configuration: .release))]
        ),
        // One isolated Graphviz layout, for tnet (IsolatedLayout): no Foundation, no mimalloc.
        .executableTarget(name: "tnet-layout", dependencies: ["TNetGraphviz"]),
        // libFuzzer harness of the readers: `make fuzz` builds it with -sanitize=fuzzer,address.
        .executableTarget(name: "tnet-fuzz", dependencies: ["TNetIO", "TNetModel"]),
        // Runnable examples of the library (examples/README.md); a test runs each.
        .executableTarget(name: "key-brokers", dependencies: ["TraffickingNetworks"], path: "examples/KeyBrokers"),
        .executableTarget(name: "route-to-compound", dependencies: ["TraffickingNetworks"], path: "examples/RouteToCompound"),
        .executableTarget(name: "csv-analysis", dependencies: ["TraffickingNetworks"], path: "examples/CSVAnalysis"),
        .executableTarget(name: "ego-batch", dependencies: ["TraffickingNetworks"], path: "examples/EgoBatch"),
        .executableTarget(name: "redacted-briefing", dependencies: ["TraffickingNetworks"], path: "examples/RedactedBriefing"),
        .executableTarget(name: "batch-summary", dependencies: ["TraffickingNetworks"], path: "examples/BatchSummary"),
        .executableTarget(name: "tour", dependencies: ["TraffickingNetworks"], path: "examples/Tour"),
        .executableTarget(name: "built-in-code", dependencies: ["TraffickingNetworks"], path: "examples/BuiltInCode"),
        // Release-built timing of the kernels (make bench); not part of the library.
        .executableTarget(name: "tnet-bench", dependencies: ["TNetGraph", "TNetIO"], path: "Benchmarks/TNetBench"),
        .testTarget(name: "TNetGraphTests", dependencies: ["TNetGraph", .product(name: "PropertyBased", package: "swift-property-based")], resources: [.copy("Fixtures")]),
        .testTarget(name: "TNetModelTests", dependencies: ["TNetModel"]),
        .testTarget(name: "TNetIOTests", dependencies: ["TNetIO", .product(name: "PropertyBased", package: "swift-property-based")], resources: [.copy("Fixtures")]),
        .testTarget(name: "TNetReportTests", dependencies: ["TNetReport", "TNetModel", "TNetIO", "TNetRender", "TNetGraphviz"]),
        .testTarget(name: "TNetRenderTests", dependencies: ["TNetRender", "TNetIO", "TNetGraphviz", "TNetGraph", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "tnetTests", dependencies: ["tnet"], exclude: ["Fixtures"]),
    ]
)
