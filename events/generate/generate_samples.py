#!/usr/bin/env python3
"""Generates the bundled sample artifacts under events/artifacts/<bucket>/<project>/output/.

Deterministic (fixed seeds), python3 standard library only. Run from anywhere:

    python3 events/generate/generate_samples.py

What it writes, as Lookout for Vision would have left it in S3 (bucket "lfv-samples"):
  circuit-board v1  classification, 140 test images, a good model
  circuit-board v2  same test images, a somewhat worse model (for regression alerts)
  cookies v1        segmentation (labels scratch, crack), 100 test images, CRLF line ends and a blank last line,
                    the mask PNGs its manifest names (64 x 48, drawn in the colour maps' colours) and its test
                    images (small PNGs under the .jpg names, defects where the ground-truth masks have them)

Each image gets a hidden raw anomaly score; the manifest holds the model's decision and its confidence in the
predicted class rounded to 5 decimals, as the service writes it. The "reported" ROCAUC and AveragePrecision of the
evaluation result are computed here from the unrounded raw scores, so they differ slightly from what lfv-metrics
computes from the manifest (the service score is the raw score plus a little noise) -- like the real service, whose internal scores are not in the manifest. Reported
precision, recall and F1 are computed from the decisions and agree with lfv-metrics.
"""
import datetime
import json
import os
import random
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(os.path.dirname(HERE), "artifacts", "lfv-samples")
ACCOUNT = "123456789012"
REGION = "us-east-1"


def model_arn(project, version):
    return "arn:aws:lookoutvision:%s:%s:model/%s/%s" % (REGION, ACCOUNT, project, version)


def clip(x):
    return min(0.999, max(0.001, x))


def raw_scores(rng, n_anomalous, n_normal, separation, spread):
    """Hidden raw anomaly scores: anomalous around 0.5 + separation, normal around 0.5 - separation."""
    anomalous = [clip(rng.gauss(0.5 + separation, spread)) for _ in range(n_anomalous)]
    normal = [clip(rng.gauss(0.5 - separation, spread)) for _ in range(n_normal)]
    return anomalous, normal


def roc_auc(labels, scores):
    pos = [s for y, s in zip(labels, scores) if y]
    neg = [s for y, s in zip(labels, scores) if not y]
    wins = 0.0
    for p in pos:
        for n in neg:
            wins += 1.0 if p > n else 0.5 if p == n else 0.0
    return wins / (len(pos) * len(neg))


def average_precision(labels, scores):
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    total_pos = sum(labels)
    ap, tp, fp, prev_recall, i = 0.0, 0, 0, 0.0, 0
    while i < len(order):
        s = scores[order[i]]
        while i < len(order) and scores[order[i]] == s:
            if labels[order[i]]:
                tp += 1
            else:
                fp += 1
            i += 1
        recall = tp / total_pos
        ap += (recall - prev_recall) * tp / (tp + fp)
        prev_recall = recall
    return ap


def decision_figures(images):
    tp = sum(1 for im in images if im["actual"] and im["predicted"])
    fp = sum(1 for im in images if not im["actual"] and im["predicted"])
    fn = sum(1 for im in images if im["actual"] and not im["predicted"])
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else None
    return precision, recall, f1


def r6(x):
    return None if x is None else round(x, 6)


def classification_blocks(im, project, version, created, detected_created, detected_first):
    label = 1 if im["actual"] else 0
    predicted = 1 if im["predicted"] else 0
    gt = [
        ("anomaly-label", label),
        ("anomaly-label-metadata", {
            "class-name": "anomaly" if label else "normal",
            "type": "groundtruth/image-classification",
            "human-annotated": "yes",
            "creation-date": created,
            "job-name": "labeling-job/anomaly-detection",
        }),
    ]
    detected = [
        ("anomaly-label-detected", predicted),
        ("anomaly-label-detected-metadata", {
            "class-name": "anomaly" if predicted else "normal",
            "confidence": im["confidence"],
            "type": "groundtruth/image-classification",
            "human-annotated": "no",
            "creation-date": detected_created,
            "job-name": "training-job/anomaly-detection",
            "model-arn": model_arn(project, version),
            "project-name": project,
            "model-version": str(version),
        }),
    ]
    return detected + gt if detected_first else gt + detected


def build_images(rng, prefix, n_anomalous, n_normal, separation, spread, name_seed):
    anomalous, normal = raw_scores(rng, n_anomalous, n_normal, separation, spread)
    images = []
    names = random.Random(name_seed)
    for i, raw in enumerate(anomalous):
        images.append({"actual": True, "raw": raw, "name": "%s/anomaly/%s-%03d.jpg" % (prefix, "test", i)})
    for i, raw in enumerate(normal):
        images.append({"actual": False, "raw": raw, "name": "%s/normal/%s-%03d.jpg" % (prefix, "test", i)})
    names.shuffle(images)
    noise = random.Random(name_seed + 1)
    for im in images:
        im["service"] = im["raw"] + noise.gauss(0, 0.03)
        im["predicted"] = im["raw"] >= 0.5
        im["confidence"] = round(im["raw"] if im["predicted"] else 1.0 - im["raw"], 5)
    return images


def iso(epoch):
    return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_lines(path, lines, newline, trailing_blank):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        for line in lines:
            f.write(line + newline)
        if trailing_blank:
            f.write(newline)


def write_json(path, doc):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


def evaluation_result(project, version, images, training_images, end, labels=None):
    labels_true = [im["actual"] for im in images]
    raws = [im["service"] for im in images]
    precision, recall, f1 = decision_figures(images)
    metrics = {
        "ROCAUC": r6(roc_auc(labels_true, raws)),
        "AveragePrecision": r6(average_precision(labels_true, raws)),
        "Precision": r6(precision),
        "Recall": r6(recall),
        "F1Score": r6(f1),
    }
    if labels is not None:
        metrics["PixelAnomalyClassMetrics"] = labels
    return {
        "Version": 1,
        "EvaluationDetails": {
            "ModelArn": model_arn(project, version),
            "EvaluationEndTimestamp": end,
            "NumberOfTrainingImages": training_images,
            "NumberOfTestingImages": len(images),
        },
        "AggregatedEvaluationResults": {"Metrics": metrics},
    }


def describe_model(project, version, images, created_epoch, end_epoch, description):
    precision, recall, f1 = decision_figures(images)
    prefix = "%s/output/" % project
    return {
        "ModelDescription": {
            "ModelVersion": str(version),
            "ModelArn": model_arn(project, version),
            "CreationTimestamp": created_epoch,
            "Description": description,
            "Status": "TRAINED",
            "StatusMessage": "Training completed successfully.",
            "Performance": {"F1Score": r6(f1), "Recall": r6(recall), "Precision": r6(precision)},
            "OutputConfig": {"S3Location": {"Bucket": "lfv-samples", "Prefix": prefix}},
            "EvaluationManifest": {"Bucket": "lfv-samples",
                                   "Key": prefix + "EvaluationManifest-%s-%s.json" % (project, version)},
            "EvaluationResult": {"Bucket": "lfv-samples",
                                 "Key": prefix + "EvaluationResult-%s-%s.json" % (project, version)},
            "EvaluationEndTimestamp": end_epoch,
            "MinInferenceUnits": 1,
            "MaxInferenceUnits": 1,
        }
    }


def circuit_board():
    project = "circuit-board"
    out = os.path.join(ROOT, project, "output")
    prefix = "s3://lfv-samples/%s/test" % project
    versions = [
        # version, separation, spread, created epoch, end epoch, detected-first key order
        (1, 0.26, 0.14, 1710409351.586, 1710412951.681, False),
        (2, 0.17, 0.15, 1712053200.250, 1712056920.904, True),
    ]
    for version, separation, spread, created, end, detected_first in versions:
        rng = random.Random(1000 + version)
        images = build_images(rng, prefix, 60, 80, separation, spread, name_seed=7)
        lines = []
        for im in images:
            doc = [("source-ref", im["name"]),
                   ("source-ref-metadata", {"creation-date": "2024-03-01T09:12:44.201882"})]
            doc += classification_blocks(im, project, version, "2024-03-01T09:30:00.000000",
                                         "2024-03-14T10:2%d:31.000000" % version, detected_first)
            lines.append(json.dumps(dict(doc), separators=(",", ":")))
        name = "%s-%d.json" % (project, version)
        write_lines(os.path.join(out, "EvaluationManifest-" + name), lines, "\n", False)
        write_json(os.path.join(out, "EvaluationResult-" + name),
                   evaluation_result(project, version, images, 220, iso(end)))
        write_json(os.path.join(out, "DescribeModel-" + name),
                   describe_model(project, version, images, created, end,
                                  "Circuit board solder defects, version %d" % version))


def color_map(labels, detected, rng):
    """An internal-color-map as in AWS's samples; predictions vary the spelling as real files do."""
    palette = {"scratch": "#2ca02c", "crack": "#d62728"}
    key = "name" if detected and rng.random() < 0.5 else "class-name"
    entries = {}
    if not (detected and rng.random() < 0.3):
        entries["0"] = {key: "BACKGROUND", "hex-color": "#ffffff"}
    for i, label in enumerate(labels, start=1):
        colour = palette[label].upper() if detected else palette[label]
        entry = {key: label, "hex-color": colour}
        if detected:
            entry["total-percentage-area"] = round(rng.uniform(0.002, 0.08), 4)
        entries[str(i)] = entry
    return entries


MASK_W, MASK_H = 64, 48
PALETTE = {"scratch": (0x2C, 0xA0, 0x2C), "crack": (0xD6, 0x27, 0x28)}


def write_png(path, rows):
    """An 8-bit RGB PNG from rows of (r, g, b) tuples, with zlib only."""
    raw = b"".join(b"\x00" + bytes(c for pixel in row for c in pixel) for row in rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", len(rows[0]), len(rows), 8, 2, 0, 0, 0)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
                + chunk(b"IEND", b""))


def blob(rng):
    """An ellipse (centre, radii) inside the mask."""
    return (rng.uniform(12, MASK_W - 12), rng.uniform(10, MASK_H - 10), rng.uniform(4, 12), rng.uniform(3, 9))


def draw(shapes):
    """A white mask with each (label, ellipse) painted in the label's colour, later shapes on top."""
    rows = [[(255, 255, 255)] * MASK_W for _ in range(MASK_H)]
    for label, (cx, cy, rx, ry) in shapes:
        for y in range(MASK_H):
            for x in range(MASK_W):
                if ((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2 <= 1:
                    rows[y][x] = PALETTE[label]
    return rows


def photo(defects, rng):
    """A small picture of a cookie on a tray, its defects darker where the ground-truth mask has them.

    PNG bytes under the service's .jpg name: browsers and the local server go by the bytes."""
    cx, cy, r = MASK_W / 2 + rng.uniform(-3, 3), MASK_H / 2 + rng.uniform(-2, 2), MASK_H * 0.45
    chips = [(rng.uniform(cx - r, cx + r), rng.uniform(cy - r, cy + r)) for _ in range(7)]
    rows = []
    for y in range(MASK_H):
        row = []
        for x in range(MASK_W):
            px, py = x + 0.5, y + 0.5
            if (px - cx) ** 2 + (py - cy) ** 2 <= r * r:
                shade = 200 - int(25 * ((px - cx) ** 2 + (py - cy) ** 2) / (r * r))
                pixel = (shade, int(shade * 0.78), int(shade * 0.5))
                if any((px - qx) ** 2 + (py - qy) ** 2 <= 4 for qx, qy in chips):
                    pixel = (80, 50, 30)
            else:
                pixel = (70, 74, 80)
            for label, (ex, ey, rx, ry) in defects:
                if ((px - ex) / rx) ** 2 + ((py - ey) / ry) ** 2 <= 1:
                    pixel = (110, 70, 40) if label == "scratch" else (60, 35, 20)
            row.append(pixel)
        rows.append(row)
    return rows


def cookie_masks(line_docs):
    """The mask PNGs the cookies manifest names: a prediction overlaps its truth when it names the same label.

    A separate random stream per image, so the manifest's own figures do not depend on the drawing."""
    root = os.path.dirname(ROOT)
    for doc in line_docs:
        rng = random.Random("masks:" + doc["source-ref"])
        truth_labels = [e.get("class-name") for e in
                        doc.get("anomaly-mask-ref-metadata", {}).get("internal-color-map", {}).values()
                        if e.get("class-name") != "BACKGROUND"]
        predicted_map = doc.get("anomaly-mask-ref-detected-metadata", {}).get("internal-color-map", {})
        predicted_labels = [e.get("class-name", e.get("name")) for e in predicted_map.values()
                            if e.get("class-name", e.get("name")) != "BACKGROUND"]
        truth_shapes = [(label, blob(rng)) for label in truth_labels]
        write_png(os.path.join(root, doc["source-ref"][len("s3://"):]),
                  photo(truth_shapes, random.Random("photo:" + doc["source-ref"])))
        if "anomaly-mask-ref" in doc:
            write_png(os.path.join(root, doc["anomaly-mask-ref"][len("s3://"):]), draw(truth_shapes))
        if "anomaly-mask-ref-detected" in doc:
            shapes = []
            for label in predicted_labels:
                found = [s for l, s in truth_shapes if l == label]
                if found:
                    cx, cy, rx, ry = found[0]
                    shapes.append((label, (cx + rng.uniform(-4, 4), cy + rng.uniform(-3, 3),
                                           rx * rng.uniform(0.7, 1.3), ry * rng.uniform(0.7, 1.3))))
                else:
                    shapes.append((label, blob(rng)))
            write_png(os.path.join(root, doc["anomaly-mask-ref-detected"][len("s3://"):]), draw(shapes))


def cookies():
    project = "cookies"
    version = 1
    out = os.path.join(ROOT, project, "output")
    prefix = "s3://lfv-samples/%s/test" % project
    rng = random.Random(3001)
    images = build_images(rng, prefix, 60, 40, 0.24, 0.14, name_seed=11)
    kinds = ["scratch"] * 30 + ["crack"] * 20 + ["both"] * 10
    rng.shuffle(kinds)
    k = 0
    lines = []
    for im in images:
        if im["actual"]:
            kind = kinds[k]
            k += 1
            truth = ["scratch", "crack"] if kind == "both" else [kind]
        else:
            truth = []
        if im["predicted"]:
            predicted = list(truth) if truth and rng.random() < 0.8 else [rng.choice(["scratch", "crack"])]
        else:
            predicted = []
        doc = [("source-ref", im["name"])]
        doc += classification_blocks(im, project, version, "2024-05-02T14:00:00.000000",
                                     "2024-05-09T08:41:10.000000", False)
        mask_name = im["name"].replace("/test/", "/masks/").replace(".jpg", ".png")
        if truth:
            doc += [("anomaly-mask-ref", mask_name),
                    ("anomaly-mask-ref-metadata", {
                        "internal-color-map": color_map(truth, False, rng),
                        "type": "groundtruth/semantic-segmentation",
                        "human-annotated": "yes",
                        "creation-date": "2024-05-02T14:00:00.000000",
                        "job-name": "labeling-job/segmentation"})]
        if predicted or rng.random() < 0.5:
            doc += [("anomaly-mask-ref-detected", mask_name.replace("/masks/", "/predicted-masks/")),
                    ("anomaly-mask-ref-detected-metadata", {
                        "internal-color-map": color_map(predicted, True, rng),
                        "type": "groundtruth/semantic-segmentation",
                        "human-annotated": "no",
                        "creation-date": "2024-05-09T08:41:10.000000",
                        "job-name": "training-job/segmentation"})]
        lines.append(json.dumps(dict(doc), separators=(",", ":")))
    cookie_masks([json.loads(line) for line in lines])
    name = "%s-%d.json" % (project, version)
    write_lines(os.path.join(out, "EvaluationManifest-" + name), lines, "\r\n", True)
    pixel = [
        {"ClassName": "scratch", "Precision": 0.712, "Recall": 0.655, "F1Score": 0.682313, "AIOU": 0.517},
        {"ClassName": "crack", "Precision": 0.604, "Recall": 0.538, "F1Score": 0.569091, "AIOU": 0.392},
    ]
    write_json(os.path.join(out, "EvaluationResult-" + name),
               evaluation_result(project, version, images, 180, iso(1715244070.5), pixel))
    write_json(os.path.join(out, "DescribeModel-" + name),
               describe_model(project, version, images, 1715240070.125, 1715244070.5,
                              "Cookie surface segmentation (scratch, crack)"))


if __name__ == "__main__":
    circuit_board()
    cookies()
