#!/usr/bin/env bash
# The stack check: proves prometheus/, grafana/ and Examples/ against a real Prometheus and
# Alertmanager on loopback.
#
# It starts the toolkit's metrics-exporter, Debian's prometheus-node-exporter (for comparison),
# the example service, a webhook receiver, Alertmanager and Prometheus (with exemplar storage),
# all on 127.0.0.1 with temporary storage, drives load through Examples/load.py, and fails
# unless:
#   - promtool check config, check rules and test rules pass on prometheus/, and amtool
#     check-config on prometheus/alertmanager.yml; the rendered test configs pass too;
#   - promtool check metrics passes on the example service (exit 0) and on the exporter (exit 0,
#     or 3 when every lint problem is about a name node_exporter itself exposes);
#   - every collector that succeeds for node_exporter on this host succeeds for our exporter;
#   - every target is up with no failed scrape and no rejected sample during the run;
#   - every response of the load carried the right X-Request-ID;
#   - every panel query of grafana/dashboards/*.json evaluates without error and returns data,
#     and the dashboards follow the toolkit's rules (data source uid, units, legends,
#     $__rate_interval);
#   - the service's JSON logs parse, and every exemplar Prometheus stored names a logged request;
#   - the example service's in-process HighServerErrorRatio alert reaches the webhook through
#     Alertmanager, firing and then resolved;
#   - the Node Exporter Full dashboard returns data for no fewer queries against our exporter
#     than against node_exporter (both counts are printed).
# Everything it starts it stops by PID on exit. Usage: bash scripts/stack-check.sh; with
# EXPORTER=/path/to/metrics-exporter it runs that binary (CI: the deployment build) instead of a
# debug build.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
helpers="$root/scripts/stack"
work=$(mktemp -d)
interval=2          # scrape and rule evaluation interval of the test run, seconds
load_seconds=40
started_at=$(date +%s)
pids=()
failures=()

cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [ "$status" -ne 0 ] || [ "${#failures[@]}" -ne 0 ]; then
        for log in "$work"/*.log; do
            [ -s "$log" ] || continue
            echo "--- last lines of $(basename "$log")"
            tail -n 10 "$log"
        done
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step() { echo; echo "== $*"; }

# Runs a named check; a failure is recorded and the remaining checks still run.
check() {
    local name=$1
    shift
    if ! "$@"; then
        failures+=("$name")
        echo "FAILED: $name"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts a process in the background with its output in $work/NAME.log and records its PID.
start() {
    local name=$1
    shift
    "$@" >"$work/$name.log" 2>&1 &
    pids+=($!)
}

wait_ready() {
    local name=$1 url=$2
    for _ in $(seq 150); do
        if python3 -c "import urllib.request; urllib.request.urlopen('$url', timeout=1)" 2>/dev/null; then
            return 0
        fi
        sleep 0.2
    done
    echo "$name did not answer $url within 30 s:"
    tail -n 30 "$work/$name.log"
    exit 1
}

step "tools"
missing=()
command -v promtool >/dev/null || missing+=(prometheus)
command -v prometheus-alertmanager >/dev/null || missing+=(prometheus-alertmanager)
command -v prometheus-node-exporter >/dev/null || missing+=(prometheus-node-exporter)
if [ "${#missing[@]}" -ne 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update
    $sudo apt-get install -y "${missing[@]}"
fi
python3 -c 'import yaml' 2>/dev/null || python3 -m pip install -q pyyaml
prometheus --version 2>&1 | head -n 1
prometheus-alertmanager --version 2>&1 | head -n 1
prometheus-node-exporter --version 2>&1 | head -n 1

step "static checks of prometheus/"
check "promtool check config" promtool check config "$root/prometheus/prometheus.yml"
check "promtool check rules" promtool check rules "$root"/prometheus/rules/*.yml
check "promtool test rules" bash -c 'cd "$1/prometheus" && promtool test rules tests/*.yml' _ "$root"
check "amtool check-config" amtool check-config "$root/prometheus/alertmanager.yml"

step "building metrics-exporter and the example service"
if [ -n "${EXPORTER:-}" ]; then
    exporter="$EXPORTER"
else
    swift build --package-path "$root" --product metrics-exporter >"$work/build-exporter.log" 2>&1 ||
        { cat "$work/build-exporter.log"; exit 1; }
    exporter="$(swift build --package-path "$root" --show-bin-path)/metrics-exporter"
fi
swift build --package-path "$root/Examples" --product example-service >"$work/build-example.log" 2>&1 ||
    { cat "$work/build-example.log"; exit 1; }
service="$(swift build --package-path "$root/Examples" --show-bin-path)/example-service"

step "starting the stack on 127.0.0.1"
start webhook python3 "$helpers/webhook_receiver.py" --out "$work/received.jsonl" --port-file "$work/webhook.port"
for _ in $(seq 100); do [ -s "$work/webhook.port" ] && break; sleep 0.05; done
webhook_url="http://127.0.0.1:$(cat "$work/webhook.port")/alerts"

exporter_port=$(free_port)
node_exporter_port=$(free_port)
service_port=$(free_port)
alertmanager_port=$(free_port)
prometheus_port=$(free_port)
prometheus_url="http://127.0.0.1:$prometheus_port"

mkdir -p "$work/config"
python3 "$helpers/render_configs.py" --repo "$root" --out "$work/config" --interval "$interval" \
    --alertmanager "127.0.0.1:$alertmanager_port" --webhook-url "$webhook_url" \
    --target "prometheus=127.0.0.1:$prometheus_port" --target "node=127.0.0.1:$exporter_port" \
    --target "app=127.0.0.1:$service_port" \
    --extra-job "node-exporter=node=127.0.0.1:$node_exporter_port"
check "promtool check config (test run)" promtool check config "$work/config/prometheus.yml"
check "amtool check-config (test run)" amtool check-config "$work/config/alertmanager.yml"

start alertmanager prometheus-alertmanager --config.file="$work/config/alertmanager.yml" \
    --storage.path="$work/alertmanager-data" --web.listen-address="127.0.0.1:$alertmanager_port" \
    --cluster.listen-address= --log.level=warn
start metrics-exporter "$exporter" --web.listen-address="127.0.0.1:$exporter_port"
start node-exporter prometheus-node-exporter --web.listen-address="127.0.0.1:$node_exporter_port"
start example-service "$service" --host 127.0.0.1 --port "$service_port" \
    --alertmanager-url "http://127.0.0.1:$alertmanager_port" \
    --rule-evaluation-interval "$interval" --error-ratio-for "$((2 * interval))" --flaky-failure-ratio 0.5
wait_ready alertmanager "http://127.0.0.1:$alertmanager_port/-/ready"
wait_ready metrics-exporter "http://127.0.0.1:$exporter_port/metrics"
wait_ready node-exporter "http://127.0.0.1:$node_exporter_port/metrics"
wait_ready example-service "http://127.0.0.1:$service_port/healthz"
start prometheus prometheus --config.file="$work/config/prometheus.yml" --storage.tsdb.path="$work/prometheus-data" \
    --web.listen-address="127.0.0.1:$prometheus_port" --enable-feature=exemplar-storage --log.level=warn
wait_ready prometheus "$prometheus_url/-/ready"
window_start=$(date +%s)

step "load: Examples/load.py for $load_seconds s"
check "load (request IDs echoed)" python3 "$root/Examples/load.py" --url "http://127.0.0.1:$service_port" \
    --duration "$load_seconds" --concurrency 4

step "alert from the example service through Alertmanager to the webhook"
check "HighServerErrorRatio firing at the webhook" python3 "$helpers/expect_alert.py" "$work/received.jsonl" firing 30 \
    alertname=HighServerErrorRatio service=example-service severity=critical
check "HighServerErrorRatio resolved at the webhook" python3 "$helpers/expect_alert.py" "$work/received.jsonl" resolved 30 \
    alertname=HighServerErrorRatio service=example-service severity=critical

step "promtool check metrics"
check "promtool check metrics" python3 "$helpers/metrics_lint.py" \
    --strict "http://127.0.0.1:$service_port/metrics" \
    --node-exporter "http://127.0.0.1:$exporter_port/metrics" --reference "http://127.0.0.1:$node_exporter_port/metrics"

check "collectors that succeed for node_exporter succeed for ours" python3 "$helpers/collector_success_check.py" \
    "http://127.0.0.1:$exporter_port/metrics" "http://127.0.0.1:$node_exporter_port/metrics"

step "targets and scrapes"
check "targets up, no failed scrapes" python3 "$helpers/targets_check.py" "$prometheus_url" "$window_start" "$interval" \
    prometheus node node-exporter app

step "service logs and exemplars"
check "service logs and exemplars" python3 "$helpers/service_log_check.py" "$prometheus_url" "$window_start" \
    "$work/example-service.log"

step "grafana/ dashboards: every panel query against Prometheus"
dashboard() {
    python3 "$helpers/dashboard_check.py" --prometheus "$prometheus_url" --scrape-interval "$interval" \
        --start "$window_start" "$@"
}
datasource_uid=$(python3 -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["datasources"][0]["uid"])' \
    "$root/grafana/provisioning/datasources/prometheus.yml")
check "grafana/dashboards/host.json" dashboard --dashboard "$root/grafana/dashboards/host.json" \
    --var job=node --lint "$datasource_uid" --require-data
check "grafana/dashboards/service.json" dashboard --dashboard "$root/grafana/dashboards/service.json" \
    --var job=app --lint "$datasource_uid" --require-data

step "Node Exporter Full: our exporter against node_exporter $(prometheus-node-exporter --version 2>&1 | awk 'NR == 1 {print $3}')"
full="$root/../shared/fixtures/grafana/node-exporter-full.json"
[ -f "$full" ] || { echo "missing $full (the shared fixtures belong next to the repository)"; exit 1; }
check "Node Exporter Full on metrics-exporter" dashboard --dashboard "$full" --var job=node \
    --label "metrics-exporter" --summary "$work/full-ours.json"
check "Node Exporter Full on node_exporter" dashboard --dashboard "$full" --var job=node-exporter \
    --label "node_exporter" --summary "$work/full-node-exporter.json"
check "Node Exporter Full: ours returns data for no fewer queries" python3 - "$work/full-ours.json" "$work/full-node-exporter.json" <<'PY'
import json, sys
ours, theirs = (json.load(open(path)) for path in sys.argv[1:])
print(f"Node Exporter Full queries with data: metrics-exporter {ours['data']} of {ours['total']}, "
      f"node_exporter {theirs['data']} of {theirs['total']}")
sys.exit(0 if ours["data"] >= theirs["data"] else 1)
PY

echo
if [ "${#failures[@]}" -ne 0 ]; then
    echo "stack-check: FAILED (${#failures[@]}): ${failures[*]}"
    exit 1
fi
echo "stack-check: OK in $(($(date +%s) - started_at)) s"
