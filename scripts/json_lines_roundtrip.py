#!/usr/bin/env python3
"""Parse JSON lines (from the file named by the first argument, else stdin) strictly and print each back in a canonical form.

Used by the StructuredLog tests to check that a second, independent JSON parser reads every log
line the same way Foundation does. A line fails (exit status 1, reason on stderr) when it is not
one JSON object, repeats a key, or holds NaN/Infinity, which Python would otherwise accept.
"""
import json
import sys


def reject_constant(name):
    raise ValueError(f"non-standard constant {name}")


def unique_keys(pairs):
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError(f"duplicate keys in {keys}")
    return dict(pairs)


def main():
    if len(sys.argv) > 1:
        with open(sys.argv[1], "rb") as source:
            data = source.read()
    else:
        data = sys.stdin.buffer.read()
    for number, line in enumerate(data.split(b"\n")[:-1], start=1):
        try:
            value = json.loads(line.decode("utf-8"), object_pairs_hook=unique_keys, parse_constant=reject_constant)
            if not isinstance(value, dict):
                raise ValueError("not an object")
        except (ValueError, UnicodeDecodeError) as error:
            print(f"line {number}: {error}: {line[:200]!r}", file=sys.stderr)
            return 1
        print(json.dumps(value, sort_keys=True, ensure_ascii=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
