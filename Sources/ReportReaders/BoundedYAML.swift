import Foundation
import Yams

/// YAML composed within limits, for every YAML text a build reads (front matter, desk
/// files, `-M` values): at most `maximumSize` bytes, expanding to at most `maximumNodes`
/// values and nesting at most `maximumDepth` levels, aliases followed.
///
/// Aliases let a short text nest as deep as it has aliases (each alias of a list holding
/// the alias before it is one level more), and Yams hashes keys and frees trees by
/// recursion: a text is composed, checked and, when refused, freed on a thread whose stack
/// holds the deepest tree a text of `maximumSize` bytes can make.
enum BoundedYAML {
    static let maximumSize = 1 << 20
    /// A guard against alias bombs ("billion laughs").
    static let maximumNodes = 10_000

    /// What is said of `what` (a YAML text) when it expands to more than `maximumNodes` values.
    static func tooManyValues(_ what: String) -> String {
        "\(what) expands to more than \(maximumNodes) values, each use of an alias (`*name`) counting as a copy of what it names; "
            + "use fewer aliases or shorter lists"
    }
    /// The format's keys and a desk's words are a few levels down.
    static let maximumDepth = 64

    /// Why a text was refused, with no part of its tree, which is freed where it was made.
    enum Refusal: Error {
        case tooLarge
        case tooManyNodes(Mark?)
        case tooDeep(Mark?)
        /// Not YAML: libyaml's words, with what it was reading.
        case invalid(problem: String, Mark?)
        /// The keys a mapping gives twice, named.
        case duplicateKeys([String], Mark?)
        /// An alias used as a mapping key, at its line and column (`YAMLAliasKeys`).
        case aliasKey(line: Int, column: Int)
    }

    /// The text's one document; nil when it is empty.
    static func compose(_ text: String) -> Result<Node?, Refusal> {
        guard text.utf8.count <= maximumSize else { return .failure(.tooLarge) }
        if let (line, column) = YAMLAliasKeys.first(in: text) { return .failure(.aliasKey(line: line, column: column)) }
        return LargeStack.run {
            let root: Node?
            do {
                // Every value is read as text and checked by the reader, so Yams need not
                // resolve tags: its default resolver compiles a dozen regular expressions on
                // every run.
                root = try Yams.compose(yaml: text, .basic)
            } catch let error as YamlError {
                switch error {
                case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                    .composer(let context, let problem, let mark, _):
                    // libyaml's own words name its C function.
                    if problem.hasPrefix("Maximum nesting level reached") { return .failure(.tooDeep(mark)) }
                    return .failure(.invalid(problem: problem + (context.map { " (\($0.text))" } ?? ""), mark))
                case .duplicatedKeysInMapping(let duplicates, let context):
                    return .failure(.duplicateKeys(duplicates.map { "'\($0)'" }, context.mark))
                default:
                    return .failure(.invalid(problem: "\(error)", nil))
                }
            } catch {
                return .failure(.invalid(problem: "\(error)", nil))
            }
            guard let root else { return .success(nil) }
            if let refusal = limitPassed(by: root) { return .failure(refusal) }
            return .success(root)
        }
    }

    /// Which limit `root` passes, in one walk: `maximumNodes` values, keys and plain values
    /// counted as aliases are (and then no further), else `maximumDepth` levels; nil when
    /// it passes none.
    private static func limitPassed(by root: Node) -> Refusal? {
        var count = 0
        var deepest = 0
        var pending = [(root, 1)]
        while let (node, depth) = pending.popLast() {
            count += 1
            if count > maximumNodes { return .tooManyNodes(root.mark) }
            deepest = max(deepest, depth)
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): pending += sequence.map { ($0, depth + 1) }
            case .mapping(let mapping): for (key, value) in mapping { pending += [(key, depth + 1), (value, depth + 1)] }
            }
        }
        return deepest > maximumDepth ? .tooDeep(root.mark) : nil
    }
}
