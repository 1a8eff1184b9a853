/// Signs each webhook body with HMAC-SHA256 so the receiver can tell our requests from forged
/// ones: the header carries `sha256=<hex>` of the body, as GitHub's `X-Hub-Signature-256` does.
public struct WebhookSignature: Sendable {
    /// The shared key; never logged.
    public var key: Secret
    /// The header that carries the signature.
    public var header: String

    /// Signs with `key` into `header`.
    public init(key: Secret, header: String = "X-Signature-256") {
        self.key = key
        self.header = header
    }

    /// `sha256=` and the lowercase hex HMAC-SHA256 of `body`.
    func value(for body: some Sequence<UInt8>) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = Array("sha256=".utf8)
        for byte in HMACSHA256.authenticationCode(for: body, key: Array(key.value.utf8)) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
