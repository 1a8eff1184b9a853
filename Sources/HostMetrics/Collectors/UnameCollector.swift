import Logging
import PrometheusMetrics

/// node_exporter's `uname` collector: `node_uname_info`, the kernel's identification, which the
/// popular dashboards use to pick a host.
struct UnameCollector: Collector {
    static let name = "uname"

    init(configuration: NodeCollector.Configuration, logger: Logger) {}

    func read() throws(HostMetricsError) -> Uname {
        try Uname.current()
    }

    func collect(_ uname: Uname, into families: inout [CollectedFamily]) {
        families.append(CollectedFamily(
            name: "node_uname_info",
            help: "Labeled system information as provided by the uname system call.",
            type: .gauge,
            metrics: [
                CollectedMetric(labels: [
                    ("domainname", uname.domainname), ("machine", uname.machine), ("nodename", uname.nodename),
                    ("release", uname.release), ("sysname", uname.sysname), ("version", uname.version),
                ], value: 1)
            ]
        ))
    }
}
