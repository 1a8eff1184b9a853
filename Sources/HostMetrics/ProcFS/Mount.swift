/// One mounted filesystem, from `/proc/[pid]/mountinfo` or the older `/proc/[pid]/mounts`
/// (node_exporter's filesystem collector).
///
/// The kernel writes a space, tab, newline and backslash inside names as the octal escapes
/// `\040`, `\011`, `\012` and `\134`; every `\` followed by three octal digits is decoded here.
/// (node_exporter decodes only `\040` and `\011`, and only in the mount point.)
public struct Mount: Sendable, Hashable {
    /// What is mounted: a device (`/dev/sda1`) or a pseudo name (`tmpfs`).
    public var device: String
    /// Where it is mounted, as the reading process sees it.
    public var mountPoint: String
    /// The filesystem type, such as `ext4` or `fuse.sshfs`.
    public var fsType: String
    /// The per-mount options (`rw,relatime`). From `mounts`, which does not separate them, all
    /// options.
    public var mountOptions: String
    /// The superblock options of `mountinfo` (`rw,errors=remount-ro`); empty from `mounts`.
    public var superOptions: String
    /// The device's major number (`mountinfo` only).
    public var major: UInt32?
    /// The device's minor number (`mountinfo` only).
    public var minor: UInt32?

    /// True when `ro` is among the mount or superblock options, node_exporter's test for
    /// `node_filesystem_readonly`.
    public var isReadOnly: Bool {
        Self.hasReadOnly(mountOptions) || Self.hasReadOnly(superOptions)
    }

    /// Parses a `mountinfo` file: `id parent major:minor root mountPoint options [optional…] -
    /// fsType source superOptions`.
    public static func parseMountInfo(_ bytes: [UInt8], path: String = "/proc/self/mountinfo") throws(HostMetricsError) -> [Mount] {
        try parseMountInfo(bytes, path: path, lines: nil)
    }

    /// Parses a `mountinfo` file, keeping the mount of each line in `lines` from one parse to
    /// the next.
    static func parseMountInfo(_ bytes: [UInt8], path: String, lines: NameTable<FileBytes, Mount>?) throws(HostMetricsError) -> [Mount] {
        let text = ProcText(bytes: bytes, path: path)
        return try NameTable.withLookup(lines) { (mounts) throws(HostMetricsError) in
            try text.lines.filter { !$0.isBlank }.map { (line) throws(HostMetricsError) in
                try mounts.next(line.text) { (_) throws(HostMetricsError) in try mountInfo(line, in: text) }
            }
        }
    }

    /// One line of `mountinfo`.
    private static func mountInfo(_ line: ProcText.Line, in text: ProcText) throws(HostMetricsError) -> Mount {
        let expected = "id parent major:minor root mount-point options [optional fields] - type source super-options"
        var fields = line.fields
        guard fields.next()?.uint64 != nil, fields.next()?.uint64 != nil,
            let device = fields.next(), let colon = device.firstIndex(of: .colon),
            let major = device[..<colon].uint64.flatMap(UInt32.init(exactly:)),
            let minor = device[(colon + 1)...].uint64.flatMap(UInt32.init(exactly:)),
            fields.next() != nil, let mountPoint = fields.next(), let options = fields.next()
        else { throw text.malformed(line, expected: expected) }
        var separator = fields.next()
        while let field = separator, !field.elementsEqual(CollectionOfOne(.minus)) {
            separator = fields.next()
        }
        guard separator != nil, let fsType = fields.next(), let source = fields.next() else {
            throw text.malformed(line, expected: expected)
        }
        return Mount(
            device: decode(source), mountPoint: decode(mountPoint), fsType: decode(fsType),
            mountOptions: options.text, superOptions: fields.next()?.text ?? "", major: major, minor: minor
        )
    }

    /// Parses a `mounts` file (fstab format): `device mountPoint fsType options dump pass`.
    public static func parseMounts(_ bytes: [UInt8], path: String = "/proc/mounts") throws(HostMetricsError) -> [Mount] {
        try parseMounts(bytes, path: path, lines: nil)
    }

    /// Parses a `mounts` file, keeping the mount of each line in `lines` from one parse to the
    /// next.
    static func parseMounts(_ bytes: [UInt8], path: String, lines: NameTable<FileBytes, Mount>?) throws(HostMetricsError) -> [Mount] {
        let text = ProcText(bytes: bytes, path: path)
        return try NameTable.withLookup(lines) { (mounts) throws(HostMetricsError) in
            try text.lines.filter { !$0.isBlank }.map { (line) throws(HostMetricsError) in
                try mounts.next(line.text) { (_) throws(HostMetricsError) in
                    var fields = line.fields
                    guard let device = fields.next(), let mountPoint = fields.next(), let fsType = fields.next(),
                        let options = fields.next()
                    else { throw text.malformed(line, expected: "device mount-point type options dump pass") }
                    return Mount(
                        device: decode(device), mountPoint: decode(mountPoint), fsType: decode(fsType),
                        mountOptions: options.text, superOptions: "", major: nil, minor: nil
                    )
                }
            }
        }
    }

    /// The host's mounts as PID 1 sees them, the way node_exporter finds them: `1/mountinfo`
    /// (what node_exporter 1.12 reads), else `1/mounts` (node_exporter 1.5), else this process's
    /// `self/mountinfo` or `mounts` when `hidepid` hides PID 1 (each version's fallback).
    public static func read(_ paths: HostPaths = HostPaths()) throws(HostMetricsError) -> [Mount] {
        let tables = tables(paths).map { table in
            (path: table.path, isMountInfo: table.isMountInfo, read: { () throws(HostMetricsError) in try FileReader.read(table.path) })
        }
        return try read(tables: tables, lines: nil)
    }

    /// The mount tables in the order they are tried, and whether each is a `mountinfo`.
    static func tables(_ paths: HostPaths) -> [(path: String, isMountInfo: Bool)] {
        [("1/mountinfo", true), ("1/mounts", false), ("self/mountinfo", true), ("mounts", false)].map { (paths.procfs($0.0), $0.1) }
    }

    /// The mounts of the first of `tables` that exists, keeping the mount of each line in
    /// `lines` from one read to the next.
    static func read(
        tables: [(path: String, isMountInfo: Bool, read: () throws(HostMetricsError) -> [UInt8])], lines: NameTable<FileBytes, Mount>?
    ) throws(HostMetricsError) -> [Mount] {
        var lastMissing = HostMetricsError.fileMissing(path: tables.last?.path ?? "mounts")
        for table in tables {
            let bytes: [UInt8]
            do {
                bytes = try table.read()
            } catch .fileMissing {
                lastMissing = .fileMissing(path: table.path)
                continue
            }
            return try table.isMountInfo
                ? parseMountInfo(bytes, path: table.path, lines: lines) : parseMounts(bytes, path: table.path, lines: lines)
        }
        throw lastMissing
    }

    /// The field with every `\ooo` octal escape decoded.
    static func decode(_ field: ArraySlice<UInt8>) -> String {
        guard field.contains(UInt8(ascii: "\\")) else { return field.text }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(field.count)
        var index = field.startIndex
        while index < field.endIndex {
            if field[index] == UInt8(ascii: "\\"), index + 3 < field.endIndex,
                let value = octal(field[(index + 1)...(index + 3)])
            {
                decoded.append(value)
                index += 4
            } else {
                decoded.append(field[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func octal(_ digits: ArraySlice<UInt8>) -> UInt8? {
        var value: UInt16 = 0
        for byte in digits {
            guard let digit = byte.digitValue, digit < 8 else { return nil }
            value = value * 8 + UInt16(digit)
        }
        return UInt8(exactly: value)
    }

    /// Whether `ro` is one of the comma-separated options.
    private static func hasReadOnly(_ options: String) -> Bool {
        // How much of "ro" the current option has matched so far; -1 once it cannot be "ro".
        var matched = 0
        for byte in options.utf8 {
            switch (matched, byte) {
            case (2, UInt8(ascii: ",")): return true
            case (_, UInt8(ascii: ",")): matched = 0
            case (0, UInt8(ascii: "r")): matched = 1
            case (1, UInt8(ascii: "o")): matched = 2
            default: matched = -1
            }
        }
        return matched == 2
    }
}
