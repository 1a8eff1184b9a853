@testable import Alerting
import Testing

@Suite struct WebhookSignatureTests {
    @Test func signsWebhookBodiesAsSha256Hex() {
        let signature = WebhookSignature(key: Secret("Jefe"))
        #expect(signature.value(for: Array("what do ya want for nothing?".utf8)) == "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
