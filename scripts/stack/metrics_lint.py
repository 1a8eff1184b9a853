"""Runs `promtool check metrics` on live /metrics endpoints.

promtool exits 0 when an exposition is clean, 1 when it does not parse and 3 when it parses but
has lint problems. An endpoint given with --strict must exit 0. One given with --node-exporter
may exit 3 only when every problem is about a metric name that node_exporter itself (the
--reference endpoint, Debian's prometheus-node-exporter on the same host) exposes: an exporter
that copies node_exporter's names (node_memory_MemTotal_bytes is not snake_case) inherits its
lint.

usage: metrics_lint.py [--strict URL]... [--node-exporter URL --reference URL]
"""

import argparse
import subprocess
import sys
import urllib.request


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def check(url):
    """promtool's exit status and its lint lines for the exposition at `url`."""
    result = subprocess.run(["promtool", "check", "metrics"], input=fetch(url), capture_output=True)
    lines = (result.stdout + result.stderr).decode().splitlines()
    return result.returncode, [line for line in lines if line.strip()]


def metric_names(url):
    names = set()
    for line in fetch(url).decode().splitlines():
        if line.startswith("# HELP ") or line.startswith("# TYPE "):
            names.add(line.split()[2])
    return names


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--strict", action="append", default=[])
    parser.add_argument("--node-exporter")
    parser.add_argument("--reference")
    args = parser.parse_args()
    failed = False

    for url in args.strict:
        status, lines = check(url)
        print(f"promtool check metrics {url}: exit {status}" + "".join(f"\n  {line}" for line in lines))
        failed |= status != 0

    if args.node_exporter:
        status, lines = check(args.node_exporter)
        reference_status, reference_lines = check(args.reference)
        print(f"promtool check metrics {args.node_exporter}: exit {status}, {len(lines)} lint lines "
              f"(node_exporter itself, {args.reference}: exit {reference_status}, {len(reference_lines)} lint lines)")
        if status == 3:
            inherited = metric_names(args.reference)
            own = [line for line in lines if line.split()[0] not in inherited]
            for line in own:
                print(f"  not a node_exporter name: {line}")
            failed |= bool(own)
        else:
            for line in lines:
                print(f"  {line}")
            failed |= status != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
