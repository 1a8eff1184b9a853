import Foundation
import Glibc
import Synchronization

/// The built `metrics-exporter` binary, launched as a process on 127.0.0.1 with a port the
/// system chooses (read back from its "Listening" log line) and stopped by its PID.
final class ExporterProcess: Sendable {
    /// Where `swift build` put the binary: beside the test bundle.
    static let binary: String = {
        let testBundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: testBundle).deletingLastPathComponent().appendingPathComponent("metrics-exporter").path
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let pid: Int32
    let port: Int
    private let process: Process
    private let errors: Output

    /// Everything the process wrote to stderr (its log lines), read as it arrives.
    final class Output: Sendable {
        private let bytes = Mutex<[UInt8]>([])

        var text: String { String(decoding: bytes.withLock { $0 }, as: UTF8.self) }

        fileprivate func append(_ data: Data) {
            bytes.withLock { $0 += data }
        }
    }

    /// Starts the binary with `arguments` after `--web.listen-address=127.0.0.1:0`, in
    /// `directory` (the current one unless given), with `TZ=UTC`, and waits until it listens.
    /// `executable` runs another exporter with the same command line (node_exporter, which
    /// logs the port it was given, so it gets a free one instead of 0).
    static func start(_ arguments: [String], in directory: String? = nil, executable: String = binary) throws -> ExporterProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let port = executable == binary ? 0 : try freePort()
        process.arguments = ["--web.listen-address=127.0.0.1:\(port)"] + arguments
        if let directory {
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
        }
        process.environment = ProcessInfo.processInfo.environment.merging(["TZ": "UTC"]) { _, new in new }
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        let errors = Output()
        pipe.fileHandleForReading.readabilityHandler = { handle in
            errors.append(handle.availableData)
        }
        try process.run()
        // The exporter logs its address within moments; the bound only keeps a broken build from
        // hanging the test run.
        for _ in 0..<3000 {
            if let port = listeningPort(in: errors.text) {
                return ExporterProcess(process: process, port: port, errors: errors)
            }
            guard process.isRunning else { break }
            usleep(10_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw Failure(description: "metrics-exporter did not start listening; its log:\n\(errors.text)")
    }

    private init(process: Process, port: Int, errors: Output) {
        self.process = process
        pid = process.processIdentifier
        self.port = port
        self.errors = errors
    }

    /// A port nothing listens on now: what the kernel picks for a socket bound to port 0.
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "bind: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The port at the end of the address in the "Listening" line.
    private static func listeningPort(in log: String) -> Int? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("Listening") }),
            let address = line.range(of: "127.0.0.1:", options: .backwards)
        else { return nil }
        return Int(line[address.upperBound...].prefix { $0.isNumber })
    }

    /// The log so far.
    var log: String { errors.text }

    /// `GET target` (or another method) on the exporter.
    func fetch(_ target: String, method: String = "GET", headers: [String] = []) throws -> HTTPResponse {
        try HTTPResponse.fetch(port: port, target, method: method, headers: headers)
    }

    /// Sends SIGTERM to the process and waits for it to exit; its exit status.
    @discardableResult
    func stop() -> Int32 {
        kill(pid, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs the binary with `arguments` to its end (for flags it refuses); its exit status and
    /// what it wrote to stderr.
    static func run(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let errors = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors, as: UTF8.self))
    }
}
