"""Writes the configuration the stack check runs: the committed prometheus/prometheus.yml and
prometheus/alertmanager.yml with only what a test run must change (loopback ports picked at run
time, short intervals, absolute rule paths, the webhook receiver's URL), plus extra jobs that
reuse a committed job's settings under another name (the Node Exporter Full comparison).

usage: render_configs.py --repo DIR --out DIR --interval SECONDS --alertmanager HOST:PORT
         --webhook-url URL --target JOB=HOST:PORT... [--extra-job NAME=LIKE_JOB=HOST:PORT...]
"""

import argparse
import copy
import os
import sys

import yaml


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--interval", required=True, help="scrape and evaluation interval, in seconds")
    parser.add_argument("--alertmanager", required=True)
    parser.add_argument("--webhook-url", required=True)
    parser.add_argument("--target", action="append", default=[], metavar="JOB=HOST:PORT")
    parser.add_argument("--extra-job", action="append", default=[], metavar="NAME=LIKE_JOB=HOST:PORT")
    args = parser.parse_args()
    assets = os.path.join(args.repo, "prometheus")

    with open(os.path.join(assets, "prometheus.yml")) as committed:
        prometheus = yaml.safe_load(committed)
    interval = f"{args.interval}s"
    prometheus["global"]["scrape_interval"] = interval
    prometheus["global"]["evaluation_interval"] = interval
    prometheus["rule_files"] = [os.path.join(assets, path) for path in prometheus["rule_files"]]
    prometheus["alerting"]["alertmanagers"] = [{"static_configs": [{"targets": [args.alertmanager]}]}]
    targets = dict(pair.split("=", 1) for pair in args.target)
    jobs = {job["job_name"]: job for job in prometheus["scrape_configs"]}
    if set(jobs) != set(targets):
        sys.exit(f"render_configs: the committed jobs are {sorted(jobs)}, but targets were given for {sorted(targets)}")
    for name, job in jobs.items():
        job["static_configs"] = [{"targets": [targets[name]]}]
    for extra in args.extra_job:
        name, like, target = extra.split("=", 2)
        job = copy.deepcopy(jobs[like])
        job["job_name"] = name
        job["static_configs"] = [{"targets": [target]}]
        prometheus["scrape_configs"].append(job)

    with open(os.path.join(assets, "alertmanager.yml")) as committed:
        alertmanager = yaml.safe_load(committed)
    alertmanager["route"]["group_wait"] = "1s"
    alertmanager["route"]["group_interval"] = "2s"
    for receiver in alertmanager["receivers"]:
        for webhook in receiver.get("webhook_configs", []):
            webhook["url"] = args.webhook_url

    for name, config in (("prometheus.yml", prometheus), ("alertmanager.yml", alertmanager)):
        with open(os.path.join(args.out, name), "w") as out:
            yaml.safe_dump(config, out, sort_keys=False)


if __name__ == "__main__":
    main()
