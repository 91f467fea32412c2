import Imprint

/// The command line of an everyday build, read without ArgumentParser.
///
/// ArgumentParser learns a command's options by reflecting over its properties, and on
/// Linux each first look at a type's conformances scans every conformance record of the
/// binary: a large part of a small report's build, paid again on every save an editor
/// rebuilds (docs/performance.md has the figures). So `imprint build` with
/// the plainest spelling — the report, then `--option value` pairs and flags — is read
/// here. Anything else (help, `--option=value`, `-o` glued to its value, an unknown or
/// repeated option, a value that looks like an option, a second report) gives nil and
/// ArgumentParser reads the line as always, so every message and all help stay its own.
/// `QuickBuildArgumentsTests` holds the two readers to the same answers.
extension BuildArguments {
    /// What an option sets: a value it takes, or a flag it turns on.
    private enum Setter: Sendable {
        case value(@Sendable (inout BuildArguments, String) -> Bool)
        case flag(WritableKeyPath<BuildArguments, Bool> & Sendable)
    }

    /// `--to` and `-t`. An unknown edition is left to ArgumentParser, which names the
    /// editions there are.
    private static let setEditions: @Sendable (inout BuildArguments, String) -> Bool = { arguments, text in
        guard (try? OutputFormat.parseList(text)) != nil else { return false }
        arguments.request.to = text
        return true
    }

    /// Every option of `BuildCommand`, by each of its spellings.
    private static let setters: [String: Setter] = [
        "--to": .value(setEditions),
        "-t": .value(setEditions),
        "-o": .value { $0.request.output = $1; return true },
        "--output": .value { $0.request.output = $1; return true },
        "--paper": .value { $0.request.paper = $1; return true },
        "--css": .value { $0.request.stylesheets.append($1); return true },
        "--reference-doc": .value { $0.request.referenceDoc = $1; return true },
        "-M": .value { $0.request.metadata.append($1); return true },
        "--metadata": .value { $0.request.metadata.append($1); return true },
        "--pdf-engine": .value { $0.request.pdfEngine = $1; return true },
        "--config": .value { $0.request.config = $1; return true },
        "--pdf-standard": .value { $0.request.pdfStandard = $1; return true },
        "--epub-split-depth": .value { arguments, text in
            guard let depth = Int(text) else { return false }
            arguments.request.epubSplitDepth = depth
            return true
        },
        "--pdf-timeout": .value { arguments, text in
            guard let seconds = Int(text) else { return false }
            arguments.request.pdfTimeout = seconds
            return true
        },
        "--width": .value { arguments, text in
            guard let width = Int(text) else { return false }
            arguments.request.width = width
            return true
        },
        "--strict": .flag(\.request.strict),
        "--ascii": .flag(\.request.ascii),
        "--resource-path": .value { $0.request.resourcePath = $1; return true },
        "--diagnostics": .value { arguments, text in
            guard let format = DiagnosticsFormat(rawValue: text) else { return false }
            arguments.diagnostics = format
            return true
        },
        "--force": .flag(\.request.force),
        "--verbose": .flag(\.verbose),
    ]

    /// The spellings `setters` knows, for the tests.
    static var quickOptionNames: Set<String> { Set(setters.keys) }

    /// `build REPORT [OPTION…]` (the words after the program's name), or nil when
    /// ArgumentParser should read them.
    init?(quick words: [String]) {
        guard words.first == "build" else { return nil }
        var report: String?
        var arguments = BuildArguments(request: BuildRequest(report: ""))
        var seen: Set<String> = []
        var index = 1
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("-"), word != "-" else {
                guard report == nil else { return nil }
                report = word
                continue
            }
            guard let setter = Self.setters[word] else { return nil }
            // One spelling of an option each: `--css` and `-M` may repeat, the rest may not.
            let name = word == "-o" ? "--output" : word == "-M" ? "--metadata" : word
            guard seen.insert(name).inserted || name == "--css" || name == "--metadata" else { return nil }
            switch setter {
            case .flag(let flag):
                arguments[keyPath: flag] = true
            case .value(let set):
                guard index < words.count, words[index] == "-" || !words[index].hasPrefix("-"), set(&arguments, words[index])
                else { return nil }
                index += 1
            }
        }
        guard let report else { return nil }
        arguments.request.report = report
        self = arguments
    }
}
