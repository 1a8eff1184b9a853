#!/usr/bin/env python3
"""Scrapes two running exporters alternately and prints, for each, the scrape latency (median,
p99), the CPU seconds per scrape (utime + stime deltas from /proc/PID/stat), the resident memory
(VmRSS, and RssAnon: its own memory without shared code pages), the bytes per response and the series count, then the ratios of the first to the second.

Used by Benchmarks/exporter-benchmark.sh; runnable on its own against any two exporters:
    exporter_benchmark.py --scrapes 500 ours=PORT:PID node_exporter=PORT:PID
"""
import argparse
import gzip
import http.client
import os
import statistics
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Exporter:
    def __init__(self, spec):
        self.name, address = spec.split("=", 1)
        port, pid = address.split(":")
        self.port, self.pid = int(port), int(pid)
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        self.latencies = []
        self.sizes = []
        self.body = b""

    def cpu_seconds(self):
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime

    def rss_bytes(self, field="VmRSS"):
        """VmRSS (all resident pages), or RssAnon (the process' own memory, without the
        file-backed code pages it shares with the page cache)."""
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
        raise RuntimeError(f"no {field} for PID {self.pid}")

    def scrape(self, path, record, headers):
        start = time.perf_counter()
        self.connection.request("GET", path, headers=headers)
        response = self.connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - start
        if response.status != 200:
            raise RuntimeError(f"{self.name}: HTTP {response.status}: {body[:200]!r}")
        if record:
            self.latencies.append(elapsed)
            self.sizes.append(len(body))
            self.body = body


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scrapes", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--path", default="/metrics")
    parser.add_argument("--gzip", action="store_true", help="ask for gzip, as Prometheus does")
    parser.add_argument("exporters", nargs=2, metavar="NAME=PORT:PID")
    options = parser.parse_args()
    exporters = [Exporter(spec) for spec in options.exporters]
    headers = {"Accept-Encoding": "gzip"} if options.gzip else {}

    for _ in range(options.warmup):
        for exporter in exporters:
            exporter.scrape(options.path, False, headers)
    cpu_before = [exporter.cpu_seconds() for exporter in exporters]
    # Alternate, so that both see the same noise from the rest of the machine.
    for _ in range(options.scrapes):
        for exporter in exporters:
            exporter.scrape(options.path, True, headers)
    cpu_after = [exporter.cpu_seconds() for exporter in exporters]

    results = []
    for exporter, before, after in zip(exporters, cpu_before, cpu_after):
        body = gzip.decompress(exporter.body) if options.gzip else exporter.body
        series = sum(1 for line in body.split(b"\n") if line and not line.startswith(b"#"))
        results.append({
            "median_ms": statistics.median(exporter.latencies) * 1e3,
            "p99_ms": percentile(exporter.latencies, 0.99) * 1e3,
            "cpu_ms_per_scrape": (after - before) / options.scrapes * 1e3,
            "rss_mb": exporter.rss_bytes() / 1e6,
            "anon_mb": exporter.rss_bytes("RssAnon") / 1e6,
            "bytes": statistics.median(exporter.sizes),
            "series": series,
        })

    with open("/proc/loadavg") as loadavg:
        load = " ".join(loadavg.read().split()[:3])
    encoding = "gzip" if options.gzip else "uncompressed"
    print(f"{options.scrapes} scrapes each ({encoding}), alternating, after {options.warmup} warm-up scrapes; load average {load}")
    columns = [
        ("median latency (ms)", "median_ms", "{:.2f}"), ("p99 latency (ms)", "p99_ms", "{:.2f}"),
        ("CPU per scrape (ms)", "cpu_ms_per_scrape", "{:.3f}"), ("RSS (MB)", "rss_mb", "{:.1f}"),
        ("  of which RssAnon (MB)", "anon_mb", "{:.1f}"),
        ("bytes per response", "bytes", "{:.0f}"), ("series", "series", "{:.0f}"),
    ]
    names = [exporter.name for exporter in exporters]
    print(f"{'':24}" + "".join(f"{name:>16}" for name in names) + f"{'ratio':>10}")
    for title, key, spelling in columns:
        values = [result[key] for result in results]
        ratio = values[0] / values[1] if values[1] else float("nan")
        print(f"{title:24}" + "".join(f"{spelling.format(value):>16}" for value in values) + f"{ratio:>10.2f}")


if __name__ == "__main__":
    main()
