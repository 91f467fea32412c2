import Foundation
import ReportTestSupport
import Testing

/// `Scripts/bootstrap` on a machine that has nothing: stand-ins for `dpkg-query`, `apt-get`
/// and `python3` record what they are asked and answer "not installed", so the script's
/// path from nothing runs here, where everything is installed already.
@Suite(.serialized, .needsOutsideTools) struct BootstrapTests {
    static let repository = Repository.root.path

    /// A folder of stand-ins and of the few real tools the script needs, as the whole `PATH`.
    private struct FreshMachine {
        let folder = NSTemporaryDirectory() + "imprint-fresh-" + UUID().uuidString
        var log: String { folder + "/calls.log" }

        init(aptFails: Bool = false) throws {
            let bin = folder + "/bin"
            try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
            for tool in ["bash", "sed", "grep", "id", "env", "cat"] {
                let real = ["/usr/bin/" + tool, "/bin/" + tool].first(where: FileManager.default.isExecutableFile(atPath:))!
                try FileManager.default.createSymbolicLink(atPath: bin + "/" + tool, withDestinationPath: real)
            }
            let log = self.log
            try stub("dpkg-query", "echo \"dpkg-query $*\" >> \(log); exit 1")
            try stub("apt-get", "echo \"apt-get $*\" >> \(log); [ \"$1\" != install ] || exit \(aptFails ? 100 : 0)")
            try stub("swift", "exit 0")
            // `pip show` of a package that is not installed exits 1, as the real one does.
            try stub("python3", """
                echo "python3 $*" >> \(log)
                case "$*" in
                  "-m pip show "*) echo "WARNING: Package(s) not found: ${4:-}" >&2; exit 1 ;;
                  *) exit 0 ;;
                esac
                """)
        }

        private func stub(_ name: String, _ body: String) throws {
            let path = folder + "/bin/" + name
            try Data("#!/bin/bash\n\(body)\n".utf8).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o755)
        }

        func bootstrap(_ arguments: String...) throws -> (status: Int32, output: String, calls: String) {
            let (status, output) = try runProgram(
                "/bin/bash", [BootstrapTests.repository + "/Scripts/bootstrap"] + arguments,
                environment: ["PATH": folder + "/bin", "HOME": folder])
            let calls = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            return (status, output, calls)
        }
    }

    /// The Debian packages and PyPI tools the script lists.
    private static func wanted() throws -> (debian: [String], pypi: [String]) {
        let script = try String(contentsOfFile: repository + "/Scripts/bootstrap", encoding: .utf8)
        let list = try #require(script.firstRange(of: "packages=(\n").map { script[$0.upperBound...] })
        let debian = list[..<list.firstRange(of: "\n)")!.lowerBound].split(separator: "\n")
            .compactMap { $0.split(separator: " ", omittingEmptySubsequences: true).first.map(String.init) }
        let tools = try #require(script.firstMatch(of: /python_tools=\(([^)]*)\)/)).1
        let pypi = tools.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        return (debian, pypi)
    }

    @Test func fromNothingItAsksForEveryPackageAndTool() throws {
        let machine = try FreshMachine()
        let (status, output, calls) = try machine.bootstrap()
        #expect(status == 0, "\(output)")
        let (debian, pypi) = try Self.wanted()
        #expect(debian.count >= 15)
        let install = try #require(calls.split(separator: "\n").first { $0.hasPrefix("apt-get install") }, "\(calls)")
        // python3 and its pip are found as commands (the stand-in), which the script accepts
        // in place of Debian's packages; java is not on this PATH, so its runtime is asked for.
        for package in debian + ["default-jre-headless"] where !["python3", "python3-pip"].contains(package) {
            #expect(install.split(separator: " ").contains(Substring(package)), "apt-get was not asked for \(package)")
        }
        let pip = calls.split(separator: "\n").filter { $0.contains("-m pip install") }
        for tool in pypi {
            #expect(pip.contains { $0.split(separator: " ").contains(Substring(tool)) }, "pip was not asked for \(tool): \(calls)")
        }
        #expect(output.contains("bootstrap: installing weasyprint=="))
    }

    @Test func aFailedInstallSaysWhatFailed() throws {
        let machine = try FreshMachine(aptFails: true)
        let (status, output, _) = try machine.bootstrap()
        #expect(status != 0)
        #expect(output.contains("bootstrap: apt-get could not install"), "\(output)")
    }

    /// The real script, on this machine (where `Scripts/test` has just run it): nothing is
    /// missing, so it installs nothing.
    @Test func theRealOneIsIdempotent() throws {
        let (status, output) = try runProgram(Self.repository + "/Scripts/bootstrap")
        #expect(status == 0, "\(output)")
        #expect(!output.contains("installing"), "\(output)")
    }
}
