import Crypto
import Foundation
import PDFWriter
import ReportModel
import ReportReaders
import SharedWriting
import SystemSupport

/// The record of a finished build that lets the next one be skipped: a digest of
/// everything that shapes the editions besides files (tool version, settings, environment),
/// a digest of every file the build read, and the files it wrote.
///
/// The files read are known only after the report has been read (its images), so the
/// record keeps the list the last build found: while the report's text is unchanged, its
/// list of images is too, so hashing the recorded files again answers whether anything
/// changed, without reading the report.
///
/// Each file written is recorded with its identity on this machine (inode and change time,
/// which nobody sets by hand), so a stamp that came with a downloaded folder, or outputs
/// put there by anything but this build, never pass for current.
struct BuildStamp {
    var settings: String
    var inputs: [String: String]
    /// The files written, each with its `identity`.
    var outputs: [(path: String, identity: String)]

    /// Where a build records the editions it is putting in place (see `AtomicFile.commit`):
    /// beside the stamp.
    static func journalPath(for plan: BuildPlan) -> String {
        path(for: plan) + ".commit"
    }

    /// Where the stamp of a report's build lives: beside its editions, in a hidden folder
    /// named for the tool.
    static func path(for plan: BuildPlan) -> String {
        plan.outputDirectory + "/.imprint/" + (plan.outputName ?? Pipeline.baseName(of: plan.input)) + ".stamp"
    }

    /// The digest of what shapes the editions other than the files read: the resolved
    /// settings whole (a setting added to `BuildSettings` is digested with no change here),
    /// where the report and its editions are, and the environment.
    static func settings(of plan: BuildPlan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let settings = (try? encoder.encode(plan.settings)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let parts: [String] = [
            "imprint \(Imprint.version)",
            "settings \(settings)",
            // The command line's paths are read from the current folder.
            "folder \(FileManager.default.currentDirectoryPath)",
            "input \(absolute(plan.input))",
            "output \(absolute(plan.outputDirectory))",
            "output-name \(plan.outputName ?? "")",
            // Only a build with a PDF asks the engine for its version, and reads the worker's
            // program (compiled in, or the development copy IMPRINT_PDF_WORKER names).
            "pdf-engine-version \(plan.settings.formats.contains(.pdf) ? PDFEngine.version(of: plan.settings.pdfEngine) : "")",
            "pdf-worker \(plan.settings.formats.contains(.pdf) ? digest(Array((WorkerProgram.source ?? "").utf8)) : "")",
            // Which configuration files there are (their content is digested as an input).
            "configuration \(plan.configurationPaths.joined(separator: "\u{0}"))",
            "SOURCE_DATE_EPOCH \(Environment.value("SOURCE_DATE_EPOCH") ?? "")",
            "IMPRINT_STYLES \(Environment.value("IMPRINT_STYLES") ?? "")",
            // Where the shipped style sheets are found: another folder is another style.
            "styles \(StyleSheets.overridePaths.joined(separator: "\u{0}"))",
            "compiled-in \(StyleSheets.compiledDigest)",
            "words \(wordsDigest)",
        ]
        return digest(Array(parts.joined(separator: "\n").utf8))
    }

    /// A digest of the compiled-in words, once a run.
    private static let wordsDigest = digest(Array(Words.shippedText.utf8))

    /// The SHA-256 of each file, by path; nil when one cannot be read, or its path holds a
    /// line break (then no stamp is written and the next build simply runs).
    /// `images` are digested from the bytes the reader read and checked, by where they are,
    /// and the files of `read` (the user's style sheets) from the bytes the build read.
    static func digests(of paths: [String], images: [ImageFile] = [], read: [String: [UInt8]] = [:]) -> [String: String]? {
        guard !(paths + images.map(\.location)).contains(where: { $0.contains("\n") }) else { return nil }
        var digests: [String: String] = [:]
        for image in images { digests[image.location] = digest(image.bytes) }
        for (path, bytes) in read { digests[path] = digest(bytes) }
        for path in Set(paths) where digests[path] == nil {
            guard let bytes = try? InputFile.read(path) else { return nil }
            digests[path] = digest(bytes)
        }
        return digests
    }

    /// True when the last build of this plan is still good: same settings, every file
    /// it wrote still the very file it wrote, every file it read unchanged.
    /// `settings` is `settings(of: plan)`.
    /// Gives the files it wrote when so, nil otherwise.
    static func current(_ plan: BuildPlan, settings: String) -> [String]? {
        guard let data = try? InputFile.read(path(for: plan), limit: 1 << 20),
            let stamp = BuildStamp(String(decoding: data, as: UTF8.self)),
            stamp.settings == settings,
            // Every edition asked for, among the files the stamp vouches for, each the very file.
            Set(plan.settings.formats.map { plan.outputDirectory + "/" + plan.fileName(of: $0) }).isSubset(of: stamp.outputs.map(\.path)),
            stamp.inputs[plan.input] != nil,
            stamp.outputs.allSatisfy({ identity(of: $0.path) == $0.identity }),
            stamp.inputs.allSatisfy({ path, expected in (try? InputFile.read(path)).map(digest) == expected })
        else { return nil }
        return stamp.outputs.map(\.path)
    }

    /// The stamp as written: a line per fact, inputs sorted, so the same build writes the
    /// same bytes. Paths come last on their lines and hold no line break (outputs are named
    /// by Imprint; a build that read a path with one gets no stamp: see `digests(of:)`).
    var bytes: [UInt8] {
        var lines = ["imprint-stamp 2", "settings \(settings)"]
        lines += inputs.keys.sorted().map { "input \(inputs[$0]!) \($0)" }
        lines += outputs.map { "output \($0.identity) \($0.path)" }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    init(settings: String, inputs: [String: String], outputs: [(path: String, identity: String)]) {
        self.settings = settings
        self.inputs = inputs
        self.outputs = outputs
    }

    /// Reads `bytes` back; nil for anything else.
    init?(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "imprint-stamp 2", lines.last == "" else { return nil }
        lines = Array(lines.dropFirst().dropLast())
        var settings: String?
        var inputs: [String: String] = [:]
        var outputs: [(path: String, identity: String)] = []
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            switch (parts.first, parts.count) {
            case ("settings", 2): settings = String(parts[1])
            case ("input", 3): inputs[String(parts[2])] = String(parts[1])
            case ("output", 3): outputs.append((String(parts[2]), String(parts[1])))
            default: return nil
            }
        }
        guard let settings else { return nil }
        self.init(settings: settings, inputs: inputs, outputs: outputs)
    }

    /// A file's identity on this machine: its inode and change time, or nil when it is not
    /// there. A file replaced, touched or unpacked from an archive has another.
    static func identity(of path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return "\(status.st_ino).\(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)"
    }

    /// SHA-256 in lower-case hex (spelt out by hand: `String(format:)` cost more than the
    /// hashing of a small report).
    static func digest(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
