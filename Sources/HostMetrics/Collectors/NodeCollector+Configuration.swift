extension NodeCollector {
    /// What node_exporter's command-line flags decide: where the host is, which collectors run,
    /// and their options. Every default is node_exporter 1.5.0's.
    public struct Configuration: Sendable {
        /// Where procfs, sysfs, the root filesystem and the udev database are
        /// (`--path.procfs`, `--path.sysfs`, `--path.rootfs`, `--path.udev.data`).
        public var paths: HostPaths
        /// The names of the collectors to run (`--collector.<name>`); node_exporter's default set
        /// unless given.
        public var collectors: Set<String>
        /// `--collector.arp.device-exclude` / `-include`.
        public var arpDevices = DeviceFilter.all
        /// `--collector.cpu.guest`: publish `node_cpu_guest_seconds_total`.
        public var cpuGuest = true
        /// `--collector.cpu.info`: publish `node_cpu_info` from `/proc/cpuinfo`.
        public var cpuInfo = false
        /// `--collector.cpu.info.flags-include`: the CPU flags to publish as
        /// `node_cpu_flag_info` (implies `cpuInfo`); none when nil.
        public var cpuInfoFlagsInclude: String?
        /// `--collector.cpu.info.bugs-include`: the CPU bugs to publish as `node_cpu_bug_info`
        /// (implies `cpuInfo`); none when nil.
        public var cpuInfoBugsInclude: String?
        /// `--collector.diskstats.device-exclude` / `-include`.
        public var diskstatsDevices = DeviceFilter.diskstatsDefault
        /// `--collector.filesystem.mount-points-exclude`.
        public var filesystemMountPointsExclude = #"^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)"#
        /// `--collector.filesystem.fs-types-exclude`.
        public var filesystemFSTypesExclude =
            "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|sysfs|tracefs)$"
        /// `--collector.filesystem.mount-timeout`: how long statfs may take before the mount is
        /// reported with `node_filesystem_device_error 1` and skipped until the call returns.
        public var filesystemMountTimeout: Duration = .seconds(5)
        /// `--collector.netclass.ignored-devices`: the interfaces netclass leaves out.
        public var netclassIgnoredDevices = "^$"
        /// `--collector.netclass.ignore-invalid-speed`: leave out `node_network_speed_bytes` of
        /// interfaces whose speed is unknown (-1) instead of publishing it negative.
        public var netclassIgnoresInvalidSpeed = false
        /// `--collector.netdev.device-exclude` / `-include`.
        public var netdevDevices = DeviceFilter.all
        /// `--collector.netdev.netlink`: node_exporter's default mode, whose counters include
        /// `node_network_receive_nohandler_total` (read here from sysfs); false reads
        /// `/proc/net/dev` alone, as `--no-collector.netdev.netlink`.
        public var netdevNetlink = true
        /// `--collector.netstat.fields`: the `Protocol_Counter` names to publish.
        public var netstatFields =
            "^(.*_(InErrors|InErrs)|Ip_Forwarding|Ip(6|Ext)_(InOctets|OutOctets)|Icmp6?_(InMsgs|OutMsgs)|TcpExt_(Listen.*|Syncookies.*|TCPSynRetrans|TCPTimeouts)|Tcp_(ActiveOpens|InSegs|OutSegs|OutRsts|PassiveOpens|RetransSegs|CurrEstab)|Udp6?_(InDatagrams|OutDatagrams|NoPorts|RcvbufErrors|SndbufErrors))$"
        /// `--collector.stat.softirq`: publish `node_softirqs_total` per vector.
        public var statSoftIRQ = false
        /// `--collector.textfile.directory`: where the `*.prom` files are (a glob may name several
        /// directories); empty, the default, reads none.
        public var textfileDirectory = ""
        /// `--collector.vmstat.fields`: the `/proc/vmstat` fields to publish.
        public var vmstatFields = "^(oom_kill|pgpg|pswp|pg.*fault).*"

        /// node_exporter's defaults, reading the host at `paths`.
        public init(paths: HostPaths = HostPaths(), collectors: Set<String> = NodeCollector.defaultCollectors) {
            self.paths = paths
            self.collectors = collectors
        }
    }
}
