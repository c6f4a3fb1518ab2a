#!/usr/bin/env python3
"""Writes a segmentation evaluation of N images with 1-megapixel masks for the masks benchmark (bench/masks.sh):

    bench-data/masks-N/manifest.jsonl   evaluation manifest, every image anomalous with a ground-truth and a
                                        predicted mask (two labels, overlapping ellipses)
    bench-data/masks-N/lfv-bench/...    the PNGs, as --masks DIR reads s3://lfv-bench/...

NumPy (Debian python3-numpy) and zlib; fixed seed. Usage: python3 bench/generate_masks.py [N] [SIDE]
"""
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts" / "reference"))
from mask_vectors import png  # noqa: E402  (the same hand-written PNG encoder as the test vectors)

N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
SIDE = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
OUT = Path("bench-data") / f"masks-{N}"
COLOURS = {"scratch": (0x2C, 0xA0, 0x2C), "crack": (0xD6, 0x27, 0x28)}
MAP = {"0": {"class-name": "BACKGROUND", "hex-color": "#ffffff"},
       "1": {"class-name": "scratch", "hex-color": "#2ca02c"},
       "2": {"class-name": "crack", "hex-color": "#d62728"}}


def main():
    rng = np.random.default_rng(20261201)
    folder = OUT / "lfv-bench" / "masks"
    folder.mkdir(parents=True, exist_ok=True)
    yy, xx = np.mgrid[0:SIDE, 0:SIDE]
    lines = []
    for i in range(N):
        truth = np.full((SIDE, SIDE, 3), 255, dtype=np.uint8)
        predicted = truth.copy()
        for label, colour in COLOURS.items():
            cx, cy = rng.uniform(0.2, 0.8, 2) * SIDE
            rx, ry = rng.uniform(0.03, 0.15, 2) * SIDE
            truth[((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2 <= 1] = colour
            dx, dy = rng.normal(0, 0.02, 2) * SIDE
            predicted[((xx - cx - dx) / rx) ** 2 + ((yy - cy - dy) / ry) ** 2 <= 1] = colour
        png(folder / f"truth-{i:05d}.png", truth)
        png(folder / f"predicted-{i:05d}.png", predicted)
        lines.append(json.dumps({
            "source-ref": f"s3://lfv-bench/images/{i:05d}.jpg",
            "anomaly-label": 1,
            "anomaly-label-metadata": {"class-name": "anomaly", "type": "groundtruth/image-classification"},
            "anomaly-label-detected": 1,
            "anomaly-label-detected-metadata": {"class-name": "anomaly", "confidence": 0.9,
                                                "type": "groundtruth/image-classification"},
            "anomaly-mask-ref": f"s3://lfv-bench/masks/truth-{i:05d}.png",
            "anomaly-mask-ref-metadata": {"internal-color-map": MAP, "type": "groundtruth/semantic-segmentation"},
            "anomaly-mask-ref-detected": f"s3://lfv-bench/masks/predicted-{i:05d}.png",
            "anomaly-mask-ref-detected-metadata": {"internal-color-map": MAP,
                                                   "type": "groundtruth/semantic-segmentation"}}))
    (OUT / "manifest.jsonl").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
