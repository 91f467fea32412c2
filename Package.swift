// swift-tools-version:6.0
import PackageDescription

/// Scripts/fuzz sets IMPRINT_FUZZ: Imprint's own modules are then built with libFuzzer's
/// coverage and AddressSanitizer. (Not with `-Xswiftc`, which would reach the EmbedData
/// plugin's tool too, an executable of its own that libFuzzer's `main` cannot link with.)
let fuzzing: [SwiftSetting] = Context.environment["IMPRINT_FUZZ"] != nil ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

let package = Package(
    name: "Imprint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Imprint", targets: ["Imprint"]),
        .executable(name: "imprint", targets: ["ImprintCLI"]),
        // The fuzz target's checks, for Fuzz/ and the tests that replay its findings; not
        // part of the Imprint library.
        .library(name: "ImprintFuzzChecks", targets: ["FuzzChecks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // System libraries, found through pkg-config (Debian: libxml2-dev, libcmark-gfm-dev,
        // libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(name: "CUnistring", providers: [.apt(["libunistring-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CMinizip", pkgConfig: "minizip", providers: [.apt(["libminizip-dev"])]),
        .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        // Linux system calls Swift's Glibc module lacks (renameat2), as inline C.
        .systemLibrary(name: "CLinux"),

        // Pure value types: the report and its diagnostics. No C, no I/O.
        .target(name: "ReportModel"),
        // The only Swift code that touches libxml2 pointers.
        .target(name: "XMLSupport", dependencies: ["CLibXML2", "ReportModel"]),
        // Stable identifiers: RFC 9562 version 5 UUIDs of names.
        .target(name: "NameBasedUUID", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Report Markdown (cmark-gfm + YAML front matter) and JSON into the model.
        .target(
            name: "ReportReaders",
            dependencies: ["ReportModel", "CCmarkGFM", "XMLSupport", "NameBasedUUID", .product(name: "Yams", package: "Yams")]),
        // What every edition writes alike (wording, numbering, placement), written once;
        // SVG drawn as PNG for the Word edition and the e-book's cover (librsvg is loaded
        // when an SVG image is drawn, `SVGRaster`, not linked).
        .target(name: "SharedWriting", dependencies: ["ReportModel", "CLibDeflate"], exclude: ["Locales"], plugins: ["EmbedData"]),
        // What the two XML editions write alike, each in its own elements.
        .target(name: "XMLWriting", dependencies: ["ReportModel", "SharedWriting", "XMLSupport"]),
        .target(name: "DocBookWriter", dependencies: ["ReportModel", "SharedWriting", "XMLWriting", "XMLSupport"]),
        .target(name: "XHTMLWriter", dependencies: ["ReportModel", "SharedWriting", "XMLWriting", "XMLSupport"]),
        .target(name: "TextWriter", dependencies: ["ReportModel", "SharedWriting", "CUnistring"]),
        // ZIP archives: the e-book and the Word edition written, a Word template read (minizip, libdeflate).
        .target(name: "ZIPSupport", dependencies: ["ReportModel", "CMinizip", "CLibDeflate"]),
        .target(
            name: "EPUBWriter",
            dependencies: ["ReportModel", "SharedWriting", "XMLSupport", "XHTMLWriter", "NameBasedUUID", "ZIPSupport"]),
        .target(name: "DOCXWriter", dependencies: ["ReportModel", "SharedWriting", "XMLSupport", "ZIPSupport"]),
        .target(name: "ONIXWriter", dependencies: ["ReportModel", "SharedWriting", "XMLSupport"]),
        // Locks, the environment and child processes, for the modules that run them.
        .target(name: "SystemSupport"),
        // The print edition: the print style's cascade, the paged-media engines, the pool of
        // sandboxed WeasyPrint and Typst workers, their Python program (Worker/) and the Typst
        // house template (Typst/), both compiled in by EmbedData.
        .target(
            name: "PDFWriter", dependencies: ["ReportModel", "SharedWriting", "XHTMLWriter", "SystemSupport"], exclude: ["Worker", "Typst"],
            plugins: ["EmbedData"]),
        // The pipeline as a library: the build plan, the editions rendered and put in place.
        // The style sheets of Styles/ are compiled into it (EmbedData), so the binary runs
        // from any folder.
        .target(
            name: "Imprint",
            dependencies: [
                "ReportModel", "ReportReaders", "SharedWriting", "DocBookWriter", "XHTMLWriter", "EPUBWriter", "DOCXWriter", "ONIXWriter",
                "TextWriter", "PDFWriter", "SystemSupport", "CLinux", "XMLSupport", "ZIPSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedData"]),
        .executableTarget(name: "EmbedDataTool"),
        .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["EmbedDataTool"]),
        // The command line: parsing only, over the Imprint library (no reader, no writer:
        // the library's build plan settles every value).
        .executableTarget(
            name: "ImprintCLI",
            dependencies: [
                "Imprint", "ReportModel", "SystemSupport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds allocate with mimalloc: the report model is millions of small
            // values, which glibc's malloc is slow with (docs/performance.md). Debug builds
            // keep glibc's, which the sanitizers replace.
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux], configuration: .release))]),

        .target(
            name: "FuzzChecks",
            dependencies: [
                "ReportModel", "ReportReaders", "DocBookWriter", "XHTMLWriter", "EPUBWriter", "DOCXWriter", "TextWriter", "SharedWriting",
                "XMLSupport", "Imprint", "PDFWriter",
            ],
            path: "Fuzz/Checks"),

        // Arbitrary reports for the writers' tests.
        .target(name: "ReportTestSupport", dependencies: ["ReportModel"], path: "Tests/ReportTestSupport"),
        .testTarget(name: "NameBasedUUIDTests", dependencies: ["NameBasedUUID"]),
        .testTarget(name: "PDFWriterTests", dependencies: ["PDFWriter", "ReportTestSupport", "XHTMLWriter", "SharedWriting", "ReportModel"], exclude: ["Worker"]),
        .testTarget(name: "ReportModelTests", dependencies: ["ReportModel", "ReportTestSupport"]),
        .testTarget(name: "SharedWritingTests", dependencies: ["SharedWriting", "ReportModel", "ReportTestSupport", "CLibDeflate"]),
        .testTarget(name: "XMLSupportTests", dependencies: ["XMLSupport", "ReportModel"]),
        .testTarget(name: "ReportReadersTests", dependencies: ["ReportReaders", "ReportModel", "ReportTestSupport"]),
        .testTarget(
            name: "DocBookWriterTests",
            dependencies: ["DocBookWriter", "ReportModel", "ReportReaders", "XMLSupport", "ReportTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "XHTMLWriterTests",
            dependencies: ["XHTMLWriter", "SharedWriting", "ReportModel", "ReportReaders", "XMLSupport", "ReportTestSupport"]),
        .testTarget(
            name: "EPUBWriterTests",
            dependencies: [
                "EPUBWriter", "SharedWriting", "ReportModel", "ReportReaders", "ReportTestSupport"
            ],
            exclude: ["Scripts"]),
        .testTarget(
            name: "DOCXWriterTests",
            dependencies: [
                "DOCXWriter", "SharedWriting", "ReportModel", "ReportReaders", "XMLSupport", "ReportTestSupport"
            ]),
        .testTarget(
            name: "ONIXWriterTests",
            dependencies: ["ONIXWriter", "SharedWriting", "ReportModel", "ReportReaders", "XMLSupport", "ReportTestSupport"]),
        .testTarget(
            name: "ZIPSupportTests",
            dependencies: ["ZIPSupport", "ReportModel", "ReportTestSupport"]),
        .testTarget(
            name: "TextWriterTests",
            dependencies: ["TextWriter", "SharedWriting", "ReportModel", "ReportReaders", "ReportTestSupport"],
            exclude: ["Golden"]),
        .testTarget(
            name: "ImprintTests",
            dependencies: ["Imprint", "ImprintCLI", "ReportModel", "SharedWriting", "XMLSupport", "ReportTestSupport", "FuzzChecks"],
            exclude: ["Scripts"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type == .regular {
    target.swiftSettings = (target.swiftSettings ?? []) + fuzzing
}
