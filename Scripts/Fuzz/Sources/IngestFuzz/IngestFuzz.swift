import StarIngest
import StarModel
import StarValidate

/// libFuzzer entry: the first byte picks the reader (XML, CSV sheet, register, .xlsx sheet), the rest is the
/// file. Any crash, hang or sanitizer report is a bug: bad input must only ever give diagnostics.
nonisolated(unsafe) let folder = try! InputFolder()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let name = ["fuzz.xml", "fuzz.csv", "branches.csv", "fuzz.xlsx"][Int(data[0]) % 4]
    let file = folder.read(bytes: bytes, name: name, path: name) { $0 }
    _ = Validator(year: 2026).validate(file.submissions, register: nil)
    return 0
}

// SwiftPM links an executable with `main` renamed to `<module>_main`; hand control to libFuzzer's
// driver from there (libFuzzer's own `main` is not used).
typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzCallback
) -> CInt

@_cdecl("IngestFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) }
}
