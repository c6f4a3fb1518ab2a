#!/usr/bin/env bash
# Whole-process cost of a SageMaker evaluation: `evaluate --manifest GROUND_TRUTH --predictions DIR` (the join,
# one .out file per image) beside `evaluate` of the equivalent evaluation manifest that the join writes, interleaved,
# wall and CPU time and peak RSS, medians. See docs/benchmarks.md ("Ground truth + predictions").
#
#   bench/sagemaker.sh                        # 100,000 images, 7 runs of each
#   IMAGES=10000 RUNS=9 bench/sagemaker.sh
#
# Environment: IMAGES (default 100000), RUNS (default 7), JAVA_OPTS (default -Xmx128m). Needs /usr/bin/time.
# Data and results go to bench-data/ (gitignored).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
IMAGES=${IMAGES:-100000}
RUNS=${RUNS:-7}
export LFV_METRICS_JAVA_OPTS=${JAVA_OPTS:--Xmx128m}
DATA=$ROOT/bench-data/sagemaker-$IMAGES
LAUNCHER=$ROOT/bin/lfv-metrics
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 1; }
[ -f "$ROOT/cli/target/lfv-metrics.jar" ] || (cd "$ROOT" && mvn -B -q -pl cli -am package -DskipTests)
if [ ! -f "$DATA/test.manifest" ]; then
  echo "generating $IMAGES images in $DATA ..."
  python3 "$ROOT/bench/generate_sagemaker.py" "$IMAGES" "$DATA"
fi
"$LAUNCHER" evaluate --manifest "$DATA/test.manifest" --predictions "$DATA/transform-output" \
  --write-manifest "$DATA/joined.jsonl" --json > "$DATA/joined-summary.json"
RESULTS=$DATA/results-$(date -u +%Y%m%dT%H%M%SZ).tsv
printf 'run\tcase\twall_s\tcpu_s\trss_mib\n' > "$RESULTS"
for run in $(seq 1 "$RUNS"); do
  for case in join manifest; do
    if [ "$case" = join ]; then
      args=(evaluate --manifest "$DATA/test.manifest" --predictions "$DATA/transform-output" --json)
    else
      args=(evaluate --manifest "$DATA/joined.jsonl" --json)
    fi
    /usr/bin/time -f '%e %U %S %M' -o "$DATA/time" "$LAUNCHER" "${args[@]}" > "$DATA/out-$case.json"
    read -r wall user sys rss < "$DATA/time"
    printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$case" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" \
      >> "$RESULTS"
  done
done
python3 - "$RESULTS" "$DATA" <<'PY'
import json, statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])][1:]
a = json.load(open(sys.argv[2] + "/out-join.json"))["metrics"]
b = json.load(open(sys.argv[2] + "/out-manifest.json"))["metrics"]
assert a == b, "the join and the manifest gave different figures"
for case in ("join", "manifest"):
    pick = [r for r in rows if r[1] == case]
    med = lambda i: statistics.median(float(r[i]) for r in pick)
    print("%-8s runs %d  wall %.2f s  cpu %.2f s  rss %d MiB (medians)" % (case, len(pick), med(2), med(3), med(4)))
print("same figures: yes (%d images)" % a["images"])
PY
echo "raw: $RESULTS"
