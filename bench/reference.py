#!/usr/bin/env python3
"""The Python reference for the benchmark: json.loads per line plus scikit-learn.

    /usr/bin/python3 bench/reference.py bench-data/manifest-1m.jsonl > reference.json

Needs Debian's python3-sklearn (apt-get install -y python3-sklearn). Reads the manifest line by line, finds the
class and mask blocks by their metadata "type" as lfv-metrics does (reference section 5), and prints the figures
that `lfv-metrics evaluate --json` prints, under the same names: the "metrics" object (confusion counts,
precision, recall, F1, accuracy, ROC AUC and average precision), "bestThreshold", "labels" (per-label image
counts) and "misclassified.total". Undefined ratios are null. Phase times go to stderr.
"""
import json
import sys
import time

import numpy as np
from sklearn.metrics import average_precision_score, confusion_matrix, precision_recall_curve, roc_auc_score


def mask_labels(meta):
    names = []
    for entry in (meta.get("internal-color-map") or {}).values():
        if not isinstance(entry, dict):
            continue
        name = entry.get("class-name")
        if name is None:
            name = entry.get("name")
        if isinstance(name, str) and name.strip() and name.strip().upper() != "BACKGROUND":
            if name.strip() not in names:
                names.append(name.strip())
    return names


def read(path):
    y_true, y_pred, scores = [], [], []
    label_counts = {}
    with open(path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            line = json.loads(raw)
            actual = predicted = confidence = None
            for key, value in line.items():
                if not key.endswith("-metadata") or not isinstance(value, dict):
                    continue
                kind = value.get("type") or ""
                detected = key.endswith("-detected-metadata")
                if "image-classification" in kind:
                    anomalous = value["class-name"].strip().lower() == "anomaly"
                    if detected and predicted is None:
                        predicted, confidence = anomalous, float(value["confidence"])
                    elif not detected and actual is None:
                        actual = anomalous
                elif "semantic-segmentation" in kind:
                    for label in mask_labels(value):
                        counts = label_counts.setdefault(label, [0, 0])
                        counts[1 if detected else 0] += 1
            if actual is None or predicted is None or not 0.0 <= confidence <= 1.0:
                raise SystemExit("%s:%d: line without ground truth, prediction or valid confidence" % (path, number))
            y_true.append(1 if actual else 0)
            y_pred.append(1 if predicted else 0)
            scores.append(confidence if predicted else 1.0 - confidence)
    return np.array(y_true), np.array(y_pred), np.array(scores, dtype=np.float64), label_counts


def ratio(numerator, denominator):
    return None if denominator == 0 else numerator / denominator


def best_threshold(y_true, scores, positives):
    """Highest F1 over the distinct score thresholds; on equal F1 the higher threshold (as lfv-metrics)."""
    if positives == 0:
        return None
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    precision, recall = precision[:-1], recall[:-1]
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    best = np.flatnonzero(f1 == f1.max())[-1]
    tp = int(round(recall[best] * positives))
    fp = int(np.count_nonzero((scores >= thresholds[best]) & (y_true == 0)))
    return {"threshold": float(thresholds[best]), "precision": float(precision[best]),
            "recall": float(recall[best]), "f1Score": float(f1[best]), "truePositives": tp,
            "falsePositives": fp}


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: reference.py MANIFEST")
    t0 = time.perf_counter()
    y_true, y_pred, scores, label_counts = read(sys.argv[1])
    t1 = time.perf_counter()
    tn, fp, fn, tp = (int(x) for x in confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel())
    both = 0 < int(y_true.sum()) < len(y_true)
    metrics = {
        "images": len(y_true), "anomalous": tp + fn, "normal": tn + fp,
        "truePositives": tp, "falsePositives": fp, "trueNegatives": tn, "falseNegatives": fn,
        "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn),
        "f1Score": ratio(2 * tp, 2 * tp + fp + fn), "accuracy": ratio(tp + tn, tp + tn + fp + fn),
        "rocAuc": float(roc_auc_score(y_true, scores)) if both else None,
        "averagePrecision": float(average_precision_score(y_true, scores)) if tp + fn > 0 else None,
    }
    out = {
        "metrics": metrics,
        "bestThreshold": best_threshold(y_true, scores, tp + fn),
        "labels": [{"name": name, "groundTruthImages": c[0], "predictedImages": c[1]}
                   for name, c in sorted(label_counts.items())],
        "misclassified": {"total": fp + fn},
    }
    t2 = time.perf_counter()
    print(json.dumps(out, indent=1))
    print("reference: read+json.loads %.2f s, metrics %.2f s" % (t1 - t0, t2 - t1), file=sys.stderr)


if __name__ == "__main__":
    main()
