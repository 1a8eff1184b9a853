import Foundation
import Logging
import StructuredLog
import Synchronization
import Testing

/// A destination that holds its first write until the test opens the gate, so that the
/// buffer in front of it can be filled deterministically.
private final class GatedDestination: LogLineWriter, @unchecked Sendable {
    let entered = DispatchSemaphore(value: 0)
    let gate = DispatchSemaphore(value: 0)
    let collector = LineCollector()
    private let isFirst = Atomic<Bool>(true)

    func write(lines: UnsafeRawBufferPointer) {
        if isFirst.exchange(false, ordering: .relaxed) {
            entered.signal()
            gate.wait()
        }
        collector.write(lines: lines)
    }
}

/// One line of exactly `length` bytes, newline included.
private func line(_ label: String, length: Int) -> [UInt8] {
    Array((label + String(repeating: ".", count: length - label.utf8.count - 1) + "\n").utf8)
}

@Test func aFullBufferDropsAndCountsLinesAndFlushDeliversTheRest() throws {
    let destination = GatedDestination()
    let writer = try BufferedLineWriter(writingTo: destination, capacity: 1000)
    line("first", length: 100).withUnsafeBytes(writer.write)
    destination.entered.wait()
    for index in 0..<10 { line("kept \(index)", length: 100).withUnsafeBytes(writer.write) }
    for index in 0..<5 { line("dropped \(index)", length: 100).withUnsafeBytes(writer.write) }
    #expect(writer.droppedLines == 5)
    destination.gate.signal()
    writer.flush()
    let lines = destination.collector.lines
    #expect(lines.count == 11)
    #expect(lines.first?.hasPrefix("first") == true)
    #expect(lines.dropFirst().map { String($0.prefix(6)) } == (0..<10).map { "kept \($0)" })
    #expect(!lines.contains { $0.hasPrefix("dropped") })
    #expect(destination.collector.rawWrites.count == 2, "the ten kept lines go out as one batch")
}

@Test func linesLoggedFromManyTasksAllArriveAfterFlush() async throws {
    let destination = LineCollector()
    let writer = try BufferedLineWriter(writingTo: destination)
    let logger = Logger(label: "buffered") { JSONLogHandler(label: $0, writer: writer) }
    await withTaskGroup(of: Void.self) { group in
        for task in 0..<8 {
            group.addTask {
                for sequence in 0..<250 { logger.info("line", metadata: ["task": "\(task)", "sequence": "\(sequence)"]) }
            }
        }
    }
    writer.flush()
    #expect(writer.droppedLines == 0)
    let objects = try destination.objects()
    #expect(objects.count == 2000)
    #expect(Set(objects.compactMap { "\($0["task"] ?? "")/\($0["sequence"] ?? "")" }).count == 2000)
}

@Test func aCapacityAsLargeAsIntMaxTakesLinesWithoutReservingIt() throws {
    let destination = LineCollector()
    let writer = try BufferedLineWriter(writingTo: destination, capacity: .max)
    for index in 0..<100 { line("line \(index)", length: 64).withUnsafeBytes(writer.write) }
    writer.flush()
    #expect(destination.lines.count == 100)
    #expect(writer.droppedLines == 0)
}
