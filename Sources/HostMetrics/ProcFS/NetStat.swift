/// The protocol counters of `/proc/net/netstat`, `/proc/net/snmp` and `/proc/net/snmp6`
/// (node_exporter's netstat collector).
///
/// Values are `Double`, as node_exporter parses them: they are mostly unsigned 64-bit counters,
/// but `Tcp: MaxConn` is -1.
public struct NetStat: Sendable, Hashable {
    /// One counter.
    public struct Counter: Sendable, Hashable {
        /// The counter's name, such as `InSegs`.
        public var name: String
        /// Its value.
        public var value: Double
    }

    /// One protocol's counters, such as `Tcp` or `Ip6`.
    public struct ProtocolCounters: Sendable, Hashable {
        /// The protocol, such as `TcpExt`, `Udp` or `Icmp6`.
        public var name: String
        /// Its counters in file order.
        public var counters: [Counter]

        /// The counter's value, nil when absent.
        public subscript(counter: String) -> Double? {
            counters.first { $0.name == counter }?.value
        }
    }

    /// The protocols in file order.
    public var protocols: [ProtocolCounters]

    /// The protocol's counters, nil when absent.
    public subscript(protocolName: String) -> ProtocolCounters? {
        protocols.first { $0.name == protocolName }
    }

    /// Parses `netstat` or `snmp`: each protocol is a line of names (`Tcp: RtoAlgorithm …`)
    /// followed by a line of values with the same prefix.
    public init(parsingPairs bytes: [UInt8], path: String) throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        protocols = []
        var lines = text.lines
        while let header = lines.next() {
            if header.isBlank { continue }
            let expected = "a line of names and a line of values, both starting with the same Protocol:"
            guard let values = lines.next() else { throw text.malformed(header, expected: expected) }
            var names = header.fields
            var numbers = values.fields
            guard let prefix = names.next(), prefix.count > 1, prefix.last == .colon,
                let valuesPrefix = numbers.next(), prefix.elementsEqual(valuesPrefix)
            else { throw text.malformed(values, expected: expected) }
            var counters: [Counter] = []
            while let name = names.next() {
                guard let value = numbers.next()?.double else { throw text.malformed(values, expected: expected) }
                counters.append(Counter(name: name.text, value: value))
            }
            guard numbers.next() == nil else { throw text.malformed(values, expected: expected) }
            protocols.append(ProtocolCounters(name: prefix.dropLast().text, counters: counters))
        }
    }

    /// Parses `snmp6`: one `Ip6InReceives 7` line per counter. The protocol is the name up to
    /// its first `6` (`Ip6`, `Icmp6`, `Udp6`, `UdpLite6`), as node_exporter splits it; lines
    /// whose name has no `6` are left out, as node_exporter leaves them.
    public init(parsingSNMP6 bytes: [UInt8], path: String = "/proc/net/snmp6") throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        protocols = []
        for line in text.lines {
            var fields = line.fields
            guard let key = fields.next() else { continue }
            guard let value = fields.next()?.double, fields.next() == nil else {
                throw text.malformed(line, expected: "Name value")
            }
            guard let six = key.firstIndex(of: UInt8(ascii: "6")) else { continue }
            let protocolName = key[...six].text
            let counter = Counter(name: key[(six + 1)...].text, value: value)
            if let last = protocols.indices.last, protocols[last].name == protocolName {
                protocols[last].counters.append(counter)
            } else if let index = protocols.firstIndex(where: { $0.name == protocolName }) {
                protocols[index].counters.append(counter)
            } else {
                protocols.append(ProtocolCounters(name: protocolName, counters: [counter]))
            }
        }
    }

    /// Reads `net/netstat` under the procfs root (`TcpExt`, `IpExt`, `MPTcpExt`).
    public static func readNetstat(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> NetStat {
        let path = paths.procfs("net/netstat")
        return try NetStat(parsingPairs: FileReader.read(path), path: path)
    }

    /// Reads `net/snmp` under the procfs root (`Ip`, `Icmp`, `IcmpMsg`, `Tcp`, `Udp`, `UdpLite`).
    public static func readSNMP(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> NetStat {
        let path = paths.procfs("net/snmp")
        return try NetStat(parsingPairs: FileReader.read(path), path: path)
    }

    /// Reads `net/snmp6` under the procfs root; a kernel without IPv6 has no such file.
    public static func readSNMP6(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> NetStat {
        let path = paths.procfs("net/snmp6")
        return try NetStat(parsingSNMP6: FileReader.read(path), path: path)
    }
}
