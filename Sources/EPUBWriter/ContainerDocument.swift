import XMLSupport

/// `META-INF/container.xml`: where the package document is.
enum ContainerDocument {
    static func make() -> XMLDocument {
        let document = XMLDocument(rootName: "container", namespace: "urn:oasis:names:tc:opendocument:xmlns:container")
        document.root.setAttribute("version", "1.0")
        document.root.element("rootfiles").element(
            "rootfile", ["full-path": EPUBBook.root + "package.opf", "media-type": "application/oebps-package+xml"])
        return document
    }
}
