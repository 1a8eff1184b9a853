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

/// A destination that, like a busy service, logs another line through the buffered writer in
/// front of it while each batch goes out, so that the buffer is never empty, until it sees that
/// the test's flush returned (or, so that the test ends either way, after `limit` writes).
private final class BusyDestination: LogLineWriter, @unchecked Sendable {
    let limit = 100_000
    let relay = Mutex<BufferedLineWriter?>(nil)
    let flushReturned = Atomic<Bool>(false)
    let stoppedAfterFlushReturned = Atomic<Bool>(false)
    private let writes = Atomic<Int>(0)

    func write(lines: UnsafeRawBufferPointer) {
        let count = writes.add(1, ordering: .relaxed).newValue
        if flushReturned.load(ordering: .acquiring) {
            stoppedAfterFlushReturned.store(true, ordering: .relaxed)
        } else if count < limit, let writer = relay.withLock({ $0 }) {
            line("more", length: 16).withUnsafeBytes(writer.write)
        }
    }
}

@Test func flushReturnsOnceEarlierLinesAreWrittenWhileOthersKeepArriving() throws {
    let destination = BusyDestination()
    let writer = try BufferedLineWriter(writingTo: destination)
    destination.relay.withLock { $0 = writer }
    defer { destination.relay.withLock { $0 = nil } }
    line("first", length: 16).withUnsafeBytes(writer.write)
    writer.flush()
    destination.flushReturned.store(true, ordering: .releasing)
    // The batch being written may have looked at the flag before it was set, and then logged
    // once more; the batch after it looks again.
    writer.flush()
    writer.flush()
    let stoppedAfterFlushReturned = destination.stoppedAfterFlushReturned.load(ordering: .relaxed)
    #expect(
        stoppedAfterFlushReturned,
        "flush waited until the buffer was empty, which lines logged meanwhile put off"
    )
}
