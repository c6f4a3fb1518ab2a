#!/usr/bin/env python3
"""Writes the mask test vectors: small PNG masks, an evaluation manifest naming them, and the per-label figures
computed here with NumPy, for core's MaskEvaluationTest (core/src/test/resources/masks/).

Needs NumPy (Debian python3-numpy). The PNGs are written with zlib by hand (no imaging library), so what the Java
side decodes is exactly what NumPy counted. Run from the repository root:

    python3 scripts/reference/mask_vectors.py
"""
import json
import struct
import zlib
from pathlib import Path

import numpy as np

OUT = Path("core/src/test/resources/masks")
W, H = 40, 30
WHITE = (255, 255, 255)
SCRATCH = (0x2C, 0xA0, 0x2C)
CRACK = (0xD6, 0x27, 0x28)
DENT = (0x1F, 0x77, 0xB4)
STRAY = (0x12, 0x34, 0x56)


def png(path, rgb):
    """An 8-bit RGB PNG of an H x W x 3 uint8 array."""
    raw = b"".join(b"\x00" + rgb[y].tobytes() for y in range(rgb.shape[0]))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", rgb.shape[1], rgb.shape[0], 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9))
                     + chunk(b"IEND", b""))


def png_rgba(path, rgba):
    """An 8-bit RGBA PNG of an H x W x 4 uint8 array (alpha 0 = transparent)."""
    raw = b"".join(b"\x00" + rgba[y].tobytes() for y in range(rgba.shape[0]))
    header = struct.pack(">IIBBBBB", rgba.shape[1], rgba.shape[0], 8, 6, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9))
                     + _chunk(b"IEND", b""))


def png_palette(path, rgb):
    """An 8-bit palette PNG (colour type 3) of an H x W x 3 uint8 array."""
    colours = sorted({tuple(int(c) for c in p) for row in rgb for p in row})
    index = {c: i for i, c in enumerate(colours)}
    raw = b"".join(b"\x00" + bytes(index[tuple(int(c) for c in p)] for p in row) for row in rgb)
    header = struct.pack(">IIBBBBB", rgb.shape[1], rgb.shape[0], 8, 3, 0, 0, 0)
    palette = b"".join(bytes(c) for c in colours)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"PLTE", palette)
                     + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b""))


def _chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def canvas():
    img = np.zeros((H, W, 3), dtype=np.uint8)
    img[:, :] = WHITE
    return img


def paint(img, colour, y0, y1, x0, x1):
    img[y0:y1, x0:x1] = colour


def color_map(style):
    """The colour-map variants of the reference: BACKGROUND first or missing, name or class-name, any hex case."""
    if style == "standard":
        return {"0": {"class-name": "BACKGROUND", "hex-color": "#ffffff"},
                "1": {"class-name": "scratch", "hex-color": "#2ca02c"},
                "2": {"class-name": "crack", "hex-color": "#d62728"}}
    if style == "name-upper":
        return {"0": {"name": "BACKGROUND", "hex-color": "#FFFFFF"},
                "1": {"name": "scratch", "hex-color": "#2CA02C"},
                "2": {"name": "crack", "hex-color": "#D62728"}}
    if style == "no-background":
        return {"0": {"class-name": "scratch", "hex-color": "#2ca02c"},
                "1": {"class-name": "crack", "hex-color": "#d62728"},
                "2": {"class-name": "dent", "hex-color": "#1f77b4"}}
    raise ValueError(style)


def line(n, truth, predicted, truth_map, predicted_map, actual, guess):
    doc = {"source-ref": f"s3://lfv-samples/masks/test/image-{n:02d}.jpg",
           "anomaly-label": 1 if actual == "anomaly" else 0,
           "anomaly-label-metadata": {"class-name": actual, "type": "groundtruth/image-classification"},
           "anomaly-label-detected": 1 if guess == "anomaly" else 0,
           "anomaly-label-detected-metadata": {"class-name": guess, "confidence": 0.9,
                                               "type": "groundtruth/image-classification"}}
    if truth is not None:
        doc["anomaly-mask-ref"] = f"truth-{n:02d}.png"
        doc["anomaly-mask-ref-metadata"] = {"internal-color-map": color_map(truth_map),
                                            "type": "groundtruth/semantic-segmentation"}
    if predicted is not None:
        doc["anomaly-mask-ref-detected"] = f"s3://lfv-samples/masks/predicted-{n:02d}.png"
        doc["anomaly-mask-ref-detected-metadata"] = {"internal-color-map": color_map(predicted_map),
                                                     "type": "groundtruth/semantic-segmentation"}
    return doc


def main():
    rng = np.random.default_rng(20261201)
    (OUT / "lfv-samples" / "masks").mkdir(parents=True, exist_ok=True)
    cases = []
    # Random overlapping rectangles of scratch and crack on both sides.
    for n in range(8):
        truth, predicted = canvas(), canvas()
        for img in (truth, predicted):
            for colour in (SCRATCH, CRACK):
                if rng.random() < 0.7:
                    y0, x0 = rng.integers(0, H - 5), rng.integers(0, W - 5)
                    paint(img, colour, y0, y0 + rng.integers(2, 12), x0, x0 + rng.integers(2, 15))
        cases.append((truth, predicted, "standard" if n % 2 == 0 else "name-upper", "standard", "anomaly", "anomaly"))
    # A label in the truth only, a label in the prediction only.
    truth, predicted = canvas(), canvas()
    paint(truth, SCRATCH, 2, 10, 2, 20)
    paint(predicted, CRACK, 15, 25, 5, 30)
    cases.append((truth, predicted, "standard", "standard", "anomaly", "anomaly"))
    # Both masks empty (white), and a normal image without any mask block.
    cases.append((canvas(), canvas(), "standard", "standard", "normal", "normal"))
    cases.append((None, None, None, None, "normal", "normal"))
    # A colour map without BACKGROUND whose entry 0 is a label; white is background; a dent only here.
    truth, predicted = canvas(), canvas()
    paint(truth, DENT, 5, 20, 5, 20)
    paint(predicted, DENT, 10, 25, 10, 25)
    paint(predicted, SCRATCH, 0, 3, 0, 40)
    cases.append((truth, predicted, "no-background", "no-background", "anomaly", "anomaly"))
    # A predicted mask with a colour in no map: counted as unmapped, not background and not a label.
    truth, predicted = canvas(), canvas()
    paint(truth, CRACK, 0, 10, 0, 10)
    paint(predicted, CRACK, 0, 10, 0, 5)
    paint(predicted, STRAY, 20, 24, 30, 37)
    cases.append((truth, predicted, "standard", "standard", "anomaly", "anomaly"))
    # A normal image predicted normal whose prediction has no mask block: its truth is all background.
    truth = canvas()
    cases.append((truth, None, "standard", None, "normal", "normal"))

    # An RGBA truth mask whose background is transparent (black underneath) and a palette predicted mask.
    truth, predicted = canvas(), canvas()
    paint(truth, CRACK, 4, 16, 4, 24)
    paint(predicted, CRACK, 8, 20, 10, 30)
    paint(predicted, SCRATCH, 25, 28, 0, 40)
    cases.append((truth, predicted, "standard", "standard", "anomaly", "anomaly"))
    encodings = {len(cases): ("rgba", "palette")}

    colours = {"scratch": SCRATCH, "crack": CRACK, "dent": DENT}
    totals = {name: {"truth": 0, "predicted": 0, "both": 0, "ious": []} for name in colours}
    lines = []
    unmapped = []
    for n, (truth, predicted, truth_map, predicted_map, actual, guess) in enumerate(cases, start=1):
        truth_encoding, predicted_encoding = encodings.get(n, ("rgb", "rgb"))
        if truth is not None and truth_encoding == "rgba":
            rgba = np.zeros((H, W, 4), dtype=np.uint8)
            painted = ~np.all(truth == WHITE, axis=2)
            rgba[painted, :3] = truth[painted]
            rgba[painted, 3] = 255
            png_rgba(OUT / f"truth-{n:02d}.png", rgba)
        elif truth is not None:
            png(OUT / f"truth-{n:02d}.png", truth)
        if predicted is not None and predicted_encoding == "palette":
            png_palette(OUT / "lfv-samples" / "masks" / f"predicted-{n:02d}.png", predicted)
        elif predicted is not None:
            png(OUT / "lfv-samples" / "masks" / f"predicted-{n:02d}.png", predicted)
        lines.append(line(n, truth, predicted, truth_map, predicted_map, actual, guess))
        if truth is None and predicted is None:
            continue
        for name, colour in colours.items():
            t = np.zeros((H, W), dtype=bool) if truth is None else np.all(truth == colour, axis=2)
            p = np.zeros((H, W), dtype=bool) if predicted is None else np.all(predicted == colour, axis=2)
            both = int(np.logical_and(t, p).sum())
            union = int(np.logical_or(t, p).sum())
            totals[name]["truth"] += int(t.sum())
            totals[name]["predicted"] += int(p.sum())
            totals[name]["both"] += both
            if union > 0:
                totals[name]["ious"].append(both / union)
        if predicted is not None:
            stray = int(np.all(predicted == STRAY, axis=2).sum())
            if stray:
                unmapped.append({"line": n, "file": f"s3://lfv-samples/masks/predicted-{n:02d}.png",
                                 "colour": "#123456", "pixels": stray})

    def ratio(a, b):
        return None if b == 0 else a / b

    expected = {}
    for name, t in totals.items():
        expected[name] = {
            "meanIou": None if not t["ious"] else float(np.mean(t["ious"])),
            "pooledIou": ratio(t["both"], t["truth"] + t["predicted"] - t["both"]),
            "precision": ratio(t["both"], t["predicted"]),
            "recall": ratio(t["both"], t["truth"]),
            "f1Score": ratio(2 * t["both"], t["truth"] + t["predicted"]),
            "imagesCompared": len(t["ious"]),
            "truthPixels": t["truth"], "predictedPixels": t["predicted"], "intersection": t["both"]}
    # A mask of another size, for the size check.
    png(OUT / "small-4x3.png", np.full((3, 4, 3), 255, dtype=np.uint8))
    (OUT / "manifest.jsonl").write_text("".join(json.dumps(l) + "\n" for l in lines))
    (OUT / "expected.json").write_text(json.dumps({"labels": expected, "unmapped": unmapped,
                                                   "linesWithMasks": sum(1 for c in cases if c[0] is not None
                                                                         or c[1] is not None)},
                                                  indent=2) + "\n")


if __name__ == "__main__":
    main()
