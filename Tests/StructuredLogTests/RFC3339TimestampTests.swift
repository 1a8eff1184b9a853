import Foundation
import ObservabilityTestSupport
import Testing

@testable import StructuredLog

/// The timestamp as glibc's `gmtime_r` and `strftime` write it, the reference.
private func reference(seconds: Int, microseconds: Int) -> String {
    var time = time_t(seconds)
    var parts = tm()
    gmtime_r(&time, &parts)
    var text = [CChar](repeating: 0, count: 64)
    let length = strftime(&text, text.count, "%Y-%m-%dT%H:%M:%S", &parts)
    let micro = String(microseconds)
    return String(decoding: text[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) + "."
        + String(repeating: "0", count: 6 - micro.count) + micro + "Z"
}

private func written(_ timestamp: RFC3339Timestamp) throws -> String {
    var storage = [UInt8](repeating: 0, count: RFC3339Timestamp.length)
    try storage.withUnsafeMutableBufferPointer { output in
        var buffer = LineBuffer(base: try #require(output.baseAddress), capacity: output.count)
        timestamp.write(into: &buffer)
        #expect(buffer.count == RFC3339Timestamp.length)
    }
    return String(decoding: storage, as: UTF8.self)
}

@Test func timestampsMatchGmtimeAcrossCalendarEdges() throws {
    let edges = [
        0, 59, 86_399, 86_400, 951_782_400, 951_868_799, 951_868_800, 978_307_199, 1_709_164_800,
        4_107_542_400, 4_102_444_799, 253_402_300_799,
    ]
    var generator = SplitMix64(seed: 1970)
    let random = (0..<20_000).map { _ in Int(generator.next() % 253_402_300_800) }
    for seconds in edges + random {
        let microseconds = seconds % 1_000_000
        #expect(try written(RFC3339Timestamp(seconds: seconds, microseconds: microseconds)) == reference(seconds: seconds, microseconds: microseconds))
    }
}

@Test func theCurrentTimeIsNow() throws {
    let text = try written(.now())
    let date = try #require(ISO8601DateFormatter.withFractionalSeconds.date(from: text))
    #expect(abs(date.timeIntervalSinceNow) < 60)
}
