/// An error whose description is hostile: a quote, NUL, U+2029 and a trailing backslash.
struct HostileError: Error, CustomStringConvertible {
    var description: String { "failed: \"\u{0}\u{2029}\\" }
}
