#!/usr/bin/env python3
"""Writes core/src/test/resources/statistics-vectors.json: the answers of the reference implementations the
engine's intervals are tested against (docs/cli.md, "Intervals"). Not run by the build: the vectors are committed.

    apt-get install -y python3-statsmodels python3-scipy r-base-core r-cran-proc
    /usr/bin/python3 scripts/reference/statistics_vectors.py

- Wilson: statsmodels.stats.proportion.proportion_confint(x, n, alpha, method="wilson")
- normal quantiles: scipy.stats.norm.ppf
- DeLong: R pROC, roc(controls, cases, direction = "<") then ci.auc(method = "delong") and var(method = "delong")
- McNemar: statsmodels.stats.contingency_tables.mcnemar(table, exact=True)
- paired DeLong: R pROC, roc.test(candidate, base, paired = TRUE, method = "delong")
Cases: hand-made (ties, tiny sets, perfect separation, all tied, a class of one) and generated (seeded).
"""
import json
import os
import random
import subprocess
import tempfile

from scipy.stats import norm
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.proportion import proportion_confint

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "core", "src", "test", "resources", "statistics-vectors.json")


def wilson_cases():
    cases = []
    for x, n in [(0, 1), (1, 1), (0, 10), (9, 10), (10, 10), (5, 10), (1, 50), (49, 50), (27, 31), (130, 140),
                 (0, 1000), (3, 7), (58, 62), (76, 80), (1, 2)]:
        for level in (0.95, 0.90, 0.99):
            low, high = proportion_confint(x, n, alpha=1 - level, method="wilson")
            cases.append({"successes": x, "n": n, "level": level, "low": float(low), "high": float(high)})
    return cases


def delong_cases():
    rng = random.Random(20261201)
    cases = [
        {"name": "ties across classes", "anomalous": [0.9, 0.8, 0.8, 0.6, 0.5], "normal": [0.8, 0.5, 0.4, 0.3, 0.5]},
        {"name": "perfect separation", "anomalous": [0.9, 0.95, 0.8], "normal": [0.1, 0.2, 0.3, 0.4]},
        {"name": "tiny", "anomalous": [0.7, 0.4], "normal": [0.5, 0.2]},
        {"name": "inverted", "anomalous": [0.1, 0.2, 0.3], "normal": [0.7, 0.8, 0.9, 0.6]},
        {"name": "all tied", "anomalous": [0.5, 0.5, 0.5], "normal": [0.5, 0.5]},
    ]
    for size in [(10, 40), (25, 25), (60, 80), (200, 300)]:
        anomalous = [round(min(0.999, max(0.001, rng.gauss(0.65, 0.2))), 2) for _ in range(size[0])]
        normal = [round(min(0.999, max(0.001, rng.gauss(0.4, 0.2))), 2) for _ in range(size[1])]
        cases.append({"name": "generated %d+%d, scores rounded (ties)" % size, "anomalous": anomalous,
                      "normal": normal})
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "delong.R")
        with open(script, "w") as f:
            f.write("suppressMessages(library(pROC))\n"
                    "args <- commandArgs(trailingOnly = TRUE)\n"
                    "cases <- scan(args[1], what = numeric(), sep = ',', quiet = TRUE)\n"
                    "controls <- scan(args[2], what = numeric(), sep = ',', quiet = TRUE)\n"
                    "level <- as.numeric(args[3])\n"
                    "r <- roc(controls = controls, cases = cases, direction = '<', quiet = TRUE)\n"
                    "ci <- ci.auc(r, conf.level = level, method = 'delong')\n"
                    "v <- var(r, method = 'delong')\n"
                    "cat(sprintf('%.17g %.17g %.17g %.17g', ci[1], ci[2], ci[3], v))\n")
        for case in cases:
            case["results"] = []
            a = os.path.join(tmp, "a.csv")
            n = os.path.join(tmp, "n.csv")
            with open(a, "w") as f:
                f.write(",".join(repr(x) for x in case["anomalous"]))
            with open(n, "w") as f:
                f.write(",".join(repr(x) for x in case["normal"]))
            for level in (0.95, 0.90):
                out = subprocess.run(["Rscript", script, a, n, str(level)], check=True, capture_output=True,
                                     text=True).stdout.split()
                low, auc, high, var = (float(v) for v in out)
                case["results"].append({"level": level, "low": low, "auc": auc, "high": high, "variance": var})
    return cases


def mcnemar_cases():
    cases = []
    for b, c in [(0, 0), (1, 6), (6, 1), (0, 5), (3, 3), (10, 2), (25, 40), (0, 1), (100, 130), (7, 0)]:
        result = mcnemar([[0, b], [c, 0]], exact=True)
        cases.append({"b": b, "c": c, "pValue": float(result.pvalue)})
    return cases


def paired_delong_cases():
    rng = random.Random(7)
    cases = []
    for m, n, shift in [(10, 40, 0.0), (25, 25, 0.1), (60, 80, 0.05), (8, 12, 0.2), (200, 300, 0.02)]:
        base_a = [round(min(0.999, max(0.001, rng.gauss(0.65, 0.2))), 2) for _ in range(m)]
        base_n = [round(min(0.999, max(0.001, rng.gauss(0.4, 0.2))), 2) for _ in range(n)]
        cand_a = [round(min(0.999, max(0.001, x + shift + rng.gauss(0, 0.1))), 2) for x in base_a]
        cand_n = [round(min(0.999, max(0.001, x - shift + rng.gauss(0, 0.1))), 2) for x in base_n]
        cases.append({"name": "paired %d+%d shift %.2f" % (m, n, shift), "baseAnomalous": base_a,
                      "candidateAnomalous": cand_a, "baseNormal": base_n, "candidateNormal": cand_n})
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "paired.R")
        with open(script, "w") as f:
            f.write("suppressMessages(library(pROC))\n"
                    "args <- commandArgs(trailingOnly = TRUE)\n"
                    "r <- function(i) scan(args[i], what = numeric(), sep = ',', quiet = TRUE)\n"
                    "ba <- r(1); ca <- r(2); bn <- r(3); cn <- r(4)\n"
                    "labels <- c(rep(1, length(ba)), rep(0, length(bn)))\n"
                    "base <- roc(labels, c(ba, bn), levels = c(0, 1), direction = '<', quiet = TRUE)\n"
                    "cand <- roc(labels, c(ca, cn), levels = c(0, 1), direction = '<', quiet = TRUE)\n"
                    "t <- roc.test(cand, base, paired = TRUE, method = 'delong', conf.level = 0.95)\n"
                    "cat(sprintf('%.17g %.17g %.17g %.17g', as.numeric(cand$auc) - as.numeric(base$auc),"
                    " t$conf.int[1], t$conf.int[2], t$p.value))\n")
        for case in cases:
            files = []
            for key in ("baseAnomalous", "candidateAnomalous", "baseNormal", "candidateNormal"):
                path = os.path.join(tmp, key + ".csv")
                with open(path, "w") as f:
                    f.write(",".join(repr(x) for x in case[key]))
                files.append(path)
            out = subprocess.run(["Rscript", script] + files, check=True, capture_output=True,
                                 text=True).stdout.split()
            difference, low, high, p = (float(v) for v in out)
            case.update({"level": 0.95, "difference": difference, "low": low, "high": high, "pValue": p})
    return cases


def main():
    vectors = {
        "generatedBy": "scripts/reference/statistics_vectors.py (statsmodels, scipy, R pROC)",
        "normalQuantiles": [{"p": p, "x": float(norm.ppf(p))}
                            for p in (0.5, 0.6, 0.8, 0.95, 0.975, 0.995, 0.999, 1e-10, 0.3, 0.02, 0.9999999)],
        "wilson": wilson_cases(),
        "delong": delong_cases(),
        "mcnemar": mcnemar_cases(),
        "pairedDelong": paired_delong_cases(),
    }
    with open(OUT, "w") as f:
        json.dump(vectors, f, indent=1)
        f.write("\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
