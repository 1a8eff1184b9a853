import Testing
@testable import PrometheusMetrics

@Suite struct GoFloatTests {
    /// Expected spellings are Go's `strconv.FormatFloat(v, 'g', -1, 64)`.
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (0.1, "0.1"), (2.5, "2.5"), (100, "100"),
        (999_999, "999999"), (999_999.5, "999999.5"), (100_000, "100000"), (123_456, "123456"),
        (1e6, "1e+06"), (1_234_567, "1.234567e+06"), (123_456_789_012, "1.23456789012e+11"),
        (9_007_199_254_740_992, "9.007199254740992e+15"), (1e21, "1e+21"), (1e100, "1e+100"),
        (0.0001, "0.0001"), (0.00012, "0.00012"), (1e-5, "1e-05"), (1.5e-7, "1.5e-07"),
        (0.005, "0.005"), (0.025, "0.025"), (0.30000000000000004, "0.30000000000000004"),
        (-1234.5678, "-1234.5678"), (1.7976931348623157e308, "1.7976931348623157e+308"),
        (Double.leastNonzeroMagnitude, "5e-324"), (Double.nan, "NaN"), (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"),
        (1.6691003392e10, "1.6691003392e+10"), (-2e-10, "-2e-10"), (12.0, "12"),
    ] as [(Double, String)])
    func textSpelling(value: Double, expected: String) {
        var bytes: [UInt8] = []
        GoFloat.append(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test(arguments: [
        (1.0, "1.0"), (0.0, "0.0"), (-0.0, "0.0"), (0.005, "0.005"), (100, "100.0"), (1e6, "1e+06"),
        (2.5, "2.5"), (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (Double.nan, "NaN"), (1e-5, "1e-05"),
    ] as [(Double, String)])
    func openMetricsSpelling(value: Double, expected: String) {
        var bytes: [UInt8] = []
        GoFloat.appendOpenMetrics(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func shortestDigitsRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            var bytes: [UInt8] = []
            GoFloat.append(value, to: &bytes)
            #expect(Double(String(decoding: bytes, as: UTF8.self)) == value)
        }
    }
}
