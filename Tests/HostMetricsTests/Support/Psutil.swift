import Foundation

/// Python's psutil, run as a peer: the same questions asked of the same procfs tree.
enum Psutil {
    /// True when `python3 -c "import psutil"` works (`pip install psutil`).
    static let isAvailable: Bool = (try? run(["-c", "import psutil"])) != nil

    /// Runs `python3` with `arguments`, feeding `input` on stdin; the standard output, or an
    /// error when it exits non-zero.
    static func run(_ arguments: [String], input: Data = Data()) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(status: process.terminationStatus) }
        return output
    }

    struct Failed: Error {
        var status: Int32
    }

    /// Runs a script that reads JSON on stdin and prints JSON.
    static func json(_ script: String, input: Any) throws -> Any {
        let output = try run(["-c", script], input: try JSONSerialization.data(withJSONObject: input))
        return try JSONSerialization.jsonObject(with: output)
    }
}
