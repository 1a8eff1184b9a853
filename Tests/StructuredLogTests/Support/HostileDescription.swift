/// A value whose description is itself hostile.
struct HostileDescription: CustomStringConvertible, Sendable {
    var description: String { "\"}\n{\"forged\":1,\u{2028}" }
}
