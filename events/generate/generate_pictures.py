#!/usr/bin/env python3
"""Draws a small picture for every test image the bundled manifests name that has none yet (circuit-board, and the
SageMaker samples screws and tiles), and the ground-truth masks the tiles manifest names, so that the local mode
shows every sample's images offline. The cookies pictures and masks are drawn by generate_samples.py, consistent
with each other. Deterministic (one random stream per image), standard library only. Run after the generators:

    python3 events/generate/generate_pictures.py
"""
import json
import os
import random

from generate_samples import MASK_H, MASK_W, ROOT, write_png

ARTIFACTS = os.path.dirname(ROOT)
MANIFESTS = ["circuit-board/output/EvaluationManifest-circuit-board-1.json",
             "sagemaker-data/screws/test.manifest", "sagemaker-data/tiles/test.manifest"]
STYLES = {"circuit-board": ((30, 110, 60), (200, 170, 60)), "screws": ((90, 90, 96), (180, 180, 186)),
          "tiles": ((190, 185, 170), (150, 140, 120))}


def local(uri):
    return os.path.join(ARTIFACTS, uri[len("s3://"):])


def anomalous(doc):
    for key, meta in doc.items():
        if key.endswith("-metadata") and isinstance(meta, dict) and "image-classification" in meta.get("type", "") \
                and not key.endswith("-detected-metadata"):
            return meta.get("class-name", "").lower() == "anomaly"
    return False


def picture(style, defect, rng):
    """A background, a part with a few features in the style's colours, a dark mark where the defect is."""
    ground, part = STYLES[style]
    marks = [(rng.uniform(8, MASK_W - 8), rng.uniform(6, MASK_H - 6)) for _ in range(6)]
    rows = []
    for y in range(MASK_H):
        row = []
        for x in range(MASK_W):
            pixel = ground
            if any(abs(x - mx) < 3 and abs(y - my) < 2 for mx, my in marks):
                pixel = part
            if defect and ((x - defect[0]) / defect[2]) ** 2 + ((y - defect[1]) / defect[3]) ** 2 <= 1:
                pixel = (40, 25, 20)
            row.append(pixel)
        rows.append(row)
    return rows


def main():
    for path in MANIFESTS:
        style = "circuit-board" if path.startswith("circuit-board") else path.split("/")[1]
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            docs = [json.loads(line) for line in f if line.strip()]
        for doc in docs:
            ref = doc["source-ref"]
            rng = random.Random("picture:" + ref)
            defect = (rng.uniform(12, MASK_W - 12), rng.uniform(10, MASK_H - 10), rng.uniform(4, 9),
                      rng.uniform(3, 7)) if anomalous(doc) else None
            if ref.startswith("s3://") and not os.path.exists(local(ref)):
                write_png(local(ref), picture(style, defect, rng))
            mask = doc.get("anomaly-mask-ref")
            if mask and mask.startswith("s3://") and not os.path.exists(local(mask)):
                entries = doc["anomaly-mask-ref-metadata"]["internal-color-map"].values()
                colours = [e["hex-color"] for e in entries if (e.get("class-name") or e.get("name")) != "BACKGROUND"]
                rows = [[(255, 255, 255)] * MASK_W for _ in range(MASK_H)]
                if defect and colours:
                    colour = tuple(int(colours[0].lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
                    for y in range(MASK_H):
                        for x in range(MASK_W):
                            if ((x - defect[0]) / defect[2]) ** 2 + ((y - defect[1]) / defect[3]) ** 2 <= 1:
                                rows[y][x] = colour
                write_png(local(mask), rows)


if __name__ == "__main__":
    main()
