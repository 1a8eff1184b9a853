import Foundation

/// Decompresses with the system's `gzip -d`, a decoder independent of the zlib the server
/// links.
enum Gunzip {
    static func decompress(_ bytes: [UInt8]) throws -> [UInt8] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-server-\(UUID().uuidString).gz")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        process.arguments = ["-d", "-c", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let decompressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GunzipError.failed(status: process.terminationStatus) }
        return Array(decompressed)
    }

    enum GunzipError: Error {
        case failed(status: Int32)
    }
}
