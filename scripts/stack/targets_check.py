"""Fails unless every scrape target is up and no scrape failed during the run: each target
healthy with no last error, up == 1 at every scrape of the window, a scrape every interval or
so, samples in every scrape, and none of Prometheus' counters of rejected scrapes or samples
above 0.

usage: targets_check.py PROMETHEUS_URL START_UNIX_SECONDS SCRAPE_INTERVAL_SECONDS JOB...
"""

import sys
import time

import prometheus_api

FAILURE_COUNTERS = (
    'prometheus_target_scrapes_.+|prometheus_target_scrape_pool_exceeded_.+'
    '|prometheus_target_scrape_pools_failed_total|prometheus_target_scrape_pool_reloads_failed_total'
    '|prometheus_target_sync_failed_total'
)


def main():
    base, start, interval, jobs = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), set(sys.argv[4:])
    window = int(time.time() - start)
    problems = []

    targets = prometheus_api.get(base, "/api/v1/targets", [("state", "active")])["activeTargets"]
    seen = set()
    for target in targets:
        job, instance = target["labels"]["job"], target["labels"]["instance"]
        seen.add(job)
        print(f"  {job:12} {instance:22} {target['health']:5} last scrape {target['lastScrapeDuration'] * 1000:7.1f} ms"
              + (f"  error: {target['lastError']}" if target["lastError"] else ""))
        if target["health"] != "up" or target["lastError"]:
            problems.append(f"{job} {instance} is {target['health']}: {target['lastError']}")
    if seen != jobs:
        problems.append(f"the targets' jobs are {sorted(seen)}, expected {sorted(jobs)}")

    def instant(expr):
        return prometheus_api.query(base, expr)

    for series in instant(f"min_over_time(up[{window}s]) < 1"):
        problems.append(f"{series['metric']['job']} {series['metric']['instance']} had a failed scrape (up == 0) during the run")
    expected = window / interval
    for series in instant(f"count_over_time(up[{window}s])"):
        scrapes = float(series["value"][1])
        if scrapes < expected / 2:
            problems.append(f"{series['metric']['job']}: {scrapes:g} scrapes in {window} s, expected about {expected:.0f}")
    for series in instant("scrape_samples_scraped == 0"):
        problems.append(f"{series['metric']['job']} {series['metric']['instance']}: a scrape returned no samples")
    counters = instant(f'{{__name__=~"{FAILURE_COUNTERS}"}}')
    if not counters:
        problems.append("Prometheus' own prometheus_target_scrapes_* counters are missing (is it scraping itself?)")
    for series in counters:
        if float(series["value"][1]) > 0:
            problems.append(f"{series['metric']['__name__']} {series['metric']} = {series['value'][1]}")

    total = int(sum(float(s["value"][1]) for s in instant(f"sum(count_over_time(up[{window}s]))")))
    for problem in problems:
        print(f"  FAILED {problem}")
    print(f"targets: {len(targets)} up, {total} scrapes in {window} s, {len(counters)} scrape failure counters all 0"
          if not problems else f"targets: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
