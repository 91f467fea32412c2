// swift-tools-version:6.0
// The fuzz target, in a package of its own so that the ordinary build never needs
// libFuzzer. Build and run it with Scripts/fuzz.
import PackageDescription

let package = Package(
    name: "ImprintFuzz",
    dependencies: [.package(name: "Imprint", path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "ImprintFuzz",
            dependencies: ["CFuzzerDriver", .product(name: "ImprintFuzzChecks", package: "Imprint")],
            swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])])
    ],
    swiftLanguageModes: [.v6]
)
