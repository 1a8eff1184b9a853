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
        /// Its counters' names in file order.
        public var names: [String]
        /// Their values, in the order of `names`.
        public var values: [Double]

        /// The counters in file order.
        public var counters: [Counter] {
            zip(names, values).map { Counter(name: $0, value: $1) }
        }

        /// The counter's value, nil when absent.
        public subscript(counter: String) -> Double? {
            names.firstIndex(of: counter).map { values[$0] }
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
        try self.init(parsingPairs: bytes, path: path, headers: nil)
    }

    /// Parses `netstat` or `snmp`, keeping each line of names (the protocol's and its
    /// counters' `String`s) in `headers` from one parse to the next.
    init(parsingPairs bytes: [UInt8], path: String, headers: NameTable<FileBytes, Header>?) throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        protocols = try NameTable.withLookup(headers) { (headers) throws(HostMetricsError) in
            var protocols: [ProtocolCounters] = []
            var lines = text.lines
            while let header = lines.next() {
                if header.isBlank { continue }
                let expected = "a line of names and a line of values, both starting with the same Protocol:"
                guard let values = lines.next() else { throw text.malformed(header, expected: expected) }
                var numbers = values.fields
                var names = header.fields
                guard let prefix = names.next(), prefix.count > 1, prefix.last == .colon,
                    let valuesPrefix = numbers.next(), prefix.elementsEqual(valuesPrefix)
                else { throw text.malformed(values, expected: expected) }
                let known = try headers.next(header.text) { (_) throws(HostMetricsError) in Header(header) }
                var counters: [Double] = []
                counters.reserveCapacity(known.counters.count)
                while let number = numbers.next() {
                    guard let value = number.double else { throw text.malformed(values, expected: expected) }
                    counters.append(value)
                }
                guard counters.count == known.counters.count else { throw text.malformed(values, expected: expected) }
                protocols.append(ProtocolCounters(name: known.protocolName, names: known.counters, values: counters))
            }
            return protocols
        }
    }

    /// A line of names of `netstat` or `snmp`: `Tcp: RtoAlgorithm RtoMin …`.
    struct Header: Sendable {
        var protocolName: String
        var counters: [String]

        /// The line's names; its first field ends in a colon.
        init(_ line: ProcText.Line) {
            var fields = line.fields
            protocolName = fields.next().map { $0.dropLast().text } ?? ""
            counters = fields.map(\.text)
        }
    }

    /// Parses `snmp6`: one `Ip6InReceives 7` line per counter. The protocol is the name up to
    /// its first `6` (`Ip6`, `Icmp6`, `Udp6`, `UdpLite6`), as node_exporter splits it; lines
    /// whose name has no `6` are left out, as node_exporter leaves them.
    public init(parsingSNMP6 bytes: [UInt8], path: String = "/proc/net/snmp6") throws(HostMetricsError) {
        try self.init(parsingSNMP6: bytes, path: path, names: nil)
    }

    /// Parses `snmp6`, keeping the protocol and counter names' `String`s in `names` from one
    /// parse to the next.
    init(parsingSNMP6 bytes: [UInt8], path: String, names: NameStrings?) throws(HostMetricsError) {
        let text = ProcText(bytes: bytes, path: path)
        protocols = try NameStrings.withLookup(names) { (names) throws(HostMetricsError) in
            var protocols: [ProtocolCounters] = []
            for line in text.lines {
                var fields = line.fields
                guard let key = fields.next() else { continue }
                guard let value = fields.next()?.double, fields.next() == nil else {
                    throw text.malformed(line, expected: "Name value")
                }
                guard let six = key.firstIndex(of: UInt8(ascii: "6")) else { continue }
                let protocolName = names.next(key[...six])
                let counter = names.next(key[(six + 1)...])
                if let index = protocols.lastIndex(where: { $0.name == protocolName }) {
                    protocols[index].names.append(counter)
                    protocols[index].values.append(value)
                } else {
                    protocols.append(ProtocolCounters(name: protocolName, names: [counter], values: [value]))
                }
            }
            return protocols
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
