import Foundation

/// The process's environment variables, one at a time.
enum Environment {
    /// The value of `name`, read with `getenv`: `ProcessInfo.environment` copies the whole
    /// environment into a dictionary at every call.
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
