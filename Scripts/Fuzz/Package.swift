// swift-tools-version: 6.1
// A libFuzzer target for the CSV and XML ingest; a package of its own so that the main build
// never needs -sanitize=fuzzer. Run it with `make fuzz` from the repository root.
import PackageDescription

let package = Package(
    name: "star-report-fuzz",
    dependencies: [.package(name: "star-report", path: "../..")],
    targets: [
        .executableTarget(
            name: "IngestFuzz",
            dependencies: [.product(name: "StarReportKit", package: "star-report")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ]
)
