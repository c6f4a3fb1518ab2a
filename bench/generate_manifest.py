#!/usr/bin/env python3
"""Writes a large, realistic Lookout for Vision evaluation manifest for the benchmark.

Deterministic (fixed seed), python3 standard library only:

    python3 bench/generate_manifest.py --lines 1000000 --out bench-data/manifest-1m.jsonl

The lines look like the service's (reference section 5 and events/artifacts/): about 740 bytes on average,
about 30 % anomalous images, mostly classification lines with segmentation lines mixed in (mask blocks whose
colour maps say "class-name" or "name", upper- or lower-case colours, entry 0 sometimes missing, normal images
without a ground-truth mask). Confidences are rounded to 5 decimals, and some to 2, so that many anomalous and normal
images share a score (ties). Some lines have their keys in another order, carry unknown keys, or end in CRLF; the
file ends with a blank line. Generated data belongs in bench-data/ (gitignored), never in git.
"""
import argparse
import os
import random

ACCOUNT = "123456789012"
REGION = "us-east-1"
PROJECT = "widgets"
VERSION = "7"
ARN = "arn:aws:lookoutvision:%s:%s:model/%s/%s" % (REGION, ACCOUNT, PROJECT, VERSION)
LABELS = [("scratch", "#2ca02c"), ("crack", "#d62728"), ("dent", "#1f77b4")]


def clip(x):
    return min(1.0, max(0.0, x))


def class_block(key, anomalous, created, job, extra=""):
    cls = "anomaly" if anomalous else "normal"
    return ('"%s":%d,"%s-metadata":{"class-name":"%s","type":"groundtruth/image-classification",'
            '"human-annotated":"yes","creation-date":"%s","job-name":"%s"%s}'
            % (key, 1 if anomalous else 0, key, cls, created, job, extra))


def detected_block(anomalous, confidence, created):
    cls = "anomaly" if anomalous else "normal"
    return ('"anomaly-label-detected":%d,"anomaly-label-detected-metadata":{"class-name":"%s","confidence":%s,'
            '"type":"groundtruth/image-classification","human-annotated":"no","creation-date":"%s",'
            '"job-name":"training-job/anomaly-detection","model-arn":"%s","project-name":"%s",'
            '"model-version":"%s"}'
            % (1 if anomalous else 0, cls, confidence, created, ARN, PROJECT, VERSION))


def color_map(rng, labels):
    name_key = "name" if rng.random() < 0.3 else "class-name"
    entries = []
    if rng.random() < 0.9:
        entries.append('"0":{"%s":"BACKGROUND","hex-color":"#ffffff"}' % name_key)
    for i, (label, colour) in enumerate(labels, start=1):
        colour = colour.upper() if rng.random() < 0.5 else colour
        area = ',"total-percentage-area":%.4f' % rng.random() if rng.random() < 0.3 else ""
        entries.append('"%d":{"%s":"%s","hex-color":"%s"%s}' % (i, name_key, label, colour, area))
    return "{" + ",".join(entries) + "}"


def mask_block(rng, key, ref, labels, created, job):
    return ('"%s":"%s","%s-metadata":{"internal-color-map":%s,"type":"groundtruth/semantic-segmentation",'
            '"human-annotated":"%s","creation-date":"%s","job-name":"%s"}'
            % (key, ref, key, color_map(rng, labels), "no" if "detected" in key else "yes", created, job))


def pick_labels(rng):
    n = 1 if rng.random() < 0.8 else 2
    return rng.sample(LABELS, n)


def line(rng, index, masks_share=0.04):
    anomalous = rng.random() < 0.3
    # Hidden anomaly score: the classes overlap, so every metric is strictly between 0 and 1.
    score = clip(rng.gauss(0.68 if anomalous else 0.32, 0.17))
    predicted = score >= 0.5
    confidence = score if predicted else 1.0 - score
    digits = 2 if rng.random() < 0.1 else 5
    conf_text = "%.*f" % (digits, confidence)
    folder = "anomaly" if anomalous else "normal"
    ref = "s3://lfv-data/%s/test/%s/%07d.jpg" % (PROJECT, folder, index)
    day = 1 + index % 28
    labelled = "2024-04-%02dT%02d:%02d:%02d.%06d" % (day, index % 24, index % 60, (index * 7) % 60, index % 999983)
    inferred = "2024-05-09T08:%02d:%02d" % (index % 60, (index * 13) % 60)
    parts = ['"source-ref":"%s"' % ref,
             '"source-ref-metadata":{"creation-date":"%s"}' % labelled,
             class_block("anomaly-label", anomalous, labelled, "labeling-job/anomaly-detection"),
             detected_block(predicted, conf_text, inferred)]
    if rng.random() < masks_share:
        if anomalous:
            parts.append(mask_block(rng, "anomaly-mask-ref",
                                    "s3://lfv-data/%s/masks/%07d.png" % (PROJECT, index),
                                    pick_labels(rng), labelled, "labeling-job/segmentation"))
        predicted_labels = pick_labels(rng) if predicted else []
        parts.append(mask_block(rng, "anomaly-mask-ref-detected",
                                "s3://lfv-data/%s/predicted-masks/%07d.png" % (PROJECT, index),
                                predicted_labels, inferred, "training-job/segmentation"))
    if rng.random() < 0.05:
        parts.append('"x-unknown-key":{"nested":[1,2,{"a":null}],"flag":true}')
    if rng.random() < 0.05:
        rng.shuffle(parts)
    end = "\r\n" if rng.random() < 0.03 else "\n"
    return "{" + ",".join(parts) + "}" + end


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=1_000_000, help="number of test images (default 1000000)")
    ap.add_argument("--seed", type=int, default=20261125, help="random seed (default 20261125)")
    ap.add_argument("--out", required=True, help="output file, e.g. bench-data/manifest-1m.jsonl")
    ap.add_argument("--masks-share", type=float, default=0.04,
                    help="share of lines with mask blocks (default 0.04; 0 for a classification model's manifest, "
                         "whose ingest reads no masks)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".part"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        batch = []
        for i in range(args.lines):
            batch.append(line(rng, i, args.masks_share))
            if len(batch) == 10000:
                f.write("".join(batch))
                batch = []
        f.write("".join(batch))
        f.write("\n")
    os.replace(tmp, args.out)


if __name__ == "__main__":
    main()
