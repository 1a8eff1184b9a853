import Foundation
import Testing

/// Parses log output with Python's `json` module through `scripts/json_lines_roundtrip.py`, which
/// rejects duplicate keys and NaN/Infinity, and returns each line re-encoded canonically. A
/// missing `python3` fails the calling test.
func pythonCanonicalLines(of output: [UInt8]) throws -> [String] {
    let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PythonJSON.swift
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // StructuredLogTests
        .deletingLastPathComponent()  // Tests
    let script = repository.appendingPathComponent("scripts/json_lines_roundtrip.py")
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("structured-log-\(UUID().uuidString).jsonl")
    try Data(output).write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, input.path]
    let standardOutput = Pipe()
    let standardError = Pipe()
    process.standardOutput = standardOutput
    process.standardError = standardError
    try process.run()
    let printed = standardOutput.fileHandleForReading.readDataToEndOfFile()
    let complaint = standardError.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(
        process.terminationStatus == 0,
        "python3 rejected the output: \(String(decoding: complaint, as: UTF8.self))"
    )
    return String(decoding: printed, as: UTF8.self).split(separator: "\n").map(String.init)
}
