/// A credential (password, token, signing key) that prints as `<redacted>` everywhere —
/// `print`, string interpolation, `dump`, debuggers — so it cannot leak into logs or errors.
public struct Secret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret itself, readable only inside the module that sends it.
    let value: String

    /// Wraps a credential; read it from the environment or a file, not from source code.
    public init(_ value: String) {
        self.value = value
    }

    /// `<redacted>`.
    public var description: String { "<redacted>" }
    /// `<redacted>`.
    public var debugDescription: String { "<redacted>" }
    /// No children, so `dump` and debuggers show nothing of the value.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
