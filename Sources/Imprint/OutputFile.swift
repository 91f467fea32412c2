/// An edition's file while the edition is written into it piece by piece (a large report's
/// DocBook or XHTML section by section), so that its bytes are never all in memory: a file
/// without a name until the build commits it (see `AtomicFile`).
///
/// Writers hand over pieces through a closure that cannot fail; a write error is kept and
/// reported by `finish`, and pieces after it are dropped.
final class OutputFile {
    private let file: AtomicFile.Pending
    private var buffer: [UInt8] = []
    private var error: AtomicFile.IOError?
    /// Pieces are gathered up to this many bytes per write to the file.
    private static let bufferSize = 1 << 18

    init(besides path: String) throws(AtomicFile.IOError) {
        file = try AtomicFile.create(besides: path)
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Adds bytes at the end.
    func write(_ bytes: UnsafeRawBufferPointer) {
        guard error == nil else { return }
        if buffer.count + bytes.count > Self.bufferSize { flush() }
        if bytes.count >= Self.bufferSize {
            do throws(AtomicFile.IOError) { try AtomicFile.append(bytes, to: file) } catch { self.error = error }
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// The file complete on disk, to commit; or, after any failed write, the error (and
    /// the file is discarded).
    func finish() throws(AtomicFile.IOError) -> AtomicFile.Pending {
        flush()
        do throws(AtomicFile.IOError) {
            if let error { throw error }
            try AtomicFile.finish(file)
        } catch {
            AtomicFile.discard([file])
            throw error
        }
        return file
    }

    /// Drops the file: the edition failed.
    func discard() {
        AtomicFile.discard([file])
    }

    private func flush() {
        guard error == nil, !buffer.isEmpty else { return }
        do throws(AtomicFile.IOError) {
            try buffer.withUnsafeBytes { bytes in
                Result { () throws(AtomicFile.IOError) in try AtomicFile.append(bytes, to: file) }
            }.get()
        } catch {
            self.error = error
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
