"""Runs every panel query of a Grafana dashboard against a live Prometheus, as Grafana would, and
counts the queries that return data, return nothing, or fail.

Template variables are resolved as Grafana resolves them (label_values() through the series API,
the first value in Grafana's sort order, "All" where a variable includes it), unless given with
--var; Grafana's built-in variables get values from the time window and the scrape interval:
$__interval is the scrape interval (Grafana's minimum step), $__rate_interval
max($__interval + scrape interval, 4 x scrape interval), $__range the window. Hidden queries are
skipped, as Grafana skips them.

With --lint, the dashboard must also follow the toolkit's rules: every panel on the provisioned
data source uid, a unit on every panel, a legend on every query, and range selectors only
[$__rate_interval] or [$__range]. With --require-data, every query must return data.

Exit status: 0 when the requirements hold, 1 otherwise. --summary writes the counts as JSON.
"""

import argparse
import json
import re
import sys
import time

import prometheus_api

VARIABLE = re.compile(r"\$\{(\w+)(?::[^}]*)?\}|\$(\w+)|\[\[(\w+)\]\]")
RANGE_SELECTOR = re.compile(r"\[([^\]]*)\]")
LABEL_VALUES = re.compile(r"^\s*label_values\(\s*(?:(.*),\s*)?(\w+)\s*\)\s*$", re.S)


def panels(dashboard):
    """Every panel, rows' nested panels included, rows themselves excluded."""
    def walk(items):
        for panel in items:
            if panel.get("type") == "row":
                yield from walk(panel.get("panels", []))
            else:
                yield panel
    yield from walk(dashboard.get("panels", []))


def interpolate(text, values):
    def substitute(match):
        name = match.group(1) or match.group(2) or match.group(3)
        if name not in values:
            raise KeyError(f"unknown variable ${name}")
        return values[name]
    return VARIABLE.sub(substitute, text)


def resolve_variables(dashboard, base, builtins, given):
    values = dict(builtins)
    for variable in dashboard.get("templating", {}).get("list", []):
        name, kind = variable["name"], variable.get("type")
        if name in given:
            values[name] = given[name]
        elif kind == "datasource":
            continue
        elif kind == "query":
            query = variable.get("query")
            query = query.get("query", "") if isinstance(query, dict) else query
            match = LABEL_VALUES.match(interpolate(query, values))
            if not match:
                raise ValueError(f"variable ${name}: only label_values() queries are supported, not {query!r}")
            selector, label = match.group(1), match.group(2)
            if selector:
                series = prometheus_api.get(base, "/api/v1/series", [("match[]", selector)])
                options = sorted({s[label] for s in series if label in s})
            else:
                options = sorted(prometheus_api.get(base, f"/api/v1/label/{label}/values"))
            if not options:
                raise ValueError(f"variable ${name}: {query} has no values")
            if variable.get("includeAll"):
                values[name] = variable.get("allValue") or "(" + "|".join(re.escape(o) for o in options) + ")"
            else:
                values[name] = options[0]
        elif kind in ("custom", "constant", "textbox"):
            values[name] = str(variable.get("query", ""))
        else:
            raise ValueError(f"variable ${name}: type {kind} is not supported")
    return values


def lint(dashboard, datasource_uid):
    problems = []
    for panel in panels(dashboard):
        title = panel.get("title", f"panel {panel.get('id')}")
        if (panel.get("datasource") or {}).get("uid") != datasource_uid:
            problems.append(f"{title}: data source uid is not {datasource_uid!r}")
        if not panel.get("fieldConfig", {}).get("defaults", {}).get("unit"):
            problems.append(f"{title}: no unit")
        for target in panel.get("targets", []):
            ref = target.get("refId", "?")
            if (target.get("datasource") or {}).get("uid", datasource_uid) != datasource_uid:
                problems.append(f"{title} {ref}: data source uid is not {datasource_uid!r}")
            if not target.get("legendFormat"):
                problems.append(f"{title} {ref}: no legend")
            for window in RANGE_SELECTOR.findall(target.get("expr", "")):
                if window not in ("$__rate_interval", "$__range"):
                    problems.append(f"{title} {ref}: range [{window}] instead of [$__rate_interval] or [$__range]")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--prometheus", required=True, help="base URL, e.g. http://127.0.0.1:9090")
    parser.add_argument("--dashboard", required=True)
    parser.add_argument("--var", action="append", default=[], metavar="NAME=VALUE", help="fix a template variable")
    parser.add_argument("--scrape-interval", type=float, required=True, help="seconds")
    parser.add_argument("--start", type=float, required=True, help="window start, Unix seconds")
    parser.add_argument("--end", type=float, help="window end, Unix seconds (default: now)")
    parser.add_argument("--lint", metavar="DATASOURCE_UID", help="also apply the toolkit's dashboard rules")
    parser.add_argument("--require-data", action="store_true", help="fail unless every query returns data")
    parser.add_argument("--summary", help="write the counts to this JSON file")
    parser.add_argument("--label", help="name in the output (default: the dashboard's title)")
    args = parser.parse_args()

    dashboard = json.load(open(args.dashboard))
    label = args.label or dashboard.get("title", args.dashboard)
    end = args.end or time.time()
    window = max(1, int(end - args.start))
    scrape = args.scrape_interval
    interval = scrape  # Grafana's step for a short window is its minimum, the scrape interval
    builtins = {
        "__interval": f"{interval:g}s",
        "__interval_ms": f"{interval * 1000:g}",
        "__rate_interval": f"{max(interval + scrape, 4 * scrape):g}s",
        "__range": f"{window}s",
        "__range_s": f"{window}",
        "__range_ms": f"{window * 1000}",
    }
    given = dict(pair.split("=", 1) for pair in args.var)
    values = resolve_variables(dashboard, args.prometheus, builtins, given)
    shown = {k: v for k, v in values.items() if not k.startswith("__")}
    print(f"{label}: variables {json.dumps(shown, sort_keys=True)}, $__rate_interval={builtins['__rate_interval']}, $__range={builtins['__range']}")

    problems = lint(dashboard, args.lint) if args.lint else []
    counts = {"data": 0, "empty": 0, "failed": 0, "hidden": 0}
    for panel in panels(dashboard):
        for target in panel.get("targets", []):
            if not target.get("expr"):
                continue
            if target.get("hide"):
                counts["hidden"] += 1
                continue
            name = f"{panel.get('title', '?')} [{target.get('refId', '?')}]"
            try:
                expr = interpolate(target["expr"], values)
                instant = target.get("instant") and not target.get("range")
                if instant:
                    result = prometheus_api.query(args.prometheus, expr, at=end)
                else:
                    result = prometheus_api.query_range(args.prometheus, expr, args.start, end, interval)
            except (prometheus_api.QueryError, KeyError) as error:
                counts["failed"] += 1
                print(f"  FAILED {name}: {error}")
                continue
            if prometheus_api.has_data(result):
                counts["data"] += 1
            else:
                counts["empty"] += 1
                print(f"  empty  {name}: {expr}")

    total = counts["data"] + counts["empty"] + counts["failed"]
    print(f"{label}: {counts['data']} of {total} queries returned data, {counts['empty']} empty, "
          f"{counts['failed']} failed ({counts['hidden']} hidden, not run)")
    for problem in problems:
        print(f"  LINT {problem}")
    if args.summary:
        with open(args.summary, "w") as out:
            json.dump(dict(counts, total=total, dashboard=label), out)
    failed = counts["failed"] > 0 or bool(problems) or (args.require_data and counts["empty"] > 0)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
