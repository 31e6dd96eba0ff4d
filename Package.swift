// swift-tools-version: 6.1
import PackageDescription

// The pipeline, one library per stage, data flowing one way:
// StarIngest (XML via libxml2, CSV, .xlsx; the rules file through StarRules) → StarValidate →
// StarRating (pure) → StarRender → StarPipeline (write).
// The `star-report` executable only parses arguments and calls StarPipeline (or StarSend for `send`).
let package = Package(
    name: "star-report",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "star-report", targets: ["star-report"]),
        // For Scripts/Fuzz and Benchmarks, which are packages of their own.
        .library(
            name: "StarReportKit", targets: ["StarModel", "StarIngest", "StarValidate", "StarRating", "StarPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        /// renameat2, syncfs and the signal clean-up, which Swift's Glibc module does not expose.
        .target(name: "CStarSys"),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        /// Typed wrappers for libcurl's variadic curl_easy_setopt / curl_easy_getinfo.
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        /// libxlsxwriter (Debian libxlsxwriter-dev), for results.xlsx and the fill-in template.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        /// Deflates every .xlsx part at zlib level 1 (libxlsxwriter has no option for it).
        .target(name: "CXLSXDeflate", dependencies: ["CXLSXWriter"]),
        /// The shipped files (the default templates, the rules scheme, the XML schema) compiled
        /// into the targets that use them, so that a copied binary needs nothing beside it.
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),
        .executableTarget(name: "embed-files"),
        /// Value types shared by every stage: submissions, exact scores, dates, diagnostics.
        .target(name: "StarModel", dependencies: ["StarPlatform", .product(name: "Crypto", package: "swift-crypto")]),
        /// The floor under the commands: exit codes, the console, one file lock, and the file and folder
        /// calls (swift-system's descriptors) the stages share.
        .target(
            name: "StarPlatform", dependencies: ["CStarSys", .product(name: "SystemPackage", package: "swift-system")]),
        /// Reads a year's folder: XML (libxml2 + XSD), CSV and .xlsx sheets, the register, the
        /// rules and notice settings (through StarRules), last year's results.
        .target(
            name: "StarIngest",
            dependencies: [
                "StarModel", "StarRating", "StarRules", "StarPlatform", "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Resources"],  // submission.xsd, compiled in by EmbedFiles
            plugins: ["EmbedFiles"]
        ),
        /// Turns raw fields into typed submissions; every problem becomes a diagnostic.
        .target(name: "StarValidate", dependencies: ["StarModel"]),
        /// The rating rules of rules.md: pure, no I/O, no formats.
        .target(name: "StarRating", dependencies: ["StarModel"]),
        /// Rules file and notice settings (TOML) → values the engine and renderer use.
        .target(
            name: "StarRules",
            dependencies: ["StarModel", "StarRating", .product(name: "TOMLKit", package: "TOMLKit")],
            exclude: ["Resources"],  // anyang-2017.toml, compiled in by EmbedFiles
            plugins: ["EmbedFiles"]
        ),
        /// Reports: render context, Mustache templates, results.csv / results.json.
        .target(
            name: "StarRender",
            dependencies: [
                "StarModel", "StarRating", "StarRules", "StarPlatform",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedFiles"]  // the default templates of Templates/
        ),
        /// Excel out: results.xlsx and the fill-in template workbook (libxlsxwriter).
        .target(
            name: "StarExcel",
            dependencies: [
                "StarModel", "StarPlatform", "StarRating", "StarRules", "StarRender", "CXLSXWriter", "CXLSXDeflate",
            ]
        ),
        /// Wires the stages and writes the output folder atomically.
        .target(
            name: "StarPipeline",
            dependencies: [
                "StarModel", "StarIngest", "StarValidate", "StarRating", "StarRules", "StarRender", "StarExcel",
                "StarPlatform", "CStarSys", .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        /// The star ledger (星级管理台账): the stars of every year in one SQLite file (GRDB), its
        /// commands, workbook and page.
        .target(
            name: "StarLedger",
            dependencies: [
                "StarModel", "StarIngest", "StarRender", "StarExcel", "StarPipeline", "StarPlatform",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        /// `star-report send`: the committee e-mails over SMTP (libcurl), with the send log.
        .target(
            name: "StarSend",
            dependencies: [
                "StarModel", "StarRules", "StarPlatform", "CCurl", "CCurlShim",
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "star-report",
            dependencies: [
                "StarPipeline", "StarSend", "StarLedger", "StarPlatform", "StarRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "StarModelTests",
            dependencies: ["StarModel", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "StarIngestTests", dependencies: ["StarIngest", "StarModel", "StarRules", "TestSupport"]),
        .testTarget(
            name: "StarPlatformTests",
            dependencies: ["StarPlatform", "TestSupport", .product(name: "SystemPackage", package: "swift-system")]),
        .testTarget(name: "StarValidateTests", dependencies: ["StarValidate", "StarModel"]),
        .testTarget(
            name: "StarRatingTests",
            dependencies: [
                "StarRating", "StarModel", .product(name: "PropertyBased", package: "swift-property-based"),
                "TestSupport",
            ]
        ),
        .testTarget(name: "StarRulesTests", dependencies: ["StarRules", "StarRating", "StarModel", "TestSupport"]),
        .testTarget(name: "StarRenderTests", dependencies: ["StarRender", "StarRating", "StarModel", "TestSupport"]),
        /// What the test targets share: the repository's place, new folders, running a program.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "EndToEndTests", dependencies: ["StarPipeline", "StarPlatform", "StarModel", "TestSupport"],
            exclude: ["Fixtures", "Golden"]),
        .testTarget(
            name: "SendTests", dependencies: ["StarSend", "StarPlatform", "StarRules", "StarModel", "TestSupport"],
            exclude: ["smtp_server.py"]),
        .testTarget(
            name: "ExcelTests",
            dependencies: ["StarExcel", "StarPipeline", "StarPlatform", "StarIngest", "StarModel", "TestSupport"],
            exclude: ["xlsx_tool.py"]),
        .testTarget(
            name: "LedgerTests",
            dependencies: [
                "StarLedger", "StarPipeline", "StarPlatform", "StarIngest", "StarModel", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["ledger_tool.py"]),
    ],
    swiftLanguageModes: [.v6]
)
