import CLibXML2

/// A RELAX NG schema compiled by libxml2, for validating what the writers produce.
public final class RelaxNGSchema {
    private let schema: xmlRelaxNGPtr

    /// Compiles the schema at `path`, such as Debian's DocBook 5 `docbook.rng`.
    public init(path: String) throws(XMLParseError) {
        LibXML.ensureInitialized()
        let collector = XMLIssueCollector()
        let compiled: xmlRelaxNGPtr? = collector.collecting {
            guard let context = xmlRelaxNGNewParserCtxt(path) else { return nil }
            defer { xmlRelaxNGFreeParserCtxt(context) }
            xmlRelaxNGSetParserStructuredErrors(context, XMLIssueCollector.handler, collector.context)
            return xmlRelaxNGParse(context)
        }
        guard let compiled else {
            throw XMLParseError(
                issues: collector.issues.isEmpty
                    ? [XMLIssue(message: "cannot read RELAX NG schema \(path)", line: 0, column: 0)]
                    : collector.issues)
        }
        schema = compiled
    }

    deinit {
        xmlRelaxNGFree(schema)
    }

    /// The problems found in `document`; empty when it is valid.
    public func validate(_ document: XMLDocument) -> [XMLIssue] {
        let collector = XMLIssueCollector()
        let result: Int32 = collector.collecting {
            guard let context = xmlRelaxNGNewValidCtxt(schema) else { return -1 }
            defer { xmlRelaxNGFreeValidCtxt(context) }
            xmlRelaxNGSetValidStructuredErrors(context, XMLIssueCollector.handler, collector.context)
            return xmlRelaxNGValidateDoc(context, document.pointer)
        }
        if result == 0 { return [] }
        return collector.issues.isEmpty
            ? [XMLIssue(message: "document is not valid (libxml2 code \(result))", line: 0, column: 0)]
            : collector.issues
    }
}
