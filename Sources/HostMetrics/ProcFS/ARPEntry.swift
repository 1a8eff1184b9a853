/// One neighbour of `/proc/net/arp`, the kernel's IPv4 ARP table (node_exporter's arp collector).
public struct ARPEntry: Sendable, Hashable {
    /// The neighbour's IPv4 address, as written (`192.168.1.1`).
    public var ipAddress: String
    /// Its hardware address, as written (`cc:aa:dd:ee:aa:bb`; all zeros while incomplete).
    public var hardwareAddress: String
    /// The interface it was seen on, such as `eth0`.
    public var device: String

    /// An entry as given.
    public init(ipAddress: String, hardwareAddress: String, device: String) {
        self.ipAddress = ipAddress
        self.hardwareAddress = hardwareAddress
        self.device = device
    }

    /// Parses the table: a header line (`IP address HW type Flags HW address Mask Device`),
    /// then one line of six columns per entry.
    public static func parse(_ bytes: [UInt8], path: String = "/proc/net/arp") throws(HostMetricsError) -> [ARPEntry] {
        let text = ProcText(bytes: bytes, path: path)
        var entries: [ARPEntry] = []
        var lines = text.lines
        guard let header = lines.next() else { return [] }
        guard header.text.starts(with: Self.headerStart) else {
            throw text.malformed(header, expected: "the header IP address HW type Flags HW address Mask Device")
        }
        for line in lines where !line.isBlank {
            var fields = line.fields
            let columns = (0..<7).map { _ in fields.next() }
            guard let ipAddress = columns[0], let hardwareAddress = columns[3], let device = columns[5], columns[6] == nil else {
                throw text.malformed(line, expected: "IP-address HW-type flags HW-address mask device")
            }
            entries.append(ARPEntry(ipAddress: ipAddress.text, hardwareAddress: hardwareAddress.text, device: device.text))
        }
        return entries
    }

    /// Reads `net/arp` under the procfs root.
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> [ARPEntry] {
        let path = paths.procfs("net/arp")
        return try parse(FileReader.read(path), path: path)
    }

    private static let headerStart = Array("IP address".utf8)
}
