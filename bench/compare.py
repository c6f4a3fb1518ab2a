#!/usr/bin/env python3
"""Checks that lfv-metrics and the Python reference agree: every figure the reference prints must be in the
lfv-metrics summary, equal for counts and within 1e-9 for ratios (null where the other is null).

    python3 bench/compare.py java-summary.json reference.json

Exit status 0 when they agree, 1 with the differing paths listed otherwise.
"""
import json
import sys

TOLERANCE = 1e-9


def walk(ref, java, path, problems):
    if isinstance(ref, dict):
        if not isinstance(java, dict):
            problems.append("%s: expected an object, lfv-metrics has %r" % (path, java))
            return
        for key, value in ref.items():
            if key not in java:
                problems.append("%s.%s: missing in lfv-metrics" % (path, key))
            else:
                walk(value, java[key], "%s.%s" % (path, key), problems)
    elif isinstance(ref, list):
        # Lists of named entries (labels) are matched by name.
        by_name = {e.get("name"): e for e in java} if isinstance(java, list) else {}
        if len(by_name) != len(ref):
            problems.append("%s: %d entries in the reference, %d in lfv-metrics" % (path, len(ref), len(by_name)))
        for entry in ref:
            walk(entry, by_name.get(entry["name"]), "%s[%s]" % (path, entry["name"]), problems)
    elif ref is None or java is None or isinstance(ref, str):
        if ref != java:
            problems.append("%s: reference %r, lfv-metrics %r" % (path, ref, java))
    elif isinstance(ref, int) and not isinstance(ref, bool):
        if ref != java:
            problems.append("%s: reference %r, lfv-metrics %r" % (path, ref, java))
    elif abs(float(ref) - float(java)) > TOLERANCE:
        problems.append("%s: reference %r, lfv-metrics %r (difference %.3g)" % (path, ref, java, java - ref))


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: compare.py JAVA_SUMMARY REFERENCE")
    with open(sys.argv[1], encoding="utf-8") as f:
        java = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        ref = json.load(f)
    problems = []
    walk(ref, java, "$", problems)
    if problems:
        print("figures DIFFER:")
        for p in problems:
            print("  " + p)
        return 1
    count = sum(1 for _ in json.dumps(ref).split(","))
    print("figures agree (%d values compared, tolerance %g)" % (count, TOLERANCE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
