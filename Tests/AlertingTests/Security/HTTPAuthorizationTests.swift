import Alerting
import Testing

@Suite struct HTTPAuthorizationTests {
    @Test func authorizationPrintsWithoutItsCredential() {
        let basic = HTTPAuthorization.basic(username: "alice", password: Secret("hunter2"))
        let bearer = HTTPAuthorization.bearer(Secret("tok3n"))
        var dumped = ""
        dump([basic, bearer], to: &dumped)
        for text in ["\(basic)", "\(bearer)", String(reflecting: basic), String(reflecting: bearer), dumped] {
            #expect(!text.contains("hunter2") && !text.contains("tok3n"), "\(text)")
        }
        #expect("\(basic)".contains("alice"))
    }
}
