import Alerting
import Testing

@Suite struct SecretTests {
    @Test func neverPrintsItsValue() {
        let secret = Secret("hunter2")
        var dumped = ""
        dump(secret, to: &dumped)
        for text in ["\(secret)", String(describing: secret), String(reflecting: secret), dumped] {
            #expect(!text.contains("hunter2"), "\(text)")
        }
    }
}
