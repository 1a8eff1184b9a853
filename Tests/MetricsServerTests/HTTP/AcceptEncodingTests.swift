import NIOHTTP1
import Testing

@testable import MetricsServer

@Suite struct AcceptEncodingTests {
    @Test(arguments: [
        (["gzip"], true),
        (["gzip, deflate, br"], true),
        (["br;q=1.0, gzip;q=0.8, *;q=0.1"], true),
        (["x-gzip"], true),
        (["GZIP"], true),
        (["*"], true),
        (["deflate", "gzip"], true),
        (["gzip;q=0"], false),
        (["*;q=0.5, gzip;q=0"], false),
        (["gzip;q=0.000"], false),
        (["*;q=0"], false),
        (["identity"], false),
        (["br"], false),
        ([], false),
    ])
    func gzipIsAllowedByAnExplicitOrWildcardCodingWithPositiveQuality(values: [String], allowed: Bool) {
        var headers = HTTPHeaders()
        for value in values {
            headers.add(name: "Accept-Encoding", value: value)
        }
        #expect(AcceptEncoding.allowsGzip(headers) == allowed)
    }
}
