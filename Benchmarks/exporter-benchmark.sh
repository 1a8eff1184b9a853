#!/usr/bin/env bash
# Runs our metrics-exporter and Debian's prometheus-node-exporter 1.5.0 side by side on 127.0.0.1
# with the same collectors and filters, scrapes each SCRAPES times (alternating) and prints
# latency, CPU per scrape, RSS, bytes per response, series and the ratios, once uncompressed and
# once with gzip (as Prometheus asks).
#
#   Benchmarks/exporter-benchmark.sh [SCRAPES] [defaults]      (default 500)
#
# It measures the deployment build (scripts/build-exporter.sh), or the binary in $EXPORTER, such as
# a plain `swift build -c release`.
#
# By default both run the 15 /proc collectors of the first comparison, with /proc/net/dev for
# netdev; with `defaults`, every collector node_exporter 1.5.0 enables by default that both have
# (23), each in its default mode (netdev over netlink, textfiles from no directory).
#
# Needs: apt-get install -y prometheus-node-exporter; python3.
set -euo pipefail

scrapes="${1:-500}"
set_of_collectors="${2:-proc}"
repository="$(cd "$(dirname "$0")/.." && pwd)"
node_exporter="$(command -v prometheus-node-exporter || command -v node_exporter || true)"
if [[ -z "$node_exporter" ]]; then
    echo "prometheus-node-exporter is not installed: apt-get install -y prometheus-node-exporter" >&2
    exit 1
fi

if [[ -n "${EXPORTER:-}" ]]; then
    ours="$EXPORTER"
else
    echo "Building metrics-exporter for deployment (scripts/build-exporter.sh)…" >&2
    ours="$("$repository/scripts/build-exporter.sh")"
fi

# A free loopback port: bind port 0 and read what the kernel chose.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The collectors both run, with upstream 1.5.0's filters spelled out (Debian's build changes some
# defaults).
collectors=(cpu diskstats filefd filesystem loadavg meminfo netdev netstat os pressure sockstat stat time uname vmstat)
if [[ "$set_of_collectors" == defaults ]]; then
    collectors+=(arp conntrack entropy netclass softnet textfile timex udp_queues)
fi
flags=(--collector.disable-defaults)
for collector in "${collectors[@]}"; do flags+=("--collector.$collector"); done
flags+=(
    "--collector.filesystem.mount-points-exclude=^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)(\$|/)"
    "--collector.netdev.device-exclude="
)
if [[ "$set_of_collectors" == defaults ]]; then
    flags+=("--collector.textfile.directory=")
else
    flags+=("--no-collector.netdev.netlink")
fi

ours_port="$(free_port)"
theirs_port="$(free_port)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

"$ours" "${flags[@]}" --web.listen-address="127.0.0.1:$ours_port" 2>/dev/null &
pids+=("$!"); ours_pid="$!"
"$node_exporter" "${flags[@]}" --web.listen-address="127.0.0.1:$theirs_port" 2>/dev/null &
pids+=("$!"); theirs_pid="$!"

for port in "$ours_port" "$theirs_port"; do
    for _ in $(seq 100); do
        python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.1).close()" 2>/dev/null && break
        sleep 0.1
    done
done

for encoding in "" --gzip; do
    python3 "$repository/Benchmarks/scripts/exporter_benchmark.py" --scrapes "$scrapes" $encoding \
        "metrics-exporter=$ours_port:$ours_pid" "node_exporter=$theirs_port:$theirs_pid"
    echo
done
