import Foundation
import Logging
import StructuredLog
import Testing

/// Text that breaks naive JSON encoders: quotes, backslashes, every control character, the
/// JavaScript line separators, ill-formed UTF-8 (repaired by Swift to U+FFFD), markup, line
/// injection, and characters outside the Basic Multilingual Plane.
let adversarialStrings: [String] = [
    "",
    "plain",
    "quote \" backslash \\ slash / done",
    String(String.UnicodeScalarView((0..<32).compactMap(Unicode.Scalar.init))) + "\u{7F}",
    "\u{2028}line separator\u{2029}paragraph separator",
    "emoji 👩‍👩‍👧‍👦 é 中文 𝄞 \u{1F600}",
    "\u{FEFF}byte order mark, \u{FFFD} replacement, \u{FFFF} non-character",
    String(decoding: [0xFF, 0xFE, 0x41, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0xE2, 0x82], as: UTF8.self),
    "</script><script>alert(1)</script>",
    "\u{0}NUL first",
    "{\"level\":\"critical\",\"message\":\"forged\"}\n{\"injected\":true}",
    "\\u0000 and \\n as literal text",
    String(repeating: "long line with \"quotes\" and\ttabs ", count: 80),
    String(repeating: "💩", count: 300),
    "trailing backslash \\",
    "\r\n\r\n",
]

@Test func everyAdversarialLineParsesBackTheSameWithFoundationAndPython() throws {
    let collector = LineCollector()
    let logger = collector.logger()
    for text in adversarialStrings {
        var metadata: Logger.Metadata = [
            "value": .string(text),
            "nested": ["list": [.string(text), [.string(text)]], "object": [:], "empty_list": []],
        ]
        metadata[text] = "as key"
        logger.info("\(text)", metadata: metadata)
    }
    logger.warning(
        "typed values",
        metadata: [
            "nan": .stringConvertible(Double.nan),
            "infinity": .stringConvertible(Double.infinity),
            "negative_infinity": .stringConvertible(-Double.infinity),
            "float_nan": .stringConvertible(Float.nan),
            "negative_zero": .stringConvertible(-0.0),
            "tiny": .stringConvertible(1e-7),
            "huge": .stringConvertible(Double.greatestFiniteMagnitude),
            "int_min": .stringConvertible(Int.min),
            "int_max": .stringConvertible(Int.max),
            "uint64_max": .stringConvertible(UInt64.max),
            "int8": .stringConvertible(Int8(-5)),
            "true": .stringConvertible(true),
            "false": .stringConvertible(false),
            "hostile": .stringConvertible(HostileDescription()),
        ]
    )

    let output = collector.rawWrites
    #expect(output.count == adversarialStrings.count + 1, "one write per line")
    for write in output {
        #expect(write.last == UInt8(ascii: "\n"))
        #expect(write.dropLast().contains(UInt8(ascii: "\n")) == false, "a raw newline inside a line")
        #expect(write.count <= 16_384)
    }
    let objects = try collector.objects()
    for (text, object) in zip(adversarialStrings, objects) {
        #expect(object["message"] as? String == text)
        #expect(object["value"] as? String == text)
        #expect(object[text] as? String == "as key")
        let nested = object["nested"] as? [String: Any]
        let list = nested?["list"] as? [Any]
        #expect(list?.first as? String == text)
        #expect((list?.last as? [Any])?.first as? String == text)
        #expect((nested?["object"] as? [String: Any])?.isEmpty == true)
        #expect((nested?["empty_list"] as? [Any])?.isEmpty == true)
        #expect(object["level"] as? String == "info")
        #expect(object["logger"] as? String == "test")
    }

    let typed = try #require(objects.last)
    #expect(typed["nan"] as? String == "nan")
    #expect(typed["infinity"] as? String == "inf")
    #expect(typed["negative_infinity"] as? String == "-inf")
    #expect(typed["float_nan"] as? String == "nan")
    #expect((typed["negative_zero"] as? NSNumber)?.doubleValue == 0)
    #expect((typed["tiny"] as? NSNumber)?.doubleValue == 1e-7)
    #expect((typed["huge"] as? NSNumber)?.doubleValue == Double.greatestFiniteMagnitude)
    #expect((typed["int_min"] as? NSNumber)?.int64Value == Int64.min)
    #expect((typed["int_max"] as? NSNumber)?.int64Value == Int64.max)
    #expect((typed["uint64_max"] as? NSNumber)?.uint64Value == UInt64.max)
    #expect((typed["int8"] as? NSNumber)?.intValue == -5)
    #expect(typed["hostile"] as? String == HostileDescription().description)

    let canonical = try pythonCanonicalLines(of: output.flatMap { $0 })
    #expect(canonical.count == objects.count)
    for (python, foundation) in zip(canonical, objects) {
        #expect(sameJSON(try parseJSONObject(python), foundation), "Python and Foundation disagree: \(python.prefix(300))")
    }
    let pythonTyped = try #require(canonical.last)
    for member in ["\"true\": true", "\"false\": false", "\"int_min\": -9223372036854775808", "\"uint64_max\": 18446744073709551615"] {
        #expect(pythonTyped.contains(member), "\(member) in \(pythonTyped)")
    }
}

@Test func everyPresetWritesLinesBothParsersRead() throws {
    let collector = LineCollector()
    for format in [JSONLogFormat.plain, .ecs, .openTelemetry] {
        let logger = collector.logger(configuration: JSONLogConfiguration(format: format, includesSourceLocation: true))
        withRequestContext(RequestIdentity(requestID: "r-1", userID: "u\"1", traceID: String(repeating: "a", count: 32), spanID: "b")) {
            for text in adversarialStrings {
                logger.error("\(text)", error: HostileError(), metadata: ["value": .string(text)])
            }
        }
    }
    let output = collector.rawWrites.flatMap { $0 }
    let canonical = try pythonCanonicalLines(of: output)
    let objects = try collector.objects()
    #expect(canonical.count == 3 * adversarialStrings.count)
    for (python, foundation) in zip(canonical, objects) {
        #expect(sameJSON(try parseJSONObject(python), foundation), "Python and Foundation disagree: \(python.prefix(300))")
    }
}
