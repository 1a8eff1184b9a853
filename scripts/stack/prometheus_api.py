"""The few calls of Prometheus' HTTP API (/api/v1) the stack check makes."""

import json
import urllib.error
import urllib.parse
import urllib.request


class QueryError(Exception):
    """Prometheus answered with an error (a bad expression, a timeout), or not at all."""


def get(base, path, params=()):
    """The `data` of a GET of `path` with `params` (a list of pairs, repeats allowed)."""
    url = base.rstrip("/") + path + ("?" + urllib.parse.urlencode(list(params)) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            body = json.load(response)
    except urllib.error.HTTPError as error:
        try:
            body = json.load(error)
        except ValueError:
            raise QueryError(f"{path}: HTTP {error.code}") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise QueryError(f"{path}: {error}") from None
    if body.get("status") != "success":
        raise QueryError(f"{body.get('errorType', 'error')}: {body.get('error', body)}")
    return body["data"]


def query(base, expr, at=None):
    """The result of an instant query: a list of {metric, value}, or a scalar's [t, v] pair."""
    params = [("query", expr)] + ([("time", f"{at:.3f}")] if at is not None else [])
    return get(base, "/api/v1/query", params)["result"]


def query_range(base, expr, start, end, step):
    """The result of a range query: a list of {metric, values}."""
    params = [("query", expr), ("start", f"{start:.3f}"), ("end", f"{end:.3f}"), ("step", f"{step:g}")]
    return get(base, "/api/v1/query_range", params)["result"]


def has_data(result):
    """Whether a query result holds at least one sample, as Grafana would draw it."""
    if not result:
        return False
    if isinstance(result[0], dict):
        return any(series.get("values") or series.get("value") for series in result)
    return True  # a scalar or string: [time, value]
