/// What a build, watch, check, model or config command was asked, exactly as given: a value
/// the command line leaves out is nil (or empty, or false), never a default, so that the
/// plan can tell a flag from a desk's value from Imprint's default (`BuildPlan.resolve`).
public struct BuildRequest: Sendable, Equatable {
    /// The report file, `-` for standard input, or a folder of reports.
    public var report: String
    /// `--to`: a comma list of editions.
    public var to: String?
    /// `-o`: a folder, one edition's file, or `-` for standard output.
    public var output: String?
    public var strict = false
    public var paper: String?
    /// `--css`, in the order given.
    public var stylesheets: [String] = []
    public var referenceDoc: String?
    /// `-M key=value`, in the order given.
    public var metadata: [String] = []
    /// `--config`: the one desk configuration to read.
    public var config: String?
    public var pdfEngine: String?
    public var pdfTimeout: Int?
    public var pdfStandard: String?
    public var epubSplitDepth: Int?
    public var width: Int?
    public var ascii = false
    public var force = false
    /// With `-` as the report: the folder its images are in.
    public var resourcePath: String?

    public init(report: String) {
        self.report = report
    }

    /// A path whose folder is where the report's images and desk files are looked for: the
    /// report's own, or for standard input the resource path.
    var referencePath: String { report == "-" ? (resourcePath ?? ".") + "/-" : report }
}
