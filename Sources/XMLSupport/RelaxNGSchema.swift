import CLibXML2
import ReportModel

/// A RELAX NG schema compiled by libxml2, for validating what the writers produce.
public final class RelaxNGSchema {
    private let schema: xmlRelaxNGPtr

    /// Compiles the schema at `path`, such as Debian's DocBook 5 `docbook.rng`.
    public init(path: String) throws(DiagnosticError) {
        LibXML.ensureInitialized()
        let collector = XMLDiagnosticCollector(file: path, code: .schemaUnreadable)
        let compiled: xmlRelaxNGPtr? = collector.collecting {
            guard let context = xmlRelaxNGNewParserCtxt(path) else { return nil }
            defer { xmlRelaxNGFreeParserCtxt(context) }
            xmlRelaxNGSetParserStructuredErrors(context, XMLDiagnosticCollector.handler, collector.context)
            return xmlRelaxNGParse(context)
        }
        guard let compiled else {
            throw collector.diagnostics.isEmpty
                ? DiagnosticError(error: .schemaUnreadable, "cannot read RELAX NG schema \(path)", at: .file(path))
                : DiagnosticError(collector.diagnostics)
        }
        schema = compiled
    }

    deinit {
        xmlRelaxNGFree(schema)
    }

    /// The problems found in `document`, placed in `file`; empty when it is valid.
    public func validate(_ document: XMLDocument, file: String = "document.xml") -> [Diagnostic] {
        let collector = XMLDiagnosticCollector(file: file, code: .schemaInvalid)
        let result: Int32 = collector.collecting {
            guard let context = xmlRelaxNGNewValidCtxt(schema) else { return -1 }
            defer { xmlRelaxNGFreeValidCtxt(context) }
            xmlRelaxNGSetValidStructuredErrors(context, XMLDiagnosticCollector.handler, collector.context)
            return xmlRelaxNGValidateDoc(context, document.pointer)
        }
        if result == 0 { return [] }
        return collector.diagnostics.isEmpty
            ? [Diagnostic(.error, .schemaInvalid, "document is not valid (libxml2 code \(result))", at: .file(file))]
            : collector.diagnostics
    }
}
