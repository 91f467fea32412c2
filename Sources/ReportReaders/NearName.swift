/// The known name a mistyped one was probably meant to be, for the "did you mean …" of a
/// diagnostic (`authors` for `author`, `.key-judgments` for `.key-judgements`, `tlp` for
/// `tpl`): the nearest by edits (a letter added, dropped or changed, or two side by side
/// swapped), when it is near enough to be a slip: one edit in a name of four letters or
/// fewer, two in a longer one.
enum NearName {
    static func suggestion(for name: String, among known: some Sequence<String>) -> String? {
        let typed = Array(name.lowercased())
        let allowed = typed.count <= 4 ? 1 : 2
        var best: (name: String, distance: Int)?
        // In the order of their names, so that of two as near the first wins on every run.
        for candidate in known.sorted() where candidate != name {
            let distance = edits(typed, Array(candidate.lowercased()), limit: allowed)
            if distance <= allowed, distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        return best?.name
    }

    /// " (did you mean 'authors'?)", or nothing when no known name is near; `prefix` is
    /// what the name is written with (`.` for a class).
    static func hint(for name: String, among known: some Sequence<String>, prefix: String = "") -> String {
        suggestion(for: name, among: known).map { " (did you mean '\(prefix)\($0)'?)" } ?? ""
    }

    /// The edits between `a` and `b` (optimal string alignment), or more than `limit` as
    /// soon as no alignment can stay within it.
    private static func edits(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            if current.min() ?? 0 > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
