import Logging
import PrometheusMetrics

/// node_exporter's `filefd` collector: the kernel's allocated and maximum file handles from
/// `/proc/sys/fs/file-nr`.
struct FileFDCollector: Collector {
    static let name = "filefd"

    private let file: KeptFile

    init(configuration: NodeCollector.Configuration, logger: Logger) {
        file = KeptFile(configuration.paths.procfs("sys/fs/file-nr"))
    }

    func read() throws(HostMetricsError) -> FileNr {
        try FileNr(parsing: file.read(), path: file.path)
    }

    func collect(_ fileNr: FileNr, into families: inout [CollectedFamily]) {
        families.append(CollectedFamily(
            name: "node_filefd_allocated", help: "File descriptor statistics: allocated.", type: .gauge, value: Double(fileNr.allocated)
        ))
        families.append(CollectedFamily(
            name: "node_filefd_maximum", help: "File descriptor statistics: maximum.", type: .gauge, value: Double(fileNr.maximum)
        ))
    }
}
