import Foundation
import Logging
import StructuredLog
import Synchronization
import Testing

/// Reads `descriptor` on a thread of its own until end of file, then closes it.
private func readToEnd(_ descriptor: Int32) async -> [UInt8] {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread {
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(descriptor, &chunk, chunk.count)
                if count > 0 {
                    received += chunk[..<count]
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            close(descriptor)
            continuation.resume(returning: received)
        }
    }
}

/// Lines of several sizes, some far above the 4 KiB a pipe takes in one piece.
private let lineSizes = [10, 700, 6_000, 12_000]

@Test func linesFromManyTasksThroughAPipeArriveWhole() async throws {
    var descriptors: [Int32] = [0, 0]
    #expect(pipe(&descriptors) == 0)
    let (readEnd, writeEnd) = (descriptors[0], descriptors[1])
    async let received = readToEnd(readEnd)
    let writer = FileLineWriter(fileDescriptor: writeEnd, closesOnDeinit: false)
    let logger = Logger(label: "concurrency") { JSONLogHandler(label: $0, writer: writer) }
    let tasks = 16
    let linesPerTask = 100
    await withTaskGroup(of: Void.self) { group in
        for task in 0..<tasks {
            group.addTask {
                for sequence in 0..<linesPerTask {
                    let size = lineSizes[(task + sequence) % lineSizes.count]
                    let filler = String(repeating: Character(UnicodeScalar(UInt8(65 + task))), count: size)
                    logger.info("\(filler)", metadata: ["task": .stringConvertible(task), "sequence": .stringConvertible(sequence)])
                    if sequence % 10 == 0 { await Task.yield() }
                }
            }
        }
    }
    close(writeEnd)
    let output = await received
    #expect(writer.failedWrites == 0)
    let lines = output.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == tasks * linesPerTask)
    var seen = Set<[Int]>()
    for line in lines {
        let object = try parseJSONObject(String(decoding: line, as: UTF8.self))
        let task = try #require((object["task"] as? NSNumber)?.intValue)
        let sequence = try #require((object["sequence"] as? NSNumber)?.intValue)
        let message = try #require(object["message"] as? String)
        let expected = String(repeating: Character(UnicodeScalar(UInt8(65 + task))), count: lineSizes[(task + sequence) % lineSizes.count])
        #expect(message == expected)
        seen.insert([task, sequence])
    }
    #expect(seen.count == tasks * linesPerTask)
}

@Test func linesFromManyThreadsAppendedToOneFileArriveWhole() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("structured-log-\(UUID().uuidString).log").path
    defer { unlink(path) }
    let threads = 8
    let linesPerThread = 200
    do {
        let writer = try FileLineWriter(path: path)
        let logger = Logger(label: "file") { JSONLogHandler(label: $0, writer: writer) }
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for sequence in 0..<linesPerThread {
                logger.info("\(String(repeating: "f", count: lineSizes[sequence % lineSizes.count]))", metadata: ["thread": "\(thread)"])
            }
        }
        #expect(writer.failedWrites == 0)
    }
    let contents = try #require(FileManager.default.contents(atPath: path))
    let lines = String(decoding: contents, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == threads * linesPerThread)
    for line in lines { _ = try parseJSONObject(String(line)) }
}

@Test func aFileThatCannotBeOpenedIsATypedError() {
    #expect(throws: StructuredLogError.cannotOpenFile(path: "/nonexistent-directory/app.log", errno: ENOENT)) {
        try FileLineWriter(path: "/nonexistent-directory/app.log")
    }
}

@Test func aFailedWriteIsCountedNotThrown() {
    // Descriptor -1 is never open (a closed one could be reused by a test running alongside).
    let writer = FileLineWriter(fileDescriptor: -1, closesOnDeinit: false)
    Logger(label: "closed") { JSONLogHandler(label: $0, writer: writer) }.info("lost")
    #expect(writer.failedWrites == 1)
}

@Test func aPipeWhoseReaderIsGoneIsCountedAndDoesNotKillTheProcess() throws {
    // Without care, writing to a pipe nobody reads raises SIGPIPE, which ends the process.
    var descriptors: [Int32] = [0, 0]
    #expect(pipe(&descriptors) == 0)
    close(descriptors[0])
    let writer = FileLineWriter(fileDescriptor: descriptors[1], closesOnDeinit: true)
    let logger = Logger(label: "reader gone") { JSONLogHandler(label: $0, writer: writer) }
    logger.info("lost")
    logger.info("lost too")
    #expect(writer.failedWrites == 2)
    var mask = sigset_t()
    pthread_sigmask(SIG_BLOCK, nil, &mask)
    #expect(sigismember(&mask, SIGPIPE) == 0, "the thread's signal mask is restored")
}
