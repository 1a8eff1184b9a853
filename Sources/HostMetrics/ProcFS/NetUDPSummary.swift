/// The bytes queued in all UDP sockets of `/proc/net/udp` or `/proc/net/udp6` (procfs's
/// `NetUDPSummary`, node_exporter's udp_queues collector).
public struct NetUDPSummary: Sendable, Hashable {
    /// Bytes waiting to be sent, summed over the sockets.
    public var transmitQueueLength: UInt64
    /// Bytes received and not yet read, summed over the sockets.
    public var receiveQueueLength: UInt64
    /// The sockets listed.
    public var usedSockets: UInt64

    /// Totals as given.
    public init(transmitQueueLength: UInt64, receiveQueueLength: UInt64, usedSockets: UInt64) {
        self.transmitQueueLength = transmitQueueLength
        self.receiveQueueLength = receiveQueueLength
        self.usedSockets = usedSockets
    }

    /// Parses a socket table: a header line, then per socket `sl: local remote st tx:rx …`
    /// with addresses, state and queues in hexadecimal.
    public init(parsing bytes: [UInt8], path: String) throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        (transmitQueueLength, receiveQueueLength, usedSockets) = (0, 0, 0)
        var lines = text.lines
        if let header = lines.next() {
            var fields = header.fields
            guard fields.next()?.elementsEqual("sl".utf8) == true else {
                throw text.malformed(header, expected: "the header sl local_address rem_address st tx_queue rx_queue …")
            }
        }
        let expected = "sl: local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid …"
        for line in lines where !line.isBlank {
            var fields = line.fields
            guard let slot = fields.next(), slot.last == .colon, slot.dropLast().uint64 != nil,
                let local = fields.next(), Self.isHexPair(local),
                let remote = fields.next(), Self.isHexPair(remote),
                fields.next()?.hexUInt64 != nil,
                let queues = fields.next(), let colon = queues.firstIndex(of: .colon),
                let transmit = queues[..<colon].hexUInt64, let receive = queues[(colon + 1)...].hexUInt64,
                fields.next() != nil, fields.next() != nil, fields.next()?.uint64 != nil
            else { throw text.malformed(line, expected: expected) }
            transmitQueueLength &+= transmit
            receiveQueueLength &+= receive
            usedSockets += 1
        }
    }

    /// `address:port`, both hexadecimal.
    private static func isHexPair(_ field: ArraySlice<UInt8>) -> Bool {
        guard let colon = field.firstIndex(of: .colon) else { return false }
        let address = field[..<colon]
        return address.allSatisfy { $0.hexDigitValue != nil } && !address.isEmpty && field[(colon + 1)...].hexUInt64 != nil
    }

    /// Reads `net/udp` under the procfs root.
    public static func readIPv4(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> NetUDPSummary {
        let path = paths.procfs("net/udp")
        return try NetUDPSummary(parsing: FileReader.read(path), path: path)
    }

    /// Reads `net/udp6` under the procfs root; a kernel without IPv6 has no such file.
    public static func readIPv6(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> NetUDPSummary {
        let path = paths.procfs("net/udp6")
        return try NetUDPSummary(parsing: FileReader.read(path), path: path)
    }
}
