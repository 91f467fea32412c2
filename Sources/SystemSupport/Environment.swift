import Foundation

/// The process's environment variables, one at a time.
public enum Environment {
    /// The value of `name`, read with `getenv`: `ProcessInfo.environment` copies the whole
    /// environment into a dictionary at every call.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
