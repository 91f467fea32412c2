extension Report {
    /// Every image file the report uses — figures and inline images in document order, then
    /// the cover — each once, as the report writes its path. Every edition that shows images
    /// carries them (as the reader read them: `ImageFile`).
    public var imagePaths: [String] {
        var paths: [String] = []
        var seen: Set<String> = []
        func add(_ path: String) { if seen.insert(path).inserted { paths.append(path) } }
        forEachBlock { block in
            if case .figure(let figure) = block { add(figure.source) }
        }
        forEachInline { inline in if case .image(let image) = inline { add(image.source) } }
        if let cover = metadata.cover { add(cover) }
        return paths
    }
}
