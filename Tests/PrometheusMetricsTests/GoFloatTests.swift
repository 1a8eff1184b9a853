import ObservabilityTestSupport
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
        #expect(Self.spelling(value, .prometheusText) == expected)
    }

    /// Bit patterns and what Go 1.19's `strconv.FormatFloat(v, 'g', -1, 64)` wrote for them:
    /// random doubles, and random digits scaled across the switch to and from an exponent.
    @Test(arguments: [
        (0x1F6D8FECF88EECD5, "2.6914676789327932e-157"),
        (0x18E430BB1511F2D2, "9.063097974869722e-189"),
        (0x4C6F7CBF58DBA57F, "1.5811916188904534e+60"),
        (0x1DAE69E0AE9BB859, "1.0315255940417992e-165"),
        (0x54A0C1656476437A, "4.581047192507155e+99"),
        (0x0D6B7B6D69455AEB, "5.031112688785985e-244"),
        (0x230249CAE3603297, "4.799148893915918e-140"),
        (0x18AA033E99C4A792, "7.297897213275783e-190"),
        (0x2B29E8E05BA9E530, "9.254509389185613e-101"),
        (0x6D467B84DC360331, "2.4801126027957445e+218"),
        (0x762887BF5D21A339, "1.5086499247415426e+261"),
        (0x5644A39996A5CD1B, "3.786852870039078e+107"),
        (0x405186A86D71F363, "70.10403000000001"),
        (0x40256A8826AA8EB5, "10.708070000000001"),
        (0xC0045544BB1AF3A1, "-2.541635"),
        (0xBFF0797460242D06, "-1.029652"),
        (0xBFEADB6A5431B07C, "-0.8392841"),
        (0xC14E8AB100000000, "-4.00317e+06"),
        (0x4015252EF911CF35, "5.286312"),
        (0xC1ED93F4E6000000, "-3.969886e+09"),
        (0xC0897189374BC6A8, "-814.192"),
        (0xC08A9556D5CFAACE, "-850.6674"),
        (0x41ECAB9D68000000, "3.848072e+09"),
        (0xBF482436F4916A7F, "-0.000736739"),
        (0xC0B1AE978D4FDF3B, "-4526.592"),
        (0x41284BB666666667, "796123.2000000001"),
        (0x4071AAED916872B0, "282.683"),
        (0xC27C328842780000, "-1.93771e+12"),
        (0xC15236E0C0000000, "-4.774787e+06"),
        (0x41534BBC80000000, "5.05829e+06"),
        (0x422082B952200000, "3.545633e+10"),
        (0xC0C03704BC6A7EFA, "-8302.037"),
        (0x40E849F51EB851EC, "49743.66"),
        (0x41FE57636A800000, "8.144697e+09"),
        (0xC032E94EE392E1F0, "-18.911360000000002"),
        (0xC0F2946F0A3D70A4, "-76102.94"),
        (0xC0F6BB0CA3D70A3E, "-93104.79000000001"),
        (0x3F9CC43A5713E30B, "0.028092299999999997"),
        (0x4122D08200000000, "616513"),
        (0x40E0CBAEB851EB85, "34397.46"),
        (0xC1CAB5D302000000, "-8.962473e+08"),
        (0x40C165FD4FDF3B64, "8907.979"),
        (0xC28433219FAC0000, "-2.77623e+12"),
        (0xBFD07D5B75719C24, "-0.25765119999999997"),
        (0xC019DB13165D3997, "-6.46394"),
        (0xC2671CFB9EA00000, "-7.94164e+11"),
        (0xC080AE741F212D77, "-533.8067"),
        (0xC153E45D00000000, "-5.21458e+06"),
        (0xC29610DB63360000, "-6.065414e+12"),
        (0xC1F0BBAF89000000, "-4.49177e+09"),
        (0xBFA0E737B21DF4DE, "-0.03301405"),
        (0xBF638EF34D6A161E, "-0.0023875"),
        (0xC25EF5C8DAC00000, "-5.318904e+11"),
        (0xC155204F40000000, "-5.538109e+06"),
        (0xC08C26A1CAC08313, "-900.8290000000001"),
        (0xC2261A87FC000000, "-4.74672e+10"),
        (0x3FB0380A3288E948, "0.0633551"),
        (0x3F646BBE255057C3, "0.0024927820000000002"),
        (0xBF94D299EB4E173A, "-0.02033463"),
        (0xC26D936632C00000, "-1.016216e+12"),
    ] as [(UInt64, String)])
    func spellingMatchesGo(bits: UInt64, expected: String) {
        #expect(Self.spelling(Double(bitPattern: bits), .prometheusText) == expected)
    }

    @Test(arguments: [
        (1.0, "1.0"), (0.0, "0.0"), (-0.0, "0.0"), (0.005, "0.005"), (100, "100.0"), (1e6, "1e+06"),
        (2.5, "2.5"), (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (Double.nan, "NaN"), (1e-5, "1e-05"),
    ] as [(Double, String)])
    func openMetricsSpelling(value: Double, expected: String) {
        #expect(Self.spelling(value, .openMetrics) == expected)
    }

    @Test func shortestDigitsRoundTrip() {
        var generator = SplitMix64(seed: 1)
        for _ in 0..<10_000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            #expect(Double(Self.spelling(value, .prometheusText)) == value)
        }
    }

    static func spelling(_ value: Double, _ format: ExpositionFormat) -> String {
        String(decoding: GoFloat.spelled(value, in: format), as: UTF8.self)
    }
}
