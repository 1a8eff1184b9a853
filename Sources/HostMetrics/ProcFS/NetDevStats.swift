/// One interface's line of `/proc/net/dev`: the 16 receive and transmit counters
/// (node_exporter's netdev collector without netlink, psutil's `net_io_counters`).
public struct NetDevStats: Sendable, Hashable {
    /// The interface name, such as `eth0`.
    public var interface: String
    /// Bytes received.
    public var receiveBytes: UInt64
    /// Packets received.
    public var receivePackets: UInt64
    /// Receive errors.
    public var receiveErrors: UInt64
    /// Received packets dropped.
    public var receiveDropped: UInt64
    /// Receive FIFO overruns.
    public var receiveFIFO: UInt64
    /// Receive framing errors.
    public var receiveFrame: UInt64
    /// Compressed packets received.
    public var receiveCompressed: UInt64
    /// Multicast packets received.
    public var receiveMulticast: UInt64
    /// Bytes transmitted.
    public var transmitBytes: UInt64
    /// Packets transmitted.
    public var transmitPackets: UInt64
    /// Transmit errors.
    public var transmitErrors: UInt64
    /// Transmitted packets dropped.
    public var transmitDropped: UInt64
    /// Transmit FIFO overruns.
    public var transmitFIFO: UInt64
    /// Collisions while transmitting.
    public var transmitCollisions: UInt64
    /// Carrier losses while transmitting.
    public var transmitCarrier: UInt64
    /// Compressed packets transmitted.
    public var transmitCompressed: UInt64

    /// Parses the whole file: one entry per interface, in file order. The two header lines
    /// (the ones with `|`) are skipped.
    public static func parse(_ bytes: [UInt8], path: String = "/proc/net/dev") throws(HostMetricsError) -> [NetDevStats] {
        let text = ProcText(bytes: bytes, path: path)
        var interfaces: [NetDevStats] = []
        for line in text.lines {
            if line.isBlank || line.text.contains(UInt8(ascii: "|")) { continue }
            // Names are at most 15 bytes and hold no colon; counters may touch it (`eth0:1234`).
            guard let colon = line.text.lastIndex(of: .colon) else {
                throw text.malformed(line, expected: "interface: 16 counters")
            }
            let name = line.text[..<colon].trimmed
            var fields = ProcText.Fields(rest: line.text[(colon + 1)...])
            let parsed = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 16) { counters -> NetDevStats? in
                for index in 0..<16 {
                    guard let value = fields.next()?.uint64 else { return nil }
                    counters.initializeElement(at: index, to: value)
                }
                return NetDevStats(
                    interface: name.text,
                    receiveBytes: counters[0], receivePackets: counters[1], receiveErrors: counters[2],
                    receiveDropped: counters[3], receiveFIFO: counters[4], receiveFrame: counters[5],
                    receiveCompressed: counters[6], receiveMulticast: counters[7],
                    transmitBytes: counters[8], transmitPackets: counters[9], transmitErrors: counters[10],
                    transmitDropped: counters[11], transmitFIFO: counters[12], transmitCollisions: counters[13],
                    transmitCarrier: counters[14], transmitCompressed: counters[15]
                )
            }
            guard let parsed, !name.isEmpty else {
                throw text.malformed(line, expected: "interface: 16 counters")
            }
            interfaces.append(parsed)
        }
        return interfaces
    }

    /// Reads `net/dev` under the procfs root.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> [NetDevStats] {
        let path = paths.procfs("net/dev")
        return try parse(FileReader.read(path), path: path)
    }

    /// The interface's `rx_nohandler` counter from `/sys/class/net/<iface>/statistics` (packets
    /// dropped because no protocol handled them): the one counter that netlink's link
    /// statistics have and `/proc/net/dev` lacks. nil when the kernel (before 4.6) or the
    /// sysfs tree does not have it, or the interface is going away (its driver then answers
    /// `EINVAL`), as netclass reads its attributes.
    public static func readReceiveNoHandler(interface: String, _ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> UInt64? {
        let path = paths.sysfs("class/net/" + interface + "/statistics/rx_nohandler")
        let bytes: [UInt8]
        do {
            bytes = try FileReader.readAttribute(path)
        } catch where error.isAbsentAttribute {
            return nil
        }
        guard let value = bytes[...].trimmed.uint64 else {
            throw .malformedLine(path: path, line: 1, text: bytes[...].prefix(200).text, expected: "one unsigned integer")
        }
        return value
    }
}
