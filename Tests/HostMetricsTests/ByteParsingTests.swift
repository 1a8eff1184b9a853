@testable import HostMetrics
import ObservabilityTestSupport
import Testing

/// The number readers every parser shares, fed seeded random tokens and checked against the
/// standard library's own parsers: never a trap, the same value where the token is a number in
/// their format, and nil where it is not.
@Suite struct ByteParsingTests {
    /// A token of 0 to 30 bytes drawn from `alphabet`, with a random byte now and then.
    private static func token(_ random: inout SplitMix64, _ alphabet: [UInt8]) -> [UInt8] {
        (0..<Int(random.next(in: 0...30))).map { _ in
            random.next(in: 0...19) == 0 ? UInt8(truncatingIfNeeded: random.next()) : alphabet[Int(random.next(in: 0...UInt64(alphabet.count - 1)))]
        }
    }

    private static func isDigits(_ bytes: [UInt8], hex: Bool = false) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { (0x30...0x39).contains($0) || (hex && (0x61...0x66).contains($0 | 0x20) && $0 & 0x80 == 0) }
    }

    @Test func integersAgreeWithTheStandardLibrary() {
        var random = SplitMix64(seed: 4)
        let alphabet = Array("0123456789abcdefABCDEF-+x ".utf8) + Array(repeating: UInt8(ascii: "9"), count: 10)
        for _ in 0..<50_000 {
            let bytes = Self.token(&random, alphabet)
            let text = String(decoding: bytes, as: UTF8.self)
            let slice = bytes[...]
            #expect(slice.uint64 == (Self.isDigits(bytes) ? UInt64(text) : nil), "\(bytes)")
            #expect(slice.hexUInt64 == (Self.isDigits(bytes, hex: true) ? UInt64(text, radix: 16) : nil), "\(bytes)")
            let signed = bytes.first == UInt8(ascii: "-") ? Array(bytes.dropFirst()) : bytes
            #expect(slice.int64 == (Self.isDigits(signed) ? Int64(text) : nil), "\(bytes)")
            // Go's ParseInt(s, 0, 64): only no trap and the right sign are checked here;
            // NetClassInterfaceTests has its exact cases.
            if let value = slice.int64WithBasePrefix, value != 0 {
                #expect((value < 0) == (bytes.first == UInt8(ascii: "-")), "\(bytes)")
            }
        }
    }

    /// Decimal numbers as procfs writes them take the fast path, which must round exactly as
    /// the standard library's (correctly rounded) parser does; everything else goes to it.
    @Test func decimalsAgreeWithTheStandardLibraryToTheLastBit() {
        var random = SplitMix64(seed: 5)
        let alphabet = Array("0123456789.-".utf8) + Array("0123456789".utf8)
        for _ in 0..<50_000 {
            let bytes = Self.token(&random, alphabet)
            let expected = Double(String(decoding: bytes, as: UTF8.self))
            let parsed = bytes[...].double
            if let expected, !expected.isNaN {
                #expect(parsed?.bitPattern == expected.bitPattern, "\(String(decoding: bytes, as: UTF8.self))")
            } else if expected == nil {
                #expect(parsed == nil, "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }
}
