#!/usr/bin/env python3
"""The fast-Python peer of the benchmark: orjson per line and NumPy for the metrics, no scikit-learn.

    $(pyenv root)/versions/3.11.7/bin/python3 bench/fast_reference.py bench-data/manifest-1m.jsonl > fast.json

Needs orjson and NumPy (pip install orjson numpy; this image's pyenv Python has both, Debian's python3 has no
orjson). Reads the blocks by their metadata "type" as bench/reference.py does, and prints the "metrics" object
(confusion counts, precision, recall, F1, accuracy, ROC AUC with scikit-learn's tie rule, average precision as
scikit-learn's step sum over distinct thresholds) for bench/compare.py. Phase times go to stderr.
"""
import json
import sys
import time

import numpy as np
import orjson


def read(path):
    actual, predicted, confidence = [], [], []
    with open(path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            line = orjson.loads(raw)
            a = p = c = None
            for key, value in line.items():
                if key.endswith("-metadata") and isinstance(value, dict) \
                        and "image-classification" in (value.get("type") or ""):
                    anomalous = value["class-name"].strip().lower() == "anomaly"
                    if key.endswith("-detected-metadata"):
                        if p is None:
                            p, c = anomalous, float(value["confidence"])
                    elif a is None:
                        a = anomalous
            if a is None or p is None or not 0.0 <= c <= 1.0:
                raise SystemExit("%s:%d: line without ground truth, prediction or valid confidence" % (path, number))
            actual.append(a)
            predicted.append(p)
            confidence.append(c)
    y = np.array(actual, dtype=bool)
    pred = np.array(predicted, dtype=bool)
    conf = np.array(confidence, dtype=np.float64)
    return y, pred, np.where(pred, conf, 1.0 - conf)


def ratio(numerator, denominator):
    return None if denominator == 0 else numerator / denominator


def auc_and_ap(y, scores):
    """ROC AUC (average ranks: ties between the classes count one half) and AP over distinct thresholds."""
    order = np.argsort(-scores, kind="mergesort")
    s, t = scores[order], y[order]
    # Ends of the groups of equal scores, in decreasing order of score.
    ends = np.r_[np.flatnonzero(np.diff(s)), len(s) - 1]
    tps = np.cumsum(t)[ends]
    seen = ends + 1
    fps = seen - tps
    positives, negatives = int(t.sum()), len(t) - int(t.sum())
    auc = None
    if positives and negatives:
        tpr = np.r_[0, tps] / positives
        fpr = np.r_[0, fps] / negatives
        auc = float(np.trapz(tpr, fpr)) if hasattr(np, "trapz") else float(np.trapezoid(tpr, fpr))
    ap = None
    if positives:
        recall = tps / positives
        precision = tps / seen
        ap = float(np.sum(np.diff(np.r_[0, recall]) * precision))
    return auc, ap


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: fast_reference.py MANIFEST")
    t0 = time.perf_counter()
    y, pred, scores = read(sys.argv[1])
    t1 = time.perf_counter()
    tp = int(np.count_nonzero(y & pred))
    fp = int(np.count_nonzero(~y & pred))
    tn = int(np.count_nonzero(~y & ~pred))
    fn = int(np.count_nonzero(y & ~pred))
    auc, ap = auc_and_ap(y, scores)
    metrics = {
        "images": len(y), "anomalous": tp + fn, "normal": tn + fp,
        "truePositives": tp, "falsePositives": fp, "trueNegatives": tn, "falseNegatives": fn,
        "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn),
        "f1Score": ratio(2 * tp, 2 * tp + fp + fn), "accuracy": ratio(tp + tn, len(y)),
        "rocAuc": auc, "averagePrecision": ap,
    }
    t2 = time.perf_counter()
    print(json.dumps({"metrics": metrics}, indent=1))
    print("fast python: read+orjson %.2f s, metrics %.2f s" % (t1 - t0, t2 - t1), file=sys.stderr)


if __name__ == "__main__":
    main()
