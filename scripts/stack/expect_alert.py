"""Waits until the webhook receiver has been sent an alert with the given labels and status
(through Alertmanager: the body must be Alertmanager's webhook message, version 4), and prints
it. Exit status 1 when none arrives within the timeout.

usage: expect_alert.py RECEIVED STATUS TIMEOUT_SECONDS NAME=VALUE...
"""

import json
import sys
import time


def matching(path, status, labels):
    try:
        lines = open(path).read().splitlines()
    except FileNotFoundError:
        return None, []
    for line in lines:
        message = json.loads(line)
        if message.get("version") != "4":
            continue
        for alert in message.get("alerts", []):
            if alert.get("status") == status and all(alert["labels"].get(k) == v for k, v in labels.items()):
                return (message, alert), lines
    return None, lines


def main():
    path, status, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
    labels = dict(pair.split("=", 1) for pair in sys.argv[4:])
    deadline = time.time() + timeout
    while True:
        found, lines = matching(path, status, labels)
        if found:
            message, alert = found
            print(f"webhook received {status} {json.dumps(alert['labels'], sort_keys=True)} "
                  f"from receiver {message['receiver']!r} (fingerprint {alert['fingerprint']}, "
                  f"startsAt {alert['startsAt']}, endsAt {alert['endsAt']})")
            return 0
        if time.time() > deadline:
            print(f"no {status} alert with {labels} reached the webhook within {timeout:g} s; it received:")
            print("\n".join(lines) or "(nothing)")
            return 1
        time.sleep(0.5)


if __name__ == "__main__":
    sys.exit(main())
