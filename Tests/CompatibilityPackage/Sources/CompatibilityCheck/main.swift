import Alerting
import Foundation
import HostMetrics
import Logging
import Metrics
import MetricsServer
import Prometheus
import PrometheusMetrics
import StructuredLog

// Bootstraps swift-metrics with our factory, records through the swift-metrics API, and exits
// non-zero unless our registry exposes it.
let registry = PrometheusRegistry()
MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
Metrics.Counter(label: "compatibility.checks", dimensions: [("result", "ok")]).increment()
_ = Prometheus.PrometheusCollectorRegistry()

let exposition = String(decoding: registry.exposition(.prometheusText), as: UTF8.self)
print(exposition, terminator: "")
guard exposition.contains("compatibility_checks_total{result=\"ok\"} 1\n") else {
    print("the swift-metrics counter did not reach the registry")
    exit(1)
}
