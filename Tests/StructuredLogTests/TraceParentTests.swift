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
