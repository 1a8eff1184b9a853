/// One interface's traffic counters the way psutil's `net_io_counters()` reports them, from
/// `/proc/net/dev`. Unlike psutil, counters are not corrected for wrap-around between calls.
public struct NetIOCounters: Sendable, Hashable {
    /// Bytes transmitted.
    public var bytesSent: UInt64
    /// Bytes received.
    public var bytesRecv: UInt64
    /// Packets transmitted.
    public var packetsSent: UInt64
    /// Packets received.
    public var packetsRecv: UInt64
    /// Receive errors.
    public var errin: UInt64
    /// Transmit errors.
    public var errout: UInt64
    /// Received packets dropped.
    public var dropin: UInt64
    /// Transmitted packets dropped.
    public var dropout: UInt64

    /// The counters of one `/proc/net/dev` line.
    public init(_ stats: NetDevStats) {
        bytesSent = stats.transmitBytes
        bytesRecv = stats.receiveBytes
        packetsSent = stats.transmitPackets
        packetsRecv = stats.receivePackets
        errin = stats.receiveErrors
        errout = stats.transmitErrors
        dropin = stats.receiveDropped
        dropout = stats.transmitDropped
    }

    /// The sum over several interfaces (wrapping, never trapping, on absurd input).
    public init(summing interfaces: some Sequence<NetIOCounters>) {
        bytesSent = 0
        bytesRecv = 0
        packetsSent = 0
        packetsRecv = 0
        errin = 0
        errout = 0
        dropin = 0
        dropout = 0
        for counters in interfaces {
            bytesSent &+= counters.bytesSent
            bytesRecv &+= counters.bytesRecv
            packetsSent &+= counters.packetsSent
            packetsRecv &+= counters.packetsRecv
            errin &+= counters.errin
            errout &+= counters.errout
            dropin &+= counters.dropin
            dropout &+= counters.dropout
        }
    }
}
