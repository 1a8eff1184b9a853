"""Fails when a collector that works for node_exporter on this host fails in our exporter.

Both expose `node_scrape_collector_success{collector}` (1 or 0). A collector may fail for both
(no systemd, no adjtimex in a container); one that node_exporter, on the same host, runs
successfully must succeed in ours too. This caught the timex collector failing only in the
statically linked deployment build.

usage: collector_success_check.py OURS_URL NODE_EXPORTER_URL
"""

import sys
import urllib.request

from prometheus_client.parser import text_string_to_metric_families


def collector_success(url):
    """{collector: succeeded} from one scrape."""
    with urllib.request.urlopen(url, timeout=30) as response:
        text = response.read().decode()
    return {
        sample.labels["collector"]: sample.value == 1
        for family in text_string_to_metric_families(text)
        if family.name == "node_scrape_collector_success"
        for sample in family.samples
    }


def main():
    ours, reference = (collector_success(url) for url in sys.argv[1:3])
    both = sorted(set(ours) & set(reference))
    failing = [name for name in both if reference[name] and not ours[name]]
    print(f"{len(both)} collectors in both: {sum(ours[name] for name in both)} succeed in ours, "
          f"{sum(reference[name] for name in both)} in node_exporter")
    if failing:
        print("failing in ours only: " + ", ".join(failing))
        sys.exit(1)


if __name__ == "__main__":
    main()
