#!/usr/bin/env python3
"""Writes the three evaluation artifacts of one model version for the pipeline benchmark, as the service left them.

Deterministic, python3 standard library only. The manifest comes from bench/generate_manifest.py (same seed, so the
same lines every time); this script adds the EvaluationResult and the saved DescribeModel document beside it, with
the identity the manifest lines carry (project "widgets", version "7"), under BUCKET/widgets/output/:

    python3 bench/pipeline/make_artifacts.py --lines 100000 --bucket lfv-bench-artifacts --out bench-data/pipeline/s3 \\
        --event bench-data/pipeline/event.json

The reported Precision/Recall/F1Score in the result are computed here from the manifest (so the summary's
"differences" are near zero, as for a real model); ROCAUC and AveragePrecision are fixed plausible values, because
the pipeline only compares them with what it computes and never depends on them.
"""
import argparse
import json
import os
import subprocess
import sys

PROJECT = "widgets"
VERSION = "7"
ARN = "arn:aws:lookoutvision:us-east-1:123456789012:model/%s/%s" % (PROJECT, VERSION)


def counts(manifest):
    tp = fp = fn = 0
    for raw in open(manifest, encoding="utf-8"):
        raw = raw.strip()
        if not raw:
            continue
        line = json.loads(raw)
        truth = line["anomaly-label-metadata"]["class-name"] == "anomaly"
        predicted = line["anomaly-label-detected-metadata"]["class-name"] == "anomaly"
        tp += truth and predicted
        fp += predicted and not truth
        fn += truth and not predicted
    return tp, fp, fn


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--bucket", default="lfv-bench-artifacts")
    ap.add_argument("--out", required=True, help="folder whose sub-folders are buckets")
    ap.add_argument("--event", required=True, help="where to write the S3 Object Created event for the result")
    args = ap.parse_args()
    prefix = "%s/output/" % PROJECT
    folder = os.path.join(args.out, args.bucket, prefix)
    os.makedirs(folder, exist_ok=True)
    manifest_name = "EvaluationManifest-%s-%s.json" % (PROJECT, VERSION)
    result_name = "EvaluationResult-%s-%s.json" % (PROJECT, VERSION)
    manifest = os.path.join(folder, manifest_name)
    generator = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "generate_manifest.py")
    # A classification model's manifest: the pipeline reads segmentation manifests' masks from S3 (issue 11), and
    # the masks' own cost is measured apart (bench/masks.sh).
    subprocess.run([sys.executable, generator, "--lines", str(args.lines), "--masks-share", "0", "--out", manifest],
                   check=True)

    tp, fp, fn = counts(manifest)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    result = {
        "Version": 1,
        "EvaluationDetails": {"ModelArn": ARN, "EvaluationEndTimestamp": "2024-05-09T09:00:00Z",
                              "NumberOfTrainingImages": 4 * args.lines, "NumberOfTestingImages": args.lines},
        "AggregatedEvaluationResults": {"Metrics": {
            "ROCAUC": 0.9, "AveragePrecision": 0.8, "Precision": round(precision, 6),
            "Recall": round(recall, 6), "F1Score": round(f1, 6)}},
    }
    with open(os.path.join(folder, result_name), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
    description = {"ModelDescription": {
        "ModelVersion": VERSION, "ModelArn": ARN, "CreationTimestamp": 1715230000.25,
        "Description": "pipeline benchmark model", "Status": "TRAINED",
        "StatusMessage": "Training completed successfully.",
        "Performance": {"F1Score": round(f1, 6), "Recall": round(recall, 6), "Precision": round(precision, 6)},
        "OutputConfig": {"S3Location": {"Bucket": args.bucket, "Prefix": prefix}},
        "EvaluationManifest": {"Bucket": args.bucket, "Key": prefix + manifest_name},
        "EvaluationResult": {"Bucket": args.bucket, "Key": prefix + result_name},
        "EvaluationEndTimestamp": 1715245200.5, "MinInferenceUnits": 1, "MaxInferenceUnits": 1}}
    with open(os.path.join(folder, "DescribeModel-%s-%s.json" % (PROJECT, VERSION)), "w", encoding="utf-8") as f:
        json.dump(description, f, indent=2)
    event = {
        "version": "0", "id": "bench-0000-0000-0000-000000000001", "detail-type": "Object Created",
        "source": "aws.s3", "account": "123456789012", "time": "2024-05-09T09:00:01Z", "region": "us-east-1",
        "resources": ["arn:aws:s3:::" + args.bucket],
        "detail": {"version": "0", "bucket": {"name": args.bucket},
                   "object": {"key": prefix + result_name, "size": os.path.getsize(os.path.join(folder, result_name))},
                   "reason": "PutObject"}}
    with open(args.event, "w", encoding="utf-8") as f:
        json.dump(event, f, indent=2)
    print("%s: %d lines, %d bytes; tp=%d fp=%d fn=%d" % (manifest, args.lines, os.path.getsize(manifest), tp, fp, fn))


if __name__ == "__main__":
    main()
