#!/usr/bin/env python3
"""Drives the example service with a mix of requests, and checks what every response says about
request IDs: a valid X-Request-ID is echoed, a valid traceparent's trace ID becomes the ID, and
anything else (an invalid header, none at all) gets a fresh 32-hex-digit ID.

    python3 Examples/load.py --url http://127.0.0.1:8080 --duration 30

The mix: GET /items/:id (half, ids 1-60, so some miss the cache and some are 404), GET /items,
POST /items, GET /flaky (fails with 500 as often as the service's --flaky-failure-ratio says),
and an unknown path. Prints the responses by endpoint and status; exits 1 if a request failed to
connect or a response broke the request-ID rules.
"""

import argparse
import collections
import http.client
import json
import random
import re
import secrets
import sys
import threading
import time
import urllib.parse

HEX32 = re.compile(r"^[0-9a-f]{32}$")


def requests(rng):
    """Endless (method, path, body, endpoint) picks of the mix."""
    while True:
        pick = rng.random()
        if pick < 0.5:
            yield "GET", f"/items/{rng.randint(1, 60)}", None, "/items/:id"
        elif pick < 0.65:
            yield "GET", f"/items?limit={rng.randint(1, 20)}", None, "/items"
        elif pick < 0.75:
            yield "POST", "/items", json.dumps({"name": f"load-{rng.randint(0, 10**6)}"}), "POST /items"
        elif pick < 0.98:
            yield "GET", "/flaky", None, "/flaky"
        else:
            yield "GET", "/no-such-path", None, "unmatched"


def identity(rng):
    """Headers to send and the request ID the response must carry (None: a fresh one)."""
    pick = rng.random()
    if pick < 0.3:
        request_id = "load-" + secrets.token_hex(8)
        return {"X-Request-ID": request_id}, request_id
    if pick < 0.5:
        trace_id = secrets.token_hex(16)
        return {"traceparent": f"00-{trace_id}-{secrets.token_hex(8)}-01"}, trace_id
    if pick < 0.55:
        return {"X-Request-ID": "not valid: spaces and \u00e9"}, None
    return {}, None


def worker(base, deadline, seed, tally, lock):
    rng = random.Random(seed)
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    for method, path, body, endpoint in requests(rng):
        if time.time() >= deadline:
            break
        headers, expected = identity(rng)
        if body is not None:
            headers["Content-Type"] = "application/json"
        try:
            connection.request(method, path, body=body, headers={k: v.encode() for k, v in headers.items()})
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as error:
            with lock:
                tally["connection errors"][str(error)] += 1
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
            continue
        echoed = response.getheader("X-Request-ID", "")
        valid = echoed == expected if expected else bool(HEX32.match(echoed))
        with lock:
            tally[endpoint][response.status] += 1
            if not valid:
                tally["request ID mismatches"][f"sent {headers}, got {echoed!r}"] += 1
    connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--duration", type=float, default=30, help="seconds")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    tally = collections.defaultdict(collections.Counter)
    lock = threading.Lock()
    deadline = time.time() + args.duration
    threads = [threading.Thread(target=worker, args=(args.url, deadline, args.seed + n, tally, lock))
               for n in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    total = sum(sum(c.values()) for name, c in tally.items() if name not in ("connection errors", "request ID mismatches"))
    print(f"load: {total} requests in {args.duration:g} s ({total / args.duration:.0f}/s) over {args.concurrency} connections")
    for name in sorted(tally):
        print(f"  {name}: " + ", ".join(f"{key}: {count}" for key, count in sorted(tally[name].items(), key=str)))
    return 1 if tally["connection errors"] or tally["request ID mismatches"] or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
