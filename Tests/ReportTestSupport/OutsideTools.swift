import Foundation
import Testing

extension Trait where Self == ConditionTrait {
    /// Marks a suite or test that runs a tool outside Swift (WeasyPrint, LibreOffice, a
    /// Java validator, Python, poppler, unzip, the installed command) or a long hostile
    /// input: `Scripts/test --fast` (which sets `IMPRINT_FAST_TESTS`) leaves these out and
    /// runs the rest in under a minute; `Scripts/test` runs everything.
    public static var needsOutsideTools: Self {
        .disabled(if: ProcessInfo.processInfo.environment["IMPRINT_FAST_TESTS"] != nil, "needs a tool outside Swift: Scripts/test --fast leaves it out")
    }
}
