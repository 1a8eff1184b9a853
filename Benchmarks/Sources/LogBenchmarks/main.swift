// Cost of one log line through StructuredLog's JSONLogHandler, swift-log's StreamLogHandler and a
// naive JSONEncoder handler, all writing to a sink that discards the bytes, in one run.
//
//     cd Benchmarks && swift build -c release && .build/release/LogBenchmarks
import BenchmarkSupport
import Foundation
import Logging
import StructuredLog

// MARK: - Sinks and the handlers compared

/// Takes JSONLogHandler's lines and drops them.
struct DiscardingLineWriter: LogLineWriter {
    func write(lines: UnsafeRawBufferPointer) {}
}

/// Takes StreamLogHandler's text and drops it.
struct DiscardingStream: TextOutputStream, Sendable {
    mutating func write(_ string: String) {}
}

/// The handler many services start with: merge the metadata into a dictionary of strings and
/// hand it to `JSONEncoder`.
struct NaiveJSONEncoderHandler: LogHandler {
    let label: String
    let writer: any LogLineWriter
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let explicit = event.metadata { merged.merge(explicit) { $1 } }
        var fields = merged.mapValues(\.description)
        fields["timestamp"] = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
        fields["level"] = event.level.rawValue
        fields["logger"] = label
        fields["message"] = event.message.description
        fields["source"] = event.source
        guard var line = try? JSONEncoder().encode(fields) else { return }
        line.append(UInt8(ascii: "\n"))
        line.withUnsafeBytes { writer.write(lines: $0) }
    }
}

/// Does no work with the event: what remains is the call site's own cost (building the metadata
/// dictionary and the event), which every handler pays before its own.
struct CallSiteOnlyHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        if event.metadata?.isEmpty == true { print("unreachable") }
    }
}

enum Handler: String, CaseIterable {
    case structuredLog = "JSONLogHandler"
    case stream = "StreamLogHandler"
    case naive = "naive JSONEncoder"
    case callSiteOnly = "call site alone"

    func logger(requestContextProvider: Bool = false) -> Logger {
        let provider: Logger.MetadataProvider? = requestContextProvider ? .requestContext() : nil
        var logger = Logger(label: "checkout.api") { label -> any LogHandler in
            switch self {
            case .structuredLog:
                JSONLogHandler(label: label, writer: DiscardingLineWriter(), metadataProvider: nil)
            case .stream:
                StreamLogHandler(label: label, stream: DiscardingStream(), metadataProvider: provider)
            case .naive:
                NaiveJSONEncoderHandler(label: label, writer: DiscardingLineWriter(), metadataProvider: provider)
            case .callSiteOnly:
                CallSiteOnlyHandler()
            }
        }
        logger.logLevel = .info
        return logger
    }

    /// Lines per timed round: enough for about a tenth of a second.
    var iterations: Int {
        switch self {
        case .structuredLog, .callSiteOnly: 400_000
        case .stream: 100_000
        case .naive: 20_000
        }
    }
}

// MARK: - The cases

enum Case: String, CaseIterable {
    case callSiteFields = "5 call-site fields"
    case presetFields = "5 preset fields"
    case requestID = "request ID"
    case filteredDebug = "filtered debug"

    func measure(_ handler: Handler) -> BenchmarkSupport.Measurement {
        switch self {
        case .callSiteFields:
            let logger = handler.logger()
            return BenchmarkSupport.measure(iterations: handler.iterations) { count in
                for _ in 0..<count {
                    logger.info(
                        "request handled",
                        metadata: ["method": "GET", "path": "/api/orders", "status": "200", "bytes": "5120", "user": "u-1234"]
                    )
                }
            }
        case .presetFields:
            var logger = handler.logger()
            for (key, value) in ["method": "GET", "path": "/api/orders", "status": "200", "bytes": "5120", "user": "u-1234"] {
                logger[metadataKey: key] = .string(value)
            }
            return BenchmarkSupport.measure(iterations: handler.iterations) { count in
                for _ in 0..<count { logger.info("request handled") }
            }
        case .requestID:
            let logger = handler.logger(requestContextProvider: true)
            return withRequestContext(RequestIdentity(requestID: "4bf92f3577b34da6a3ce929d0e0e4736")) {
                BenchmarkSupport.measure(iterations: handler.iterations) { count in
                    for _ in 0..<count { logger.info("request handled") }
                }
            }
        case .filteredDebug:
            let logger = handler.logger()
            return BenchmarkSupport.measure(iterations: 20_000_000) { count in
                for _ in 0..<count {
                    logger.debug(
                        "not written",
                        metadata: ["method": "GET", "path": "/api/orders", "status": "200", "bytes": "5120", "user": "u-1234"]
                    )
                }
            }
        }
    }
}

// MARK: - The run

func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func leftPadded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

print("Log line cost, all handlers writing to a discarding sink (median of 7 rounds)")
print(padded("case", 22) + padded("handler", 20) + leftPadded("ns/line", 10) + leftPadded("allocs/line", 13))
var results: [Case: [Handler: BenchmarkSupport.Measurement]] = [:]
for benchmark in Case.allCases {
    for handler in Handler.allCases {
        let result = benchmark.measure(handler)
        results[benchmark, default: [:]][handler] = result
        print(
            padded(benchmark.rawValue, 22) + padded(handler.rawValue, 20)
                + leftPadded(formatted(result.nanosecondsPerOperation, decimals: 1), 10)
                + leftPadded(formatted(result.allocationsPerOperation, decimals: 2), 13)
        )
    }
}

print("\nRatios (how many times JSONLogHandler is faster) and JSONLogHandler's own share")
print(
    padded("case", 22) + leftPadded("vs Stream", 11) + leftPadded("vs naive", 10)
        + leftPadded("handler ns", 12) + leftPadded("handler allocs", 16)
)
for benchmark in Case.allCases {
    guard let row = results[benchmark], let ours = row[.structuredLog], let stream = row[.stream],
        let naive = row[.naive], let callSite = row[.callSiteOnly]
    else { continue }
    print(
        padded(benchmark.rawValue, 22)
            + leftPadded(formatted(stream.nanosecondsPerOperation / ours.nanosecondsPerOperation, decimals: 1) + "x", 11)
            + leftPadded(formatted(naive.nanosecondsPerOperation / ours.nanosecondsPerOperation, decimals: 1) + "x", 10)
            + leftPadded(formatted(ours.nanosecondsPerOperation - callSite.nanosecondsPerOperation, decimals: 1), 12)
            + leftPadded(formatted(ours.allocationsPerOperation - callSite.allocationsPerOperation, decimals: 2), 16)
    )
}

print("\nTargets (issue 5)")
func check(_ label: String, _ met: Bool, _ detail: String) {
    print((met ? "  met      " : "  MISSED   ") + padded(label, 58) + detail)
}
if let row = results[.callSiteFields], let ours = row[.structuredLog], let stream = row[.stream],
    let callSite = row[.callSiteOnly]
{
    check("5 call-site fields <= 1.0 us", ours.nanosecondsPerOperation <= 1000, formatted(ours.nanosecondsPerOperation, decimals: 1) + " ns")
    let handlerAllocations = ours.allocationsPerOperation - callSite.allocationsPerOperation
    check("5 call-site fields <= 1 handler allocation", handlerAllocations <= 1, formatted(handlerAllocations, decimals: 2))
    let ratio = stream.nanosecondsPerOperation / ours.nanosecondsPerOperation
    check("5 call-site fields >= 4.5x faster than StreamLogHandler", ratio >= 4.5, formatted(ratio, decimals: 1) + "x")
}
if let ours = results[.presetFields]?[.structuredLog] {
    check("5 preset fields <= 0.4 us", ours.nanosecondsPerOperation <= 400, formatted(ours.nanosecondsPerOperation, decimals: 1) + " ns")
    check("5 preset fields < 290 ns (zerolog)", ours.nanosecondsPerOperation < 290, formatted(ours.nanosecondsPerOperation, decimals: 1) + " ns")
}
if let ours = results[.filteredDebug]?[.structuredLog] {
    check("filtered debug <= 20 ns", ours.nanosecondsPerOperation <= 20, formatted(ours.nanosecondsPerOperation, decimals: 1) + " ns")
}
