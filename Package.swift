// swift-tools-version: 6.2
// LeanPlay: autoformalization and conjecturer/prover self-play against the Lean 4 kernel.

import PackageDescription

/// One set of compiler settings for every target we own (see ../shared/STYLE.md, habit 1).
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "LeanPlay",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "LeanPlay", targets: ["LeanPlay"]),
        .executable(name: "leanplay", targets: ["leanplay"]),
        .executable(name: "leanplay-bench", targets: ["leanplay-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The PostgreSQL store of the ledger (many peers on one database); its EventLoopFuture API only.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Documentation only: `swift package generate-documentation` builds the DocC catalogs.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // MARK: C system libraries
        .systemLibrary(
            name: "CPCRE2",
            path: "Sources/CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            path: "Sources/CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),

        // MARK: Library modules, one per stage; data flows downward only.
        .target(
            name: "LeanSource",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LeanExtraction",
            dependencies: ["CPCRE2", "LeanSource"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ProblemCorpus",
            dependencies: ["LeanSource"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LeanREPL",
            dependencies: [
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LeanVerify",
            dependencies: ["LeanSource", "LeanREPL", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ModelClient",
            dependencies: [
                "CCurl",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The prompt templates LeanPlay ships (Prompts/), bundled as package resources so they are found
        // wherever the binary runs. A new top-level folder of templates needs its own `.copy` line here
        // (BundledPromptsTests fails until it has one).
        .target(
            name: "LeanPlayPrompts",
            path: "Prompts",
            exclude: ["README.md"],
            resources: [
                .copy("formalize"), .copy("partials"), .copy("prove"), .copy("repair"), .copy("variants"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Conjecturer",
            dependencies: [
                "LeanSource", "LeanExtraction", "ProblemCorpus", "LeanVerify", "ModelClient", "LeanPlayPrompts",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Ledger",
            dependencies: [
                "LeanSource",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Prover",
            dependencies: [
                "LeanSource", "LeanExtraction", "ProblemCorpus", "LeanREPL", "LeanVerify", "ModelClient",
                "Conjecturer", "Ledger",
                .product(name: "Collections", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        // Self-play and evaluation sit side by side on the prover's strategies, search and budgets.
        .target(
            name: "SelfPlay",
            dependencies: [
                "LeanSource", "ProblemCorpus", "LeanREPL", "LeanVerify", "ModelClient", "Conjecturer", "Ledger", "Prover",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Evaluation",
            dependencies: [
                "LeanSource", "ProblemCorpus", "LeanVerify", "Ledger", "ModelClient", "Conjecturer", "Prover",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LeanPlay",
            dependencies: [
                "LeanSource", "LeanExtraction", "ProblemCorpus", "LeanREPL", "LeanVerify", "ModelClient",
                "Conjecturer", "Ledger", "Prover", "SelfPlay", "Evaluation",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Executables
        .executableTarget(
            name: "leanplay",
            dependencies: [
                "LeanPlay",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "leanplay-bench",
            dependencies: ["LeanPlay", "LeanPlayTestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),

        // MARK: Playgrounds (small example programs built with the package so they never rot)
        .executableTarget(
            name: "formalize-problem-set",
            dependencies: ["LeanPlay"],
            path: "Playgrounds/FormalizeProblemSet",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "variant-curriculum",
            dependencies: ["LeanPlay"],
            path: "Playgrounds/VariantCurriculum",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "readme-snippet",
            dependencies: ["LeanPlay"],
            path: "Playgrounds/ReadmeSnippet",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "selfplay-round",
            dependencies: ["LeanPlay"],
            path: "Playgrounds/SelfPlayRound",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "evaluate-model",
            dependencies: ["LeanPlay"],
            path: "Playgrounds/EvaluateModel",
            swiftSettings: swiftSettings
        ),

        // MARK: Test support (stand-ins live under Tests/, never in the product)
        .target(
            name: "LeanPlayTestSupport",
            dependencies: ["LeanREPL", "ModelClient"],
            path: "Tests/LeanPlayTestSupport",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ledger-crash-helper",
            dependencies: ["Ledger"],
            path: "Tests/LedgerCrashHelper",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fake-lean-repl",
            dependencies: [],
            path: "Tests/FakeLeanREPL",
            swiftSettings: swiftSettings
        ),

        // MARK: Tests
        .testTarget(name: "LeanSourceTests", dependencies: ["LeanSource", "LeanPlayTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "LeanExtractionTests", dependencies: ["LeanExtraction", "LeanSource"], swiftSettings: swiftSettings),
        .testTarget(name: "ProblemCorpusTests", dependencies: ["ProblemCorpus", "LeanPlayTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LeanREPLTests",
            dependencies: ["LeanREPL", "LeanPlayTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LeanVerifyTests", dependencies: ["LeanVerify", "LeanREPL", "LeanPlayTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ModelClientTests", dependencies: ["ModelClient", "LeanPlayTestSupport", .product(name: "Logging", package: "swift-log")], swiftSettings: swiftSettings),
        .testTarget(
            name: "ConjecturerTests",
            dependencies: ["Conjecturer", "ModelClient", "LeanVerify", "LeanSource", "ProblemCorpus", "LeanREPL", "LeanPlayTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LedgerTests", dependencies: ["Ledger", "LeanPlayTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ProverTests",
            dependencies: [
                "Prover", "SelfPlay", "Ledger", "LeanSource", "LeanVerify", "LeanREPL", "ProblemCorpus", "ModelClient",
                "Conjecturer", "LeanPlayTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EvaluationTests",
            dependencies: ["Evaluation", "Ledger", "Prover", "ProblemCorpus", "LeanVerify", "ModelClient", "Conjecturer", "LeanPlayTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LeanPlayCLITests", dependencies: ["LeanPlay", "LeanPlayTestSupport"], swiftSettings: swiftSettings),
    ]
)
