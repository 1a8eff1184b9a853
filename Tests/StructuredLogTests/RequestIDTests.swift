import StructuredLog
import Testing

@Test func aValidTraceparentIsParsed() throws {
    let header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    let parent = try TraceParent(header)
    #expect(parent.version == "00")
    #expect(parent.traceID == "4bf92f3577b34da6a3ce929d0e0e4736")
    #expect(parent.parentID == "00f067aa0ba902b7")
    #expect(parent.flags == "01")
    #expect(try TraceParent(" \(header)\t").traceID == parent.traceID)
    #expect(try TraceParent("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future").version == "cc")
}

@Test(arguments: [
    "",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
    "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
    "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",
    "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
    "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902bz-01",
    "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
])
func anInvalidTraceparentIsRejected(header: String) {
    #expect(throws: StructuredLogError.self) { try TraceParent(header) }
}

@Test func aRequestIDHeaderIsValidatedBeforeItIsAdopted() throws {
    #expect(try RequestContext.validatedRequestID("  f47ac10b-58cc-4372-a567-0e02b2c3d479 ") == "f47ac10b-58cc-4372-a567-0e02b2c3d479")
    #expect(try RequestContext.validatedRequestID(String(repeating: "a", count: 128)).count == 128)
    for hostile in ["", "   ", String(repeating: "a", count: 129), "id\"quoted", "line\nbreak", "with space", "é", "<script>"] {
        #expect(throws: StructuredLogError.invalidRequestID(hostile)) { try RequestContext.validatedRequestID(hostile) }
    }
}

@Test func anIncomingRequestAdoptsItsIDsInOrderOfTrust() {
    let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
    let both = RequestContext(requestIDHeader: "req-7", traceparentHeader: traceparent)
    #expect(both.requestID == "req-7" && both.traceID == "4bf92f3577b34da6a3ce929d0e0e4736")
    let forged = RequestContext(requestIDHeader: "x\n{\"level\":\"critical\"}", traceparentHeader: traceparent)
    #expect(forged.requestID == "4bf92f3577b34da6a3ce929d0e0e4736")
    let invalidTrace = RequestContext(requestIDHeader: nil, traceparentHeader: "00-zz")
    #expect(invalidTrace.traceID == nil && isNewRequestID(invalidTrace.requestID))
    #expect(isNewRequestID(RequestContext(requestIDHeader: nil, traceparentHeader: nil).requestID))
}

@Test func newRequestIDsAreRandom128BitHex() {
    let ids = (0..<1000).map { _ in RequestContext.newRequestID() }
    #expect(ids.allSatisfy(isNewRequestID))
    #expect(Set(ids).count == ids.count)
}

private func isNewRequestID(_ id: String) -> Bool {
    id.utf8.count == 32 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
}
