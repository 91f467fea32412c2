import CLibXML2

/// libxml2 wants `xmlInitParser()` once per process before any thread uses it.
private let libxmlInitialized: Void = xmlInitParser()

enum LibXML {
    /// Call before any libxml2 work; cheap after the first call.
    static func ensureInitialized() {
        _ = libxmlInitialized
    }

    /// Copies a libxml2 string into Swift.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    /// Passes a Swift string to libxml2 as a NUL-terminated UTF-8 `xmlChar *`.
    static func withXMLString<T>(_ string: String, _ body: (UnsafePointer<xmlChar>) throws -> T) rethrows -> T {
        try string.withCString { try $0.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1, body) }
    }
}
