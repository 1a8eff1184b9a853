import HostMetrics
import PrometheusMetrics
import Testing

/// The text exposition format as node_exporter's textfile collector reads it
/// (prometheus/common's expfmt); the same inputs against node_exporter itself are in
/// MetricsExporterTests' NodeExporterPeerTests.
@Suite struct TextFormatTests {
    private func parse(_ text: String) throws(HostMetricsError) -> [TextFormat.Family] {
        try TextFormat.parse(Array(text.utf8), path: "t.prom")
    }

    private func sample(_ metric: TextFormat.Metric) -> Double? {
        guard case .sample(let value) = metric.value else { return nil }
        return value
    }

    private func labels(_ metric: TextFormat.Metric) -> [String] {
        metric.labels.map { $0.0 + "=" + $0.1 }
    }

    /// The example of the exposition format's documentation.
    @Test func theDocumentationsExample() throws {
        let families = try parse("""
            # HELP http_requests_total The total number of HTTP requests.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3 1395066363000

            # Escaping in label values:
            msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9

            # Minimalistic line:
            metric_without_timestamp_and_labels 12.47

            # A weird metric from before the epoch:
            something_weird{problem="division by zero"} +Inf -3982045

            """)
        #expect(families.map(\.name) == [
            "http_requests_total", "msdos_file_access_time_seconds", "metric_without_timestamp_and_labels", "something_weird",
        ])
        let requests = families[0]
        #expect(requests.help == "The total number of HTTP requests." && requests.type == .counter)
        #expect(requests.metrics.map(labels) == [["method=post", "code=200"], ["method=post", "code=400"]])
        #expect(requests.metrics.map(sample) == [1027, 3])
        #expect(requests.metrics.map(\.timestamp) == [1_395_066_363_000, 1_395_066_363_000])
        #expect(families[1].metrics.map(labels) == [["path=C:\\DIR\\FILE.TXT", "error=Cannot find file:\n\"FILE.TXT\""]])
        #expect(families[1].help == nil && families[1].type == .untyped)
        #expect(sample(families[1].metrics[0]) == 1.458255915e9)
        #expect(families[2].metrics[0].labels.isEmpty && families[2].metrics[0].timestamp == nil)
        #expect(sample(families[3].metrics[0]) == .infinity && families[3].metrics[0].timestamp == -3_982_045)
    }

    /// `_bucket`, `_sum` and `_count` lines join their histogram or summary, one series per
    /// label set whatever the label order; without the TYPE they are families of their own.
    @Test func histogramsAndSummariesGatherTheirLines() throws {
        let families = try parse("""
            # HELP h A histogram.
            # TYPE h histogram
            h_bucket{a="x",le="0.1"} 1
            h_bucket{le="1",a="x"} 2
            h_bucket{a="y",le="+Inf"} 5
            h_sum{a="x"} 0.5
            h_count{a="x"} 2
            # TYPE s summary
            s{quantile="0.99"} 9
            s{quantile="0.5"} 3
            s_sum 10
            s_count 4
            s_bucket{le="1"} 1
            untyped_sum 1
            untyped_count 2

            """)
        #expect(families.map(\.name) == ["h", "s", "s_bucket", "untyped_sum", "untyped_count"])
        #expect(families[0].type == .histogram && families[0].metrics.map(labels) == [["a=x"], ["a=y"]])
        guard case .histogram(let buckets, let sum, let count) = families[0].metrics[0].value,
            case .histogram(let otherBuckets, _, let otherCount) = families[0].metrics[1].value,
            case .summary(let quantiles, let summarySum, let summaryCount) = families[1].metrics[0].value
        else {
            Issue.record("not a histogram and a summary: \(families)")
            return
        }
        #expect(buckets.map(\.upperBound) == [0.1, 1] && buckets.map(\.cumulativeCount) == [1, 2] && sum == 0.5 && count == 2)
        #expect(otherBuckets.map(\.upperBound) == [.infinity] && otherCount == 0)
        #expect(quantiles.map(\.quantile) == [0.99, 0.5] && quantiles.map(\.value) == [9, 3] && summarySum == 10 && summaryCount == 4)
        #expect(families[1].metrics[0].labels.isEmpty)
        // `le` is a label like any other outside a histogram.
        #expect(families[2].metrics.map(labels) == [["le=1"]])
    }

    @Test func valuesAsGoParsesThem() throws {
        let lines = ["NaN", "nan", "+Inf", "-Inf", "inf", "-infinity", "1e3", "1E+3", ".5", "5.", "-0", "+7", "1.5e-7", "0.000001"]
        let text = lines.enumerated().map { "v{i=\"\($0.offset)\"} \($0.element)\n" }.joined()
        let values = try parse(text)[0].metrics.map(sample)
        #expect(values[0]?.isNaN == true && values[1]?.isNaN == true)
        #expect(Array(values.dropFirst(2)) == [.infinity, -.infinity, .infinity, -.infinity, 1000, 1000, 0.5, 5, -0.0, 7, 1.5e-7, 0.000001])
    }

    @Test func blanksCommentsAndEmptyFamilies() throws {
        let families = try parse("\n  \t\n#\n# TYPE\n# HELP only_help Nothing.\n# TYPE only_type gauge\n\t# HELP a  Text \\\\ with  spaces \n  a   { x = \"1\" , }   2\nb{}3\n# TYPE c COUNTER\nc 1\n")
        #expect(families.map(\.name) == ["a", "b", "c"])
        #expect(families[0].help == "Text \\ with  spaces ")
        #expect(families[0].metrics.map(labels) == [["x=1"]] && families[1].metrics.map(sample) == [3])
        #expect(families[2].type == .counter)
        #expect(try parse("").isEmpty)
        #expect(try parse("   ").isEmpty)
    }

    /// Label values must be UTF-8; HELP texts are taken as they come.
    @Test func labelValuesMustBeUTF8() throws {
        #expect(throws: HostMetricsError.invalidTextFormat(path: "t.prom", line: 1, reason: "invalid label value: not UTF-8")) {
            try TextFormat.parse(Array("a{b=\"".utf8) + [0xFF] + Array("\"} 1\n".utf8), path: "t.prom")
        }
        let help = try TextFormat.parse(Array("# HELP a x".utf8) + [0xFF] + Array("\na 1\n".utf8), path: "t.prom")
        #expect(help.first?.help == "x\u{FFFD}")
    }

    /// What expfmt refuses, with the line it names.
    @Test(arguments: [
        ("# HELP a x\n# HELP a y\n", 2, "second HELP"),
        ("# TYPE a gauge\n# TYPE a counter\n", 2, "second TYPE"),
        ("a 1\n# TYPE a gauge\n", 2, "TYPE reported after samples"),
        ("# TYPE h histogram\n# TYPE h_count counter\n", 2, "second TYPE"),
        ("# TYPE a gauge_histogram\n", 1, "unknown metric type"),
        ("# TYPE a gauge \n", 1, "unknown metric type"),
        ("# HELP 9a x\n", 1, "invalid metric name in comment"),
        ("# HELP a bad \\t escape\n", 1, "invalid escape sequence"),
        ("a 1 \n", 1, "expected integer as timestamp"),
        ("a 1 2 3\n", 1, "spurious string after timestamp"),
        ("a 1 1.5\n", 1, "expected integer as timestamp"),
        ("a 1 2 \n", 1, "spurious string after timestamp"),
        ("a\n", 1, "expected float as value"),
        ("a 0x10\n", 1, "expected float as value"),
        ("a 1_000\n", 1, "expected float as value"),
        ("a 1e400\n", 1, "expected float as value"),
        ("a +nan\n", 1, "expected float as value"),
        ("9a 1\n", 1, "invalid metric name"),
        ("ok 1\na{b=\"1\",b=\"2\"} 1\n", 2, "duplicate label names"),
        ("a{__name__=\"b\"} 1\n", 1, "reserved"),
        ("a{b} 1\n", 1, "expected '=' after label name"),
        ("a{b=c} 1\n", 1, "expected '\"' at start of label value"),
        ("a{b=\"c\\t\"} 1\n", 1, "invalid escape sequence"),
        ("a{b=\"c} 1\n", 1, "unescaped new-line"),
        ("a{b=\"c\" d=\"e\"} 1\n", 1, "unexpected end of label value"),
        ("a{,} 1\n", 1, "invalid label name"),
        ("# TYPE h histogram\nh_bucket{le=\"x\"} 1\n", 2, "expected float as value for 'le' label"),
        ("# TYPE s summary\ns{quantile=\"\"} 1\n", 2, "expected float as value for 'quantile' label"),
        ("ok 1\nlast 1", 2, "unexpected end of input stream"),
        ("# comment without newline", 1, "unexpected end of input stream"),
    ])
    func refusesWhatExpfmtRefuses(_ input: String, _ line: Int, _ reason: String) {
        #expect {
            try TextFormat.parse(Array(input.utf8), path: "t.prom")
        } throws: { error in
            guard case .invalidTextFormat("t.prom", line, let message)? = error as? HostMetricsError else { return false }
            return message.contains(reason)
        }
    }
}
