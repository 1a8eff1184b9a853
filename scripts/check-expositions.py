#!/usr/bin/env python3
"""Reads back every exposition the Swift tests saved (EXPOSITION_DUMP_DIR) with the real tools.

For each NAME.prom: `promtool check metrics` must accept it (exit 0; lint findings, exit 3, only
for files listed in LINT_TOLERATED, whose names come from third-party instrumentation), and
prometheus_client's text parser must read it. For each NAME.om: prometheus_client's OpenMetrics
parser must read it. Where both exist, they must hold the same samples and values; where
NAME.samples.json exists (written by the tests from what they recorded), the parsed text must
hold exactly those samples.
"""
import json
import math
import pathlib
import subprocess
import sys

from prometheus_client.openmetrics.parser import text_string_to_metric_families as parse_openmetrics
from prometheus_client.parser import text_string_to_metric_families as parse_text

LINT_TOLERATED = {"swift-metrics-misuse"}


def canonical(name, value):
    """`le` and `quantile` are spelled differently by the two formats (`1` and `1.0`)."""
    return repr(float(value)) if name in ("le", "quantile") else value


def samples(families, skip_created):
    result = {}
    for family in families:
        for sample in family.samples:
            if skip_created and sample.name.endswith("_created"):
                continue
            labels = tuple(sorted((name, canonical(name, value)) for name, value in sample.labels.items()))
            key = (sample.name, labels)
            if key in result:
                raise AssertionError(f"sample {key} appears twice")
            result[key] = sample.value
    return result


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == b


def compare(left, right, what):
    if left.keys() != right.keys():
        raise AssertionError(f"{what}: samples differ: {sorted(set(left) ^ set(right))}")
    for key, value in left.items():
        if not same(value, right[key]):
            raise AssertionError(f"{what}: {key} is {value} and {right[key]}")


def main(directory):
    root = pathlib.Path(directory)
    names = sorted({path.name.split(".")[0] for path in root.iterdir()})
    if not names:
        print(f"no expositions in {root}: did the tests run with EXPOSITION_DUMP_DIR set?")
        return 1
    failures = 0
    for name in names:
        text_path, om_path, expected_path = root / f"{name}.prom", root / f"{name}.om", root / f"{name}.samples.json"
        try:
            parsed_text = parsed_om = None
            if text_path.exists():
                check = subprocess.run(["promtool", "check", "metrics"], stdin=text_path.open("rb"), capture_output=True, text=True)
                if check.returncode not in ((0, 3) if name in LINT_TOLERATED else (0,)):
                    raise AssertionError(f"promtool check metrics exited {check.returncode}: {check.stdout}{check.stderr}")
                parsed_text = samples(parse_text(text_path.read_bytes().decode("utf-8")), skip_created=False)
            if om_path.exists():
                parsed_om = samples(parse_openmetrics(om_path.read_bytes().decode("utf-8")), skip_created=True)
            if parsed_text is not None and parsed_om is not None:
                compare(parsed_text, parsed_om, "text vs OpenMetrics")
            if expected_path.exists():
                expected = {
                    (entry["name"], tuple(sorted((k, canonical(k, v)) for k, v in entry["labels"].items()))): float(entry["value"])
                    for entry in json.loads(expected_path.read_text(encoding="utf-8"))
                }
                compare(parsed_text if parsed_text is not None else parsed_om, expected, "parsed vs recorded")
            count = len(parsed_text if parsed_text is not None else parsed_om)
            print(f"ok   {name}: {count} samples")
        except Exception as error:  # report every file, then fail
            failures += 1
            print(f"FAIL {name}: {error}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
