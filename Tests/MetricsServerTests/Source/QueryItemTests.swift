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
        #expect(ScrapeRequest(path: "/metrics", queryItems: items).values(of: "collect[]") == ["cpu", "meminfo"])
    }

    @Test func emptyPairsAreSkippedAndBareNamesHaveEmptyValues() throws {
        #expect(try QueryItem.items(of: "") == [])
        #expect(try QueryItem.items(of: "&&debug&a=&=b") == [
            QueryItem(name: "debug", value: ""),
            QueryItem(name: "a", value: ""),
            QueryItem(name: "", value: "b"),
        ])
    }

    @Test func valuesMayHoldEqualsSignsAndUTF8() throws {
        #expect(try QueryItem.items(of: "match=a%3Db=c&name=%C3%A9t%C3%A9") == [
            QueryItem(name: "match", value: "a=b=c"),
            QueryItem(name: "name", value: "été"),
        ])
    }

    @Test(arguments: ["a=%", "a=%4", "a=%zz", "%g0=1", "a=%C3%28", "a=%FF"])
    func invalidEscapesAndInvalidUTF8AreTypedErrors(query: String) {
        #expect(throws: MetricsServerError.invalidQuery(query)) { try QueryItem.items(of: Substring(query)) }
    }
}
