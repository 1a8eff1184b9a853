import Foundation
import ObservabilityTestSupport
import Testing

@testable import StructuredLog

/// `bytes` encoded as a quoted JSON string with at most `limit` bytes of content, and whether
/// the content was cut.
private func encoded(_ bytes: [UInt8], limit: Int = .max) throws -> (json: String, isCut: Bool) {
    var storage = [UInt8](repeating: 0, count: bytes.count * 6 + 2)
    let (length, isCut) = try storage.withUnsafeMutableBufferPointer { output in
        var buffer = LineBuffer(base: try #require(output.baseAddress), capacity: output.count)
        buffer.append(UInt8(ascii: "\""))
        let isCut = bytes.withUnsafeBufferPointer { buffer.appendJSONStringContent($0, limit: limit) }
        buffer.append(UInt8(ascii: "\""))
        #expect(buffer.isComplete)
        return (buffer.count, isCut)
    }
    return (String(decoding: storage[..<length], as: UTF8.self), isCut)
}

/// What JSONSerialization reads from a quoted JSON string.
private func decoded(_ json: String) throws -> String {
    try #require(JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String)
}

@Test func illFormedUTF8BecomesOneReplacementCharacterPerMaximalSubpart() throws {
    let cases: [[UInt8]] = [
        [0xFF], [0xC0, 0xAF], [0x41, 0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xE0, 0x80, 0x80], [0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xE2, 0x82, 0x41], [0xF0, 0x9F, 0x98, 0x80, 0xFF],
    ]
    for bytes in cases {
        // Swift's own decoder follows the same Unicode practice, so it is the oracle.
        #expect(try decoded(try encoded(bytes).json) == String(decoding: bytes, as: UTF8.self), "\(bytes)")
    }
}

@Test func randomBytesAlwaysEncodeToTheStringSwiftDecodes() throws {
    var generator = SplitMix64(seed: 0x5EED)
    for _ in 0..<3000 {
        let length = Int(generator.next() % 40)
        let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let json = try encoded(bytes).json
        #expect(try decoded(json) == String(decoding: bytes, as: UTF8.self), "\(bytes)")
        #expect(!json.utf8.contains { $0 < 0x20 }, "a raw control character in \(json)")
    }
}

@Test func controlCharactersAndSeparatorsAreEscaped() throws {
    let controls = try encoded(Array(0..<32)).json
    #expect(
        controls
            == #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f""#
    )
    #expect(try encoded(Array("\"\\/\u{2028}\u{2029}\u{FEFF}".utf8)).json == #""\"\\/\u2028\u2029\ufeff""#)
    #expect(try encoded(Array("é中😀\u{7F}".utf8)).json == "\"é中😀\u{7F}\"")
}

@Test func aCutLandsBetweenCharactersAndOutsideEscapes() throws {
    let text = Array("a\"é\n😀\u{1}\u{2028}中\\".utf8) + [0xFF] + Array("z end".utf8)
    let whole = try encoded(text)
    let full = try decoded(whole.json)
    let fullLength = whole.json.utf8.count - 2
    #expect(!whole.isCut)
    for limit in 0...fullLength + 1 {
        let (json, isCut) = try encoded(text, limit: limit)
        #expect(json.utf8.count - 2 <= limit)
        #expect(isCut == (limit < fullLength))
        let prefix = try decoded(json)
        #expect(full.unicodeScalars.starts(with: prefix.unicodeScalars), "limit \(limit): \(json)")
    }
}
