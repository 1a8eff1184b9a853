/// One network interface's attributes in `/sys/class/net/<iface>/` (procfs's `NetClassIface`,
/// node_exporter's netclass collector). An attribute the kernel does not offer for the
/// interface (no `speed` on a virtual device, no `carrier` while it is down) or that does not
/// hold a number is nil; a text attribute that is absent is empty.
public struct NetClassInterface: Sendable, Hashable {
    /// The interface name, such as `eth0`.
    public var name: String
    /// `address`: the hardware address.
    public var address = ""
    /// `broadcast`: the hardware broadcast address.
    public var broadcast = ""
    /// `duplex`: `full`, `half` or `unknown`.
    public var duplex = ""
    /// `ifalias`: the administrator's alias.
    public var ifAlias = ""
    /// `operstate`: RFC 2863's operational state, such as `up`, `down` or `unknown`.
    public var operState = ""
    /// `addr_assign_type`: how the hardware address was assigned.
    public var addressAssignType: Int64?
    /// `carrier`: 1 when the physical link is up.
    public var carrier: Int64?
    /// `carrier_changes`: link up and down transitions.
    public var carrierChanges: Int64?
    /// `carrier_up_count`: transitions to link up.
    public var carrierUpCount: Int64?
    /// `carrier_down_count`: transitions to link down.
    public var carrierDownCount: Int64?
    /// `dev_id`: the device's identifier among interfaces sharing a hardware address.
    public var deviceID: Int64?
    /// `dormant`: 1 when the interface waits for an external event.
    public var dormant: Int64?
    /// `flags`: the `IFF_*` flags.
    public var flags: Int64?
    /// `ifindex`: the interface index.
    public var ifIndex: Int64?
    /// `iflink`: the index of the interface it is linked to.
    public var ifLink: Int64?
    /// `link_mode`: the link mode (0 default, 1 dormant).
    public var linkMode: Int64?
    /// `mtu`: the maximum transmission unit, bytes.
    public var mtu: Int64?
    /// `name_assign_type`: how the name was assigned.
    public var nameAssignType: Int64?
    /// `netdev_group`: the interface group.
    public var netDevGroup: Int64?
    /// `speed`: the link speed in Mbit/s; -1 when the driver does not know it.
    public var speed: Int64?
    /// `tx_queue_len`: the transmit queue length, packets.
    public var transmitQueueLength: Int64?
    /// `type`: the ARPHRD hardware type (1 for Ethernet).
    public var type: Int64?

    /// An interface with no attribute read yet.
    public init(name: String) {
        self.name = name
    }

    /// The numeric attributes: file name and property.
    private static let numbers: [(file: String, property: WritableKeyPath<NetClassInterface, Int64?> & Sendable)] = [
        ("addr_assign_type", \.addressAssignType), ("carrier", \.carrier), ("carrier_changes", \.carrierChanges),
        ("carrier_up_count", \.carrierUpCount), ("carrier_down_count", \.carrierDownCount), ("dev_id", \.deviceID),
        ("dormant", \.dormant), ("flags", \.flags), ("ifindex", \.ifIndex), ("iflink", \.ifLink), ("link_mode", \.linkMode),
        ("mtu", \.mtu), ("name_assign_type", \.nameAssignType), ("netdev_group", \.netDevGroup), ("speed", \.speed),
        ("tx_queue_len", \.transmitQueueLength), ("type", \.type),
    ]

    /// The text attributes: file name and property.
    private static let texts: [(file: String, property: WritableKeyPath<NetClassInterface, String> & Sendable)] = [
        ("address", \.address), ("broadcast", \.broadcast), ("duplex", \.duplex), ("ifalias", \.ifAlias), ("operstate", \.operState),
    ]

    /// The interfaces of `class/net` under the sysfs root, in directory order: every entry but
    /// regular files (`bonding_masters`).
    public static func interfaceNames(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> [String] {
        var names: [String] = []
        try FileReader.forEachEntry(in: paths.sysfs("class/net")) { entry in
            if !entry.isRegularFile { names.append(String(decoding: entry.name, as: UTF8.self)) }
        }
        return names
    }

    /// Reads the interface's attributes. An attribute that is missing, not permitted, or that
    /// the driver refuses (`EINVAL`, `EOPNOTSUPP`) is left out, as procfs leaves it; any other
    /// read error fails.
    public static func read(name: String, _ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> NetClassInterface {
        try FileReader.withDirectory(paths.sysfs("class/net/" + name)) { (directory) throws(HostMetricsError) in
            var interface = NetClassInterface(name: name)
            for (file, property) in numbers {
                if let value = try attribute(file, in: directory) {
                    interface[keyPath: property] = value[...].trimmed.int64WithBasePrefix
                }
            }
            for (file, property) in texts {
                if let value = try attribute(file, in: directory) {
                    interface[keyPath: property] = value[...].trimmed.text
                }
            }
            return interface
        }
    }

    /// The attribute's bytes, nil when the interface does not offer it.
    private static func attribute(_ name: String, in directory: FileReader.Directory) throws(HostMetricsError) -> [UInt8]? {
        do {
            return try FileReader.readAttribute(name, in: directory)
        } catch where error.isAbsentAttribute {
            return nil
        }
    }
}
