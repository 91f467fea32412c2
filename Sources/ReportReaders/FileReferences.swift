#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation
import ReportModel

/// Checks the files a report refers to (images, the cover): each must be a relative path
/// to a regular file that, with every symbolic link resolved, stays inside the report's
/// folder — or, for a file the report's folder lacks, inside one of the desk's asset
/// folders (`assets:` in `imprint.yml`), by the same rule. Nothing outside them is ever read.
public struct FileReferences: Sendable {
    /// The report's folder with every symbolic link resolved; `nil` when the report does not
    /// live on disk, and then every file reference is an error.
    public let folder: String?
    /// The desk's asset folders, symbolic links resolved, in the order they are looked in.
    public let assetFolders: [String]
    /// The images checked so far, each read once (`checkImage`).
    private let checked = CheckedImages()

    public init(reportPath: String?, assetFolders: [String] = []) {
        self.assetFolders = assetFolders.compactMap(FolderRule.realPath)
        guard let reportPath else {
            folder = nil
            return
        }
        let directory = reportPath.contains("/") ? String(reportPath[..<reportPath.lastIndex(of: "/")!]) : "."
        folder = FolderRule.realPath(directory.isEmpty ? "/" : directory)
    }

    /// The path on disk that a reference resolves to, when it is allowed and exists: in the
    /// report's folder, else in the first asset folder that has it.
    public func resolve(_ reference: String) -> Result<String, Problem> {
        let path = reference.percentDecoded ?? reference
        if path.isEmpty { return .failure(.empty) }
        if let scheme = Address.scheme(of: path) { return .failure(.url(scheme)) }
        if path.hasPrefix("/") || path.hasPrefix("~") { return .failure(.absolute) }
        guard let folder else { return .failure(.noFolder) }
        let found = FileReferences.resolve(path, in: folder)
        guard case .failure(.missing) = found else { return found }
        for assets in assetFolders {
            let inAssets = FileReferences.resolve(path, in: assets)
            if case .failure(.missing) = inAssets { continue }
            return inAssets
        }
        return found
    }

    /// `path` in `folder`: a regular file that stays inside it.
    private static func resolve(_ path: String, in folder: String) -> Result<String, Problem> {
        guard let real = FolderRule.realPath(folder + "/" + path) else { return .failure(.missing) }
        guard FolderRule.isInside(real, folder) else { return .failure(.outside) }
        var status = stat()
        guard stat(real, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.notAFile) }
        return .success(real)
    }

    /// Whether the file at `real` (a resolved path) is one of the asset folders' rather than
    /// the report folder's.
    public func isAsset(_ real: String) -> Bool {
        guard let folder, !FolderRule.isInside(real, folder) else { return false }
        return assetFolders.contains { FolderRule.isInside(real, $0) }
    }

    /// The resolved `real` as a path from the folder it is in: the report's, or an asset folder.
    private func relativePath(of real: String) -> String {
        let root = ([folder ?? "/"] + assetFolders).first { FolderRule.isInside(real, $0) } ?? "/"
        return String(real.dropFirst(root == "/" ? 1 : root.count + 1))
    }

    /// Checks the image `reference`: allowed, and its content what its name says
    /// (`ImageContent`); logs an error naming `what` and where when it is not. Gives the
    /// reference the model keeps: the file's own path from the folder it is in, every link
    /// and `./` or `../` resolved, so that one file under many spellings (`big.png`,
    /// `././big.png`) is one image in every edition; nil when the image is refused.
    @discardableResult
    func checkImage(_ reference: String, what: String, at location: SourceLocation?, log: DiagnosticLog) -> String? {
        switch resolve(reference) {
        case .success(let path):
            // Kept under the reference as written too: a model read as it is (JSON) keeps
            // the path its author wrote.
            if let known = checked.reference(of: path) {
                checked.alias(reference, to: known)
                return known
            }
            switch ImageContent.read(at: path) {
            case .success(let bytes):
                let kept = canonical(path, for: reference)
                checked.add(ImageFile(path: relativePath(of: path), location: path, bytes: bytes), as: kept)
                checked.alias(reference, to: kept)
                return kept
            case .failure(let problem):
                log.error(problem.code, "\(what) '\(reference.visible)' \(problem.text)", at: location)
                return nil
            }
        case .failure(let problem):
            let hint =
                problem == .missing && location?.file == FileReferences.standardInputName
                ? "; a report read from standard input finds its images in the current folder, or in the one --resource-path DIR names" : ""
            log.error(problem.code, "\(what) '\(reference.visible)' \(problem.explanation)\(hint)", at: location)
            return nil
        }
    }

    /// Every image checked, by the reference the model keeps, with the bytes checked.
    var checkedImages: [String: ImageFile] { checked.all }

    /// The resolved `real` as a path from its folder (`relativePath`), when that names the
    /// same file again; `reference` itself otherwise (a name with `%`, which a reference
    /// would read as an escape).
    private func canonical(_ real: String, for reference: String) -> String {
        let relative = relativePath(of: real)
        guard !relative.contains("%"), case .success(real) = resolve(relative) else { return reference }
        return relative
    }

    /// How a report read from standard input is named in diagnostics.
    public static let standardInputName = "<stdin>"

    public enum Problem: Error, Sendable, Equatable {
        case empty, url(String), absolute, noFolder, missing, outside, notAFile

        public var explanation: String {
            switch self {
            case .empty: "is empty"
            case .url(let scheme):
                "is a \(scheme): address; images must be files in the report's folder"
            case .absolute: "is an absolute path; write it relative to the report file"
            case .noFolder: "cannot be read: the report was not read from a file"
            case .missing: "does not exist"
            case .outside: "leaves the report's folder; only files inside it may be used"
            case .notAFile: "is not a regular file"
            }
        }

        /// Outside the folders a report may read from, or not there.
        public var code: Diagnostic.Code {
            switch self {
            case .url, .absolute, .noFolder, .outside: .fileOutsideFolder
            case .empty, .missing, .notAFile: .fileNotFound
            }
        }
    }

}

extension String {
    /// Decodes `%XX` escapes; `nil` when an escape is malformed or the result is not UTF-8.
    var percentDecoded: String? {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

/// The images a reader has checked, by where they are on disk (an image used a hundred
/// times is read once) and by the reference the model keeps. Readers may check from more
/// than one thread.
private final class CheckedImages: @unchecked Sendable {
    private let lock = NSLock()
    private var references: [String: String] = [:]
    private var images: [String: ImageFile] = [:]

    func reference(of location: String) -> String? {
        lock.withLock { references[location] }
    }

    func add(_ image: ImageFile, as reference: String) {
        lock.withLock {
            references[image.location] = reference
            images[reference] = image
        }
    }

    /// The image kept as `reference` kept as `other` too.
    func alias(_ other: String, to reference: String) {
        lock.withLock {
            if images[other] == nil { images[other] = images[reference] }
        }
    }

    var all: [String: ImageFile] { lock.withLock { images } }
}
