extension Report {
    /// The most notes that refer to notes may nest: an edition that sets a note where it is
    /// first referred to (DocBook's `footnote`, the print edition's inline note) nests one
    /// note in another for each step of a chain, by recursion (WeasyPrint lays out no more
    /// than about 90 such notes).
    public static let noteChainLimit = 64
    /// The most levels a chain of notes may nest with the lists, quotes, emphasis and links
    /// inside each note: the editions' recursion goes through all of them.
    public static let noteChainLevels = 256

    /// Why the notes cannot be set, when a chain of them holds more than `noteChainLimit`
    /// notes or nests more than `noteChainLevels` levels: the note that ends it, and the
    /// words of the error.
    public var noteChainProblem: (label: String, message: String)? {
        if let (label, length) = longestNoteChain(), length > Report.noteChainLimit {
            return (label,
                "the note [^\(label)] ends a chain of \(length) notes each referred to in the one before; Imprint sets notes within notes at most \(Report.noteChainLimit) deep")
        }
        if let (label, levels) = longestNoteChain(weight: { 1 + ReportContent(blocks: $0.blocks).nestingDepth }), levels > Report.noteChainLevels {
            return (label,
                "the note [^\(label)] ends a chain of notes each referred to in the one before that nests \(levels) levels with the lists, quotes and emphasis inside them; Imprint sets at most \(Report.noteChainLevels)")
        }
        return nil
    }

    /// The heaviest chain of notes each referred to in the one before, each note weighing
    /// `weight` (one by default): the note that ends it and its weight. Notes that refer to
    /// one another in a circle all count, for an edition may follow the circle's references
    /// in any order. Nil when no note refers to another.
    ///
    /// Computed on the notes' strongly connected components (Kosaraju's two passes, each a
    /// walk with a stack): a chain is a path through them, each weighing its notes.
    public func longestNoteChain(weight: (Footnote) -> Int = { _ in 1 }) -> (label: String, length: Int)? {
        let index = Dictionary(footnotes.enumerated().map { ($0.element.label, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let edges: [[Int]] = footnotes.map { note in
            var targets: [Int] = []
            ReportContent(blocks: note.blocks).forEachInline { inline in
                if case .footnoteReference(let label) = inline, let target = index[label] { targets.append(target) }
            }
            return targets
        }
        guard edges.contains(where: { !$0.isEmpty }) else { return nil }
        let count = footnotes.count
        // First pass: the notes in the order their walks finish.
        var order: [Int] = []
        var visited = [Bool](repeating: false, count: count)
        for start in 0..<count where !visited[start] {
            visited[start] = true
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            while let top = stack.last {
                if top.next < edges[top.node].count {
                    stack[stack.count - 1].next += 1
                    let target = edges[top.node][top.next]
                    if !visited[target] {
                        visited[target] = true
                        stack.append((target, 0))
                    }
                } else {
                    order.append(top.node)
                    stack.removeLast()
                }
            }
        }
        // Second pass, on the reversed edges in reverse finishing order: the components,
        // each found after every component with an edge into it.
        var reversed = [[Int]](repeating: [], count: count)
        for (source, targets) in edges.enumerated() { for target in targets { reversed[target].append(source) } }
        var component = [Int](repeating: -1, count: count)
        var members: [[Int]] = []
        for start in order.reversed() where component[start] < 0 {
            let current = members.count
            members.append([])
            component[start] = current
            var pending = [start]
            while let node = pending.popLast() {
                members[current].append(node)
                for source in reversed[node] where component[source] < 0 {
                    component[source] = current
                    pending.append(source)
                }
            }
        }
        // The heaviest path ending in each component, in that order.
        let weights = footnotes.map(weight)
        let componentWeights = members.map { $0.reduce(0) { $0 + weights[$1] } }
        var heaviest = componentWeights
        var best = 0
        for current in members.indices {
            if heaviest[current] > heaviest[best] { best = current }
            for node in members[current] {
                for target in edges[node] where component[target] != current {
                    heaviest[component[target]] = max(heaviest[component[target]], heaviest[current] + componentWeights[component[target]])
                }
            }
        }
        return (footnotes[members[best][0]].label, heaviest[best])
    }
}
