import Glibc

/// The kernel's identification from uname(2) (node_exporter's `node_uname_info`).
public struct Uname: Sendable, Hashable {
    /// `sysname`: `Linux`.
    public var sysname: String
    /// `nodename`: the host name.
    public var nodename: String
    /// `release`: the kernel release, such as `6.1.0-18-amd64`.
    public var release: String
    /// `version`: the kernel build, such as `#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1`.
    public var version: String
    /// `machine`: the hardware, such as `x86_64`.
    public var machine: String
    /// `domainname`: the NIS domain name, `(none)` when unset.
    public var domainname: String

    /// Calls uname(2). It reads the kernel, not a file, so the configured paths do not apply.
    public static func current() throws(HostMetricsError) -> Uname {
        var name = utsname()
        guard uname(&name) == 0 else { throw .systemCallFailed(call: "uname", path: "", errno: errno) }
        return Uname(
            sysname: field(&name.sysname), nodename: field(&name.nodename), release: field(&name.release),
            version: field(&name.version), machine: field(&name.machine), domainname: field(&name.__domainname)
        )
    }

    /// A NUL-terminated `char[65]` field as text.
    private static func field<Field>(_ value: inout Field) -> String {
        withUnsafeBytes(of: &value) { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return String(decoding: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)], as: UTF8.self)
        }
    }
}
