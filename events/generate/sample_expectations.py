#!/usr/bin/python3
"""Derives the expected figures of the bundled samples with scikit-learn, for the Java tests.

Independent of the Java code: plain json per line + scikit-learn (Debian: apt-get install python3-sklearn).
Writes core/src/test/resources/sample-expectations.json. The tests read that file; they never call python.

    /usr/bin/python3 events/generate/sample_expectations.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SAMPLES = os.path.join(REPO, "events", "artifacts", "lfv-samples")
OUT = os.path.join(REPO, "core", "src", "test", "resources", "sample-expectations.json")


def labels_of(meta):
    out = []
    for entry in (meta or {}).get("internal-color-map", {}).values():
        name = entry.get("class-name", entry.get("name"))
        if name and name.upper() != "BACKGROUND" and name not in out:
            out.append(name)
    return out


def expectations(path):
    y, s, mistakes, gt_counts, pred_counts = [], [], [], {}, {}
    with open(path, encoding="utf-8-sig") as f:
        for number, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            line = json.loads(raw)
            actual = line["anomaly-label-metadata"]["class-name"] == "anomaly"
            detected = line["anomaly-label-detected-metadata"]
            predicted = detected["class-name"] == "anomaly"
            confidence = detected["confidence"]
            y.append(1 if actual else 0)
            s.append(confidence if predicted else 1.0 - confidence)
            if actual != predicted:
                mistakes.append((-confidence, number, line["source-ref"]))
            for label in labels_of(line.get("anomaly-mask-ref-metadata")):
                gt_counts[label] = gt_counts.get(label, 0) + 1
            for label in labels_of(line.get("anomaly-mask-ref-detected-metadata")):
                pred_counts[label] = pred_counts.get(label, 0) + 1
    y, s = np.array(y), np.array(s)
    tp = fp = tn = fn = 0
    with open(path, encoding="utf-8-sig") as f:
        for raw in f:
            if not raw.strip():
                continue
            line = json.loads(raw)
            a = line["anomaly-label-metadata"]["class-name"] == "anomaly"
            p = line["anomaly-label-detected-metadata"]["class-name"] == "anomaly"
            tp += a and p
            fp += (not a) and p
            tn += (not a) and (not p)
            fn += a and (not p)
    precision, recall, thresholds = precision_recall_curve(y, s)
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-300)
    best = int(np.argmax(f1[:-1]))
    mistakes.sort()
    return {
        "images": len(y), "anomalous": int(y.sum()), "normal": int(len(y) - y.sum()),
        "truePositives": tp, "falsePositives": fp, "trueNegatives": tn, "falseNegatives": fn,
        "precision": tp / (tp + fp), "recall": tp / (tp + fn), "f1Score": 2 * tp / (2 * tp + fp + fn),
        "accuracy": (tp + tn) / len(y),
        "rocAuc": float(roc_auc_score(y, s)),
        "averagePrecision": float(average_precision_score(y, s)),
        "bestThreshold": float(thresholds[best]), "bestF1": float(f1[best]),
        "misclassified": len(mistakes),
        "mostConfidentMistakes": [m[2] for m in mistakes[:3]],
        "mostConfidentMistakeLines": [m[1] for m in mistakes[:3]],
        "labelGroundTruthImages": gt_counts, "labelPredictedImages": pred_counts,
    }


def main():
    doc = {"_source": "events/generate/sample_expectations.py with scikit-learn %s (roc_auc_score, "
                      "average_precision_score, precision_recall_curve for the best F1); score = confidence if "
                      "predicted anomalous else 1 - confidence" % sklearn.__version__}
    for project, version in (("circuit-board", 1), ("circuit-board", 2), ("cookies", 1)):
        name = "EvaluationManifest-%s-%d.json" % (project, version)
        doc["%s-%d" % (project, version)] = expectations(os.path.join(SAMPLES, project, "output", name))
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    main()
