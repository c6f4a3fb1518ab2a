#!/usr/bin/env python3
"""Summarises JFR recordings' CPU samples: where the time went, by the innermost frame of a given package prefix
and by the top frame's package. Standard library only; reads `jfr print --json --events jdk.ExecutionSample FILE`.

    python3 bench/pipeline/profile.py recording.jfr [more.jfr ...] [--top 15]
"""
import argparse
import collections
import json
import subprocess


# Steps of an ingest, by a frame their stacks contain; the first rule that matches a sample wins.
STEPS = [
    ("writing per-image results (ImageSink -> temp file)", "IngestService.lambda$evaluateTo"),
    ("uploading details to S3 (S3ObjectStore.put)", "S3ObjectStore.put"),
    ("evaluating the manifest (read, parse, metrics)", "core.evaluate.Evaluator.evaluate"),
    ("storing the item (DynamoDbModelStore)", "DynamoDbModelStore."),
    ("summary JSON, trimming, hashing", "IngestService.itemSummary"),
    ("other IngestService work (HEADs, result, description)", "IngestService."),
    ("handler construction (SDK clients, wiring)", ".<init>"),
    ("S3Proxy serving (local mode only)", "org.gaul.s3proxy."),
]


def frames(event):
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
            for f in event["values"]["stackTrace"]["frames"]]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("recordings", nargs="+")
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    events = []
    for recording in args.recordings:
        text = subprocess.run(["jfr", "print", "--json", "--stack-depth", "512", "--events", "jdk.ExecutionSample",
                               recording], check=True, capture_output=True, text=True).stdout
        events += json.loads(text)["recording"]["events"]
    n = len(events)
    ours = collections.Counter()
    tops = collections.Counter()
    threads = collections.Counter()
    steps = collections.Counter()
    for event in events:
        stack = frames(event)
        if not stack:
            continue
        top = stack[0]
        thread = event["values"].get("sampledThread") or {}
        name = thread.get("javaName") or thread.get("osName") or "?"
        threads["qtp (S3Proxy's Jetty)" if name.startswith("qtp") else name] += 1
        tops[top] += 1
        joined = "\n".join(stack)
        step = next((label for label, marker in STEPS if marker in joined), "other (JVM start, class loading, ...)")
        steps[step] += 1
        own = next((f for f in stack if f.startswith("dev.lfvmetrics.") and ".bench." not in f), "(outside our code)")
        ours[own] += 1
    print("%d CPU samples from %d recording(s), all Java threads" % (n, len(args.recordings)))
    print("by step (stack contains):")
    for name, count in steps.most_common():
        print("  %5.1f%%  %s" % (100.0 * count / n, name))
    print("by thread:")
    for name, count in threads.most_common(args.top):
        print("  %5.1f%%  %s" % (100.0 * count / n, name))
    print("innermost dev.lfvmetrics frame:")
    for name, count in ours.most_common(args.top):
        print("  %5.1f%%  %s" % (100.0 * count / n, name))
    print("top frame:")
    for name, count in tops.most_common(args.top):
        print("  %5.1f%%  %s" % (100.0 * count / n, name))


if __name__ == "__main__":
    main()
