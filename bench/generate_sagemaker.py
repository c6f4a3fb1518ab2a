#!/usr/bin/env python3
"""Writes a labelled dataset manifest and one batch-transform .out file per image, for bench/sagemaker.sh.

    python3 bench/generate_sagemaker.py IMAGES OUT_DIR

OUT_DIR/test.manifest (source-refs s3://bench/images/test/<i>.jpg) and OUT_DIR/transform-output/test/<i>.jpg.out,
as a transform with input prefix s3://bench/images/ lays them out. Deterministic, standard library only.
"""
import json
import os
import random
import sys

images, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(12)
predictions = os.path.join(out, "transform-output", "test")
os.makedirs(predictions, exist_ok=True)
with open(os.path.join(out, "test.manifest"), "w") as manifest:
    for i in range(images):
        anomalous = rng.random() < 0.3
        name = "img-%07d.jpg" % i
        manifest.write(json.dumps({
            "source-ref": "s3://bench/images/test/" + name,
            "anomaly-label": 1 if anomalous else 0,
            "anomaly-label-metadata": {"class-name": "anomaly" if anomalous else "normal",
                                       "type": "groundtruth/image-classification", "human-annotated": "yes",
                                       "creation-date": "2026-11-20T10:00:00.000000"}}) + "\n")
        score = min(0.999, max(0.001, rng.gauss(0.7 if anomalous else 0.3, 0.18)))
        predicted = score >= 0.5
        with open(os.path.join(predictions, name + ".out"), "w") as f:
            json.dump({"Source": {"Type": "direct"}, "IsAnomalous": predicted,
                       "Confidence": round(score if predicted else 1 - score, 6)}, f)
