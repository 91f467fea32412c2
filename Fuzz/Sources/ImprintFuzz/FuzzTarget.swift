import CFuzzerDriver
import FuzzChecks

/// libFuzzer's entry point: arbitrary bytes through the reader and every writer, with the
/// writers' promises checked, so that a broken promise is a crash the fuzzer reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func imprintFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzChecks.run(bytes)
    return 0
}

/// The executable's entry point as SwiftPM links it (`main` is defined as this symbol), so
/// libFuzzer's own `main` is not linked; this hands the command line to libFuzzer's driver.
@_cdecl("ImprintFuzz_main")
public func imprintFuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in imprintFuzzOneInput(data, size) }
}
