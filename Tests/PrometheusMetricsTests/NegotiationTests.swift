import Testing
import PrometheusMetrics

@Suite struct NegotiationTests {
    static let prometheus3Accept = "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,text/plain;version=0.0.4;q=0.2,*/*;q=0.1"

    @Test(arguments: [
        (prometheus3Accept, ExpositionFormat.openMetrics),
        ("application/openmetrics-text; version=1.0.0; charset=utf-8", .openMetrics),
        ("application/openmetrics-text", .openMetrics),
        ("text/plain;version=0.0.4;q=0.9,application/openmetrics-text;version=1.0.0;q=0.5", .prometheusText),
        ("application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.5", .openMetrics),
        ("application/openmetrics-text;version=2.0.0", .prometheusText),
        ("application/openmetrics-text;version=1.0.0;q=0", .prometheusText),
        ("text/plain;version=1.0.0", .prometheusText),
        ("*/*", .prometheusText),
        ("application/json", .prometheusText),
        ("", .prometheusText),
        ("garbage;;;=,,q=", .prometheusText),
        ("APPLICATION/OpenMetrics-Text ; Version=\"1.0.0\"", .openMetrics),
    ] as [(String, ExpositionFormat)])
    func negotiates(accept: String, expected: ExpositionFormat) {
        #expect(ExpositionFormat.negotiate(accept: accept) == expected)
    }

    @Test func absentHeaderMeansText() {
        #expect(ExpositionFormat.negotiate(accept: nil) == .prometheusText)
    }

    @Test func contentTypesAreExact() {
        #expect(ExpositionFormat.prometheusText.contentType == "text/plain; version=0.0.4; charset=utf-8")
        #expect(ExpositionFormat.openMetrics.contentType == "application/openmetrics-text; version=1.0.0; charset=utf-8")
    }
}
