import Testing

@testable import MetricsServer

@Suite struct QueryItemTests {
    @Test func repeatedCollectParametersAreKeptInOrder() throws {
        let items = try QueryItem.items(of: "collect[]=cpu&collect%5B%5D=meminfo&x=a+b%20c")
        #expect(items == [
            QueryItem(name: "collect[]", value: "cpu"),
            QueryItem(name: "collect[]", value: "meminfo"),
            QueryItem(name: "x", value: "a b c"),
        ])
    }
}
