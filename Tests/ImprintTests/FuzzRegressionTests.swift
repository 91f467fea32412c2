import Foundation
import FuzzChecks
import ReportTestSupport
import Testing

/// Every input the fuzzer found (Fuzz/Findings) and its seed corpus (Fuzz/Corpus) goes
/// through the fuzz target's checks again: a finding, once fixed, stays fixed.
@Suite struct FuzzRegressionTests {
    static let folder = Repository.root.appendingPathComponent("Fuzz")

    static var inputs: [String] {
        ["Findings", "Corpus"].flatMap { name -> [String] in
            let path = folder.appendingPathComponent(name).path
            let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return files.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
        }
    }

    @Test func everyFindingPassesTheChecks() throws {
        let inputs = FuzzRegressionTests.inputs
        #expect(inputs.count >= 4)
        for path in inputs {
            FuzzChecks.run([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        }
    }
}
