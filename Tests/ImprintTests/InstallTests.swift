import Foundation
import ReportTestSupport
import Testing

/// Imprint as users get it: the release binary copied anywhere, `Scripts/install` under a
/// prefix, and the Debian package extracted into an empty root, each building the seed
/// sample in every edition with nothing of the repository reachable.
@Suite(.serialized, .needsOutsideTools) struct InstallTests {
    static let repository = BootstrapTests.repository

    /// The package, made once for the suite (a release build: minutes the first time).
    static let package: Result<String, Failure> = {
        let folder = NSTemporaryDirectory() + "imprint-package-" + UUID().uuidString
        let result = try? runTool([repository + "/Scripts/package", folder])
        guard let result, result.status == 0, let path = result.output.split(separator: "\n").last.map(String.init),
            path.hasSuffix(".deb")
        else { return .failure(Failure(description: "Scripts/package failed: \(result?.output.suffix(2000) ?? "")")) }
        return .success(path)
    }()

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The package extracted into a new empty root.
    private static func extracted() throws -> String {
        let package = try Self.package.get()
        let root = NSTemporaryDirectory() + "imprint-root-" + UUID().uuidString
        let extraction = try runTool(["dpkg-deb", "-x", package, root])
        try #require(extraction.status == 0, "\(extraction.output)")
        return root
    }

    /// The seed sample and its images, copied into a new folder outside the repository.
    private static func seedCopy() throws -> String {
        let folder = NSTemporaryDirectory() + "imprint-seed-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: samplesFolder + "/images", toPath: folder + "/images")
        try FileManager.default.copyItem(atPath: samplesFolder + "/putin-visit-north-korea.md", toPath: folder + "/seed.md")
        return folder
    }

    /// Runs `binary` in `folder` with an environment that names nothing of the repository.
    /// Runs `binary` as a user would, outside the repository; `bare`, with nothing but
    /// Debian's own programs on PATH and no IMPRINT_PYTHON (no Python of the tests').
    private static func run(_ binary: String, _ arguments: [String], in folder: String, bare: Bool = false) throws -> (Int32, String) {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.value.contains(repository) }
        environment["IMPRINT_STYLES"] = nil
        if bare {
            environment["PATH"] = "/usr/bin:/bin"
            environment["IMPRINT_PYTHON"] = nil
        }
        return try runProgram(binary, arguments, in: folder, environment: environment)
    }

    private static func expectEveryEdition(with binary: String, bare: Bool = false) throws {
        let folder = try seedCopy()
        let (status, output) = try run(binary, ["build", "seed.md", "-o", "editions"], in: folder, bare: bare)
        #expect(status == 0, "\(output)")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/editions")) ?? []
        for file in ["seed.xml", "seed.xhtml", "seed.css", "seed.pdf", "seed.epub", "seed.txt", "seed.brief.txt", "images"] {
            #expect(written.contains(file), "\(file) missing: \(written) \(output)")
        }
    }

    @Test func theReleaseBinaryAloneBuildsEveryEdition() throws {
        let root = try Self.extracted()
        let alone = NSTemporaryDirectory() + "imprint-alone-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: alone, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root + "/usr/bin/imprint", toPath: alone + "/imprint")
        try Self.expectEveryEdition(with: alone + "/imprint")
    }

    @Test func thePackageInstallsAndRuns() throws {
        let package = try Self.package.get()
        let fields = try runTool(["dpkg-deb", "-f", package, "Package", "Depends"]).output
        for expected in ["Package: imprint", "libxml2", "libcmark-gfm", "libunistring", "libminizip", "libdeflate", "libmimalloc",
                         "fonts-dejavu-core", "fonts-noto-cjk", "python3", "libpango-1.0-0", "libharfbuzz-subset0", "librsvg2-2"] {
            #expect(fields.contains(expected), "\(expected): \(fields)")
        }
        let root = try Self.extracted()
        for file in ["usr/bin/imprint", "usr/share/man/man1/imprint.1.gz", "usr/share/bash-completion/completions/imprint",
                     "usr/share/zsh/site-functions/_imprint", "usr/share/fish/vendor_completions.d/imprint.fish",
                     "usr/share/doc/imprint/README.md", "usr/share/doc/imprint/report-markdown.md", "usr/share/doc/imprint/diagnostics.md",
                     "usr/share/doc/imprint/words.md", "usr/share/doc/imprint/copyright", "usr/share/doc/imprint/changelog.gz",
                     "usr/share/lintian/overrides/imprint",
                     "usr/share/doc/imprint/examples/putin-visit-north-korea.md"] {
            #expect(FileManager.default.fileExists(atPath: root + "/" + file), "\(file)")
        }
        // Everyone may read what it unpacks; the binary carries no debug information.
        let mode = try #require(FileManager.default.attributesOfItem(atPath: root)[.posixPermissions] as? Int)
        #expect(mode == 0o755, "the package's ./ is \(String(mode, radix: 8))")
        let sections = try runTool(["readelf", "-S", "-W", root + "/usr/bin/imprint"]).output
        #expect(!sections.contains(".debug_info"), "the binary keeps its debug information")
        // Its own PDF engines: the PDF is made with nothing from PyPI on the machine's
        // path (the worker imports from the package's folder alone).
        for engine in ["weasyprint", "typst"] {
            #expect(FileManager.default.fileExists(atPath: root + "/usr/lib/imprint/python/" + engine), "\(engine) is not in the package")
        }
        try Self.expectEveryEdition(with: root + "/usr/bin/imprint", bare: true)
    }

    /// As a desk installs it: `apt-get install ./imprint_*.deb` into a clean Debian root,
    /// its dependencies from Debian's mirror; then the seed in every edition, the PDF by
    /// both engines, built there with no network, so nothing from PyPI (`Scripts/try-package`).
    @Test func thePackageInstallsWithAptIntoACleanDebianRootAndBuildsThere() throws {
        let package = try Self.package.get()
        // At most 15 minutes, a stalled mirror included.
        let (status, output) = try runProgram("/usr/bin/timeout", ["900", Self.repository + "/Scripts/try-package", package])
        #expect(status == 0, "\(output.suffix(3000))")
        for edition in ["xml", "xhtml", "pdf", "epub", "txt", "brief.txt", "docx"] {
            #expect(output.contains("wrote editions/putin-visit-north-korea.\(edition)"), "\(edition) not built: \(output.suffix(3000))")
        }
        #expect(output.contains("wrote typst/putin-visit-north-korea.pdf"), "\(output.suffix(3000))")
        // Nothing Imprint uses is missing from the installed system (librsvg, a font, an engine).
        #expect(!output.contains("not installed") && !output.contains("[pdf-skipped]"), "\(output.suffix(3000))")
    }

    /// Debian's own checks of a package find nothing, but what `Packaging/lintian-overrides`
    /// leaves as it is, each with its reason.
    @Test func lintianFindsNothingInThePackage() throws {
        let package = try Self.package.get()
        let result = try runTool(["lintian", "--fail-on", "error,warning", "--tag-display-limit", "0", package])
        let tags = result.output.split(separator: "\n").filter { $0.hasPrefix("E: ") || $0.hasPrefix("W: ") }
        #expect(result.status == 0 && tags.isEmpty, "\(result.output.suffix(3000))")
    }

    @Test func installPutsEverythingUnderThePrefix() throws {
        _ = try Self.package.get()  // the release build, made once
        let destination = NSTemporaryDirectory() + "imprint-install-" + UUID().uuidString
        let (status, output) = try runProgram(
            Self.repository + "/Scripts/install", ["/opt/imprint"],
            environment: ProcessInfo.processInfo.environment.merging(["DESTDIR": destination]) { _, new in new })
        #expect(status == 0, "\(output)")
        let prefix = destination + "/opt/imprint"
        let completion = try String(contentsOfFile: prefix + "/share/bash-completion/completions/imprint", encoding: .utf8)
        #expect(completion.contains("---completion build -- --to") && completion.contains("--pdf-timeout"), "completions offer editions (a comma list, from the binary) and options")
        let version = try Self.run(prefix + "/bin/imprint", ["--version"], in: destination)
        #expect(version.0 == 0 && !version.1.isEmpty)
    }
}
