"""Checks the example service's JSON logs against what Prometheus stored: every line of the
log is one JSON object with timestamp, level and message; every "request completed" line carries
request_id, method, path, status_code and duration_seconds; and every exemplar Prometheus
ingested (request-ID exemplars on http_request_duration_seconds buckets and on 5xx counts of
http_requests_total) names a request of the log, whose duration fits its bucket and whose status
is the one counted.

usage: service_log_check.py PROMETHEUS_URL START_UNIX_SECONDS LOG_FILE
"""

import json
import sys
import time

import prometheus_api

REQUEST_FIELDS = ("request_id", "method", "path", "status_code", "duration_seconds")


def main():
    base, start, log = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    problems = []
    completed = {}
    lines = open(log, encoding="utf-8").read().splitlines()
    for number, line in enumerate(lines, 1):
        try:
            entry = json.loads(line)
        except ValueError as error:
            problems.append(f"line {number} is not JSON ({error}): {line[:200]}")
            continue
        if not isinstance(entry, dict) or not all(k in entry for k in ("timestamp", "level", "message")):
            problems.append(f"line {number} lacks timestamp, level or message: {line[:200]}")
            continue
        if entry["message"] == "request completed":
            missing = [k for k in REQUEST_FIELDS if k not in entry]
            if missing:
                problems.append(f"line {number} lacks {missing}: {line[:200]}")
            else:
                completed[entry["request_id"]] = entry

    now = time.time()
    def exemplars(selector):
        params = [("query", selector), ("start", f"{start:.3f}"), ("end", f"{now:.3f}")]
        return [(group["seriesLabels"], exemplar)
                for group in prometheus_api.get(base, "/api/v1/query_exemplars", params)
                for exemplar in group["exemplars"]]

    latency = exemplars('http_request_duration_seconds_bucket{job="app"}')
    errors = exemplars('http_requests_total{job="app",status=~"5.."}')
    if not latency:
        problems.append("Prometheus stored no exemplars of http_request_duration_seconds (is exemplar storage on?)")
    if not errors:
        problems.append("Prometheus stored no exemplars of 5xx http_requests_total")
    for series, exemplar in latency + errors:
        request_id = exemplar["labels"].get("request_id")
        entry = completed.get(request_id)
        if entry is None:
            problems.append(f"exemplar request_id {request_id!r} of {series} is not a request of the log")
            continue
        if "le" in series and float(exemplar["value"]) > float(series["le"]):
            problems.append(f"exemplar {exemplar} lies above its bucket le={series['le']}")
        if "status" in series and str(entry["status_code"]) != series["status"]:
            problems.append(f"exemplar {request_id} counted status {series['status']}, the log says {entry['status_code']}")

    for problem in problems[:20]:
        print(f"  FAILED {problem}")
    print(f"service log: {len(lines)} JSON lines, {len(completed)} requests; {len(latency)} latency and "
          f"{len(errors)} 5xx exemplars, each naming a logged request" if not problems else
          f"service log: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
