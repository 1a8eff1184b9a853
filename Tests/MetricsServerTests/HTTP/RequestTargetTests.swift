import Testing

@testable import MetricsServer

@Suite struct RequestTargetTests {
    @Test(arguments: [
        ("/metrics", "/metrics", ""),
        ("/metrics?collect[]=cpu", "/metrics", "collect[]=cpu"),
        ("/metrics?", "/metrics", ""),
        ("/metrics#top", "/metrics", ""),
        ("/a%20b?q=%20", "/a b", "q=%20"),
        ("/a+b", "/a+b", ""),
        ("http://127.0.0.1:9100/metrics?x=1", "/metrics", "x=1"),
        ("http://127.0.0.1:9100", "/", ""),
        ("http://127.0.0.1:9100?x=1", "/", "x=1"),
        ("/redirect?to=http://elsewhere/", "/redirect", "to=http://elsewhere/"),
    ])
    func pathAndQueryAreSplitAndThePathDecoded(uri: String, path: String, query: String) {
        let target = RequestTarget(uri)
        #expect(target.path == path)
        #expect(target.query == query)
    }

    @Test func anInvalidPathEscapeHasNoPath() {
        #expect(RequestTarget("/metrics%zz").path == nil)
    }
}
