import CLibXML2
import ReportModel

/// What makes an SVG image unsafe to publish: anything that runs (scripts, event
/// attributes), embeds another document (`foreignObject`, XInclude), or reaches outside the
/// image (an `href` that is not a fragment, a style sheet `url(…)` or `@import` that is not a
/// fragment, an `xml-stylesheet` instruction), and any document type declaration (which
/// could declare entities). The image is parsed as untrusted XML (`XMLDocument.parse`: no
/// network, no DTD loading, no entity substitution).
public enum SVGCheck {
    /// Every problem of the image `file`, each an error at its line when libxml2 knows it;
    /// empty for a safe image.
    public static func problems(in bytes: [UInt8], file: String = "image.svg") -> [Diagnostic] {
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes, url: file)
        } catch {
            return error.diagnostics.map { Diagnostic(.error, .imageUnsafe, "is not well-formed XML: \($0.message)", at: $0.location) }
        }
        func problem(_ message: String, line: Int) -> Diagnostic {
            Diagnostic(.error, .imageUnsafe, message, at: XMLDiagnosticCollector.location(file, line: line, column: 0))
        }
        var problems: [Diagnostic] = []
        if document.pointer.pointee.intSubset != nil || document.pointer.pointee.extSubset != nil {
            problems.append(problem("has a document type declaration (<!DOCTYPE …>); remove it", line: 0))
        }
        guard let root = xmlDocGetRootElement(document.pointer) else { return problems }
        if LibXML.string(root.pointee.name) != "svg" {
            problems.append(problem("is not an SVG image (its root element is not <svg>)", line: line(of: root)))
        }
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            problems += self.problems(of: node).map { problem($0, line: line(of: node)) }
            var child = node.pointee.children
            while let current = child {
                stack.append(current)
                child = current.pointee.next
            }
        }
        return problems.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }
    }

    /// What is wrong with one node.
    private static func problems(of node: xmlNodePtr) -> [String] {
        let name = LibXML.string(node.pointee.name) ?? ""
        switch node.pointee.type {
        case XML_ENTITY_REF_NODE, XML_ENTITY_DECL:
            return ["uses the entity &\(name);"]
        case XML_PI_NODE:
            return ["has a processing instruction <?\(name) …?>"]
        case XML_ELEMENT_NODE: break
        default: return []
        }
        var problems: [String] = []
        // A style element's text is one style sheet, its text and CDATA pieces joined
        // (an XML comment between them is no part of it), as the browser reads it.
        if name == "style" { problems += styleProblems(styleText(of: node)) }
        let namespace = node.pointee.ns.flatMap { LibXML.string($0.pointee.href) }
        if ["script", "foreignObject", "iframe", "embed", "object", "handler", "listener"].contains(name)
            || namespace == "http://www.w3.org/2001/XInclude" || namespace == "http://www.w3.org/1999/xhtml"
        {
            problems.append("has a <\(name)> element\(namespace == "http://www.w3.org/1999/xhtml" ? " of HTML" : "")")
        }
        // An animation can set an address after the check: `<set attributeName="href" to="http:…">`.
        if ["animate", "set", "animateMotion", "animateTransform", "animateColor"].contains(name),
            let target = attribute(named: "attributeName", of: node).map({ String($0.lowercased().filter { !$0.isWhitespace }) }),
            target.hasSuffix("href") || target == "src" || target == "style"
        {
            problems.append("animates its \(target) attribute (<\(name)>); an address may not change after the check")
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            let attributeName = LibXML.string(current.pointee.name) ?? ""
            let value = current.pointee.children.map { content(of: $0) } ?? ""
            let attributeNamespace = current.pointee.ns.flatMap { LibXML.string($0.pointee.href) }
            if attributeName == "base", attributeNamespace == "http://www.w3.org/XML/1998/namespace" {
                problems.append("sets a base address (xml:base) for its references")
            } else if attributeName.lowercased().hasPrefix("on") {
                problems.append("has an event attribute \(attributeName)")
            } else if attributeName == "href" || attributeName == "src" {
                let trimmed = value.drop { $0.isWhitespace }
                if !trimmed.hasPrefix("#") {
                    problems.append("refers to '\(value.prefix(120))' outside the image; only references within it (#id) are allowed")
                }
            } else if attributeName == "style" || value.lowercased().contains("url(") || value.contains("\\") {
                // A presentation attribute (`fill="url(…)"`) or an animation's value is CSS too.
                problems += styleProblems(value)
            }
        }
        return problems
    }

    /// What a style sheet or `style` attribute would fetch, escapes resolved
    /// (`StyleSheetAddresses`): `@import`, a `url(…)` that is not a fragment, and any other
    /// fetching function (`image-set(…)`).
    private static func styleProblems(_ css: String) -> [String] {
        let references = StyleSheetAddresses.references(in: css)
        var problems: [String] = []
        if references.imports { problems.append("imports a style sheet (@import)") }
        for url in references.urls where !url.trimmingPrefix(while: \.isWhitespace).hasPrefix("#") {
            problems.append("refers to '\(url.prefix(120))' outside the image in its style")
        }
        problems += references.otherFetches.map { "fetches with \($0)(…) in its style" }
        return problems
    }

    /// The text and CDATA children of a `<style>` element, joined.
    private static func styleText(of node: xmlNodePtr) -> String {
        var text = ""
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE { text += content(of: current) }
            child = current.pointee.next
        }
        return text
    }

    private static func attribute(named name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { imprint_xml_free(value) }
        return LibXML.string(value)
    }

    private static func content(of node: xmlNodePtr) -> String {
        guard let text = xmlNodeGetContent(node) else { return "" }
        defer { imprint_xml_free(text) }
        return LibXML.string(text) ?? ""
    }

    private static func line(of node: xmlNodePtr) -> Int { Int(xmlGetLineNo(node)) }
}
