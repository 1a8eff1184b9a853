/// LeakSanitizer's built-in suppressions, read under `swift test --sanitize=address`: the few
/// bytes that XCTest's harness and Foundation's `Process.run` (its weak-reference side table)
/// leave unreachable at exit are toolchain code, not this package's, and would otherwise fail
/// every sanitized run; any other leak is still reported.
@_cdecl("__lsan_default_suppressions")
func leakSanitizerSuppressions() -> UnsafePointer<CChar> {
    let suppressions: StaticString = "leak:libXCTest.so\nleak:s10Foundation7ProcessC3runyyKF\n"
    return UnsafeRawPointer(suppressions.utf8Start).assumingMemoryBound(to: CChar.self)
}
