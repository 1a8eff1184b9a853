#!/usr/bin/env bash
# Integration check of the Alerting module against a real Prometheus Alertmanager (Debian's
# prometheus-alertmanager) on loopback: our AlertmanagerHandler posts a firing alert, then its
# resolve; Alertmanager must deliver both to a webhook receiver, carrying our labels and the
# fingerprint of them. Everything started here is stopped by PID on exit.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

if ! command -v prometheus-alertmanager >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update
    $sudo apt-get install -y prometheus-alertmanager
fi

# A scratch path of its own each run: SwiftPM keeps a stale build plan when files of a path
# dependency move, and a fresh build of the sender takes only seconds.
echo "== building scripts/alert-sender"
build=(swift build --package-path "$root/scripts/alert-sender" --scratch-path "$work/build")
"${build[@]}" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
sender="$("${build[@]}" --show-bin-path)/alert-sender"

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The webhook receiver: appends each body to received.jsonl and answers 200.
cat >"$work/receiver.py" <<'PY'
import http.server, json, sys

class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(sys.argv[2], "a") as out:
            out.write(json.dumps(json.loads(body)) + "\n")
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass

server = http.server.HTTPServer(("127.0.0.1", 0), Receiver)
with open(sys.argv[1], "w") as out:
    out.write(str(server.server_address[1]))
server.serve_forever()
PY
python3 "$work/receiver.py" "$work/receiver.port" "$work/received.jsonl" &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/receiver.port" ] && break; sleep 0.05; done
receiver_port=$(cat "$work/receiver.port")

am_port=$(free_port)
cat >"$work/alertmanager.yml" <<YAML
route:
  receiver: hook
  group_by: ['alertname']
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: hook
    webhook_configs:
      - url: http://127.0.0.1:$receiver_port/hook
        send_resolved: true
YAML
prometheus-alertmanager --config.file="$work/alertmanager.yml" --storage.path="$work/data" \
    --web.listen-address="127.0.0.1:$am_port" --cluster.listen-address= --log.level=warn \
    >"$work/alertmanager.log" 2>&1 &
pids+=($!)
ready=""
for _ in $(seq 100); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$am_port/-/ready', timeout=1)" 2>/dev/null; then
        ready=yes
        break
    fi
    sleep 0.1
done
[ -n "$ready" ] || { echo "Alertmanager did not become ready:"; cat "$work/alertmanager.log"; exit 1; }

run_id="run-$$-$RANDOM"
starts_at=$(date +%s)

# Waits until a webhook body carries our alert in `status`, and checks its labels and fingerprint.
expect_delivery() {
    python3 - "$work/received.jsonl" "$run_id" "$1" <<'PY'
import json, sys, time

path, run_id, status = sys.argv[1:]
expected = {"alertname": "ToolkitIntegrationCheck", "run_id": run_id, "service": "alert-sender", "severity": "warning"}

def fingerprint(labels):
    value = 14695981039346656037
    for name in sorted(labels):
        for part in (name, labels[name]):
            for byte in part.encode() + b"\xff":
                value = ((value ^ byte) * 1099511628211) % 2**64
    return "%016x" % value

deadline = time.time() + 30
while time.time() < deadline:
    try:
        lines = open(path).read().splitlines()
    except FileNotFoundError:
        lines = []
    for line in lines:
        for alert in json.loads(line)["alerts"]:
            if alert["labels"].get("run_id") == run_id and alert["status"] == status:
                assert alert["labels"] == expected, alert["labels"]
                assert alert["fingerprint"] == fingerprint(expected), alert["fingerprint"]
                assert alert["annotations"].get("runbook_url") == "https://example.invalid/runbook", alert["annotations"]
                print("received %s %s with labels %s" % (status, alert["fingerprint"], json.dumps(alert["labels"], sort_keys=True)))
                sys.exit(0)
    time.sleep(0.2)
print("no %s alert with run_id %s arrived; received:\n%s" % (status, run_id, "\n".join(lines)))
sys.exit(1)
PY
}

echo "== firing"
"$sender" "http://127.0.0.1:$am_port" "$run_id" "$starts_at" firing
expect_delivery firing || { cat "$work/alertmanager.log"; exit 1; }

echo "== resolved"
"$sender" "http://127.0.0.1:$am_port" "$run_id" "$starts_at" resolved
expect_delivery resolved || { cat "$work/alertmanager.log"; exit 1; }

echo "alertmanager-check: OK"
