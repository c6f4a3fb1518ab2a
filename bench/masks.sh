#!/usr/bin/env bash
# Whole-process cost of the masks' figures: `evaluate --masks` on a segmentation evaluation of IMAGES images with
# SIDE x SIDE masks (two PNGs an image), beside `evaluate` of the same manifest without the masks, interleaved, wall
# and CPU time and peak RSS, medians. See docs/benchmarks.md ("Segmentation from the masks").
#
#   bench/masks.sh                          # 2,000 images of 1,000 x 1,000, 5 runs of each, -Xmx256m
#   IMAGES=200 RUNS=3 JAVA_OPTS=-Xmx128m bench/masks.sh
#
# Needs /usr/bin/time and NumPy (to generate the data once). Data and results go to bench-data/ (gitignored).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
IMAGES=${IMAGES:-2000}
SIDE=${SIDE:-1000}
RUNS=${RUNS:-5}
export LFV_METRICS_JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
DATA=$ROOT/bench-data/masks-$IMAGES
LAUNCHER=$ROOT/bin/lfv-metrics
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 1; }
[ -f "$ROOT/cli/target/lfv-metrics.jar" ] || (cd "$ROOT" && mvn -B -q -pl cli -am package -DskipTests)
if [ ! -f "$DATA/manifest.jsonl" ]; then
  echo "generating $IMAGES images of ${SIDE}x$SIDE in $DATA ..."
  (cd "$ROOT" && python3 bench/generate_masks.py "$IMAGES" "$SIDE")
fi
RESULTS=$DATA/results-$(date -u +%Y%m%dT%H%M%SZ).tsv
printf 'run\tcase\twall_s\tcpu_s\trss_mib\n' > "$RESULTS"
for run in $(seq 1 "$RUNS"); do
  for case in masks plain; do
    args=(evaluate --manifest "$DATA/manifest.jsonl" --json)
    [ "$case" = masks ] && args+=(--masks "$DATA")
    /usr/bin/time -f '%e %U %S %M' -o "$DATA/time" "$LAUNCHER" "${args[@]}" > "$DATA/out-$case.json"
    read -r wall user sys rss < "$DATA/time"
    printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$case" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" \
      >> "$RESULTS"
  done
done
echo "results: $RESULTS"
python3 - "$RESULTS" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
for case in ("masks", "plain"):
    r = [x for x in rows if x["case"] == case]
    med = lambda k: statistics.median(float(x[k]) for x in r)
    print(f"{case:6s} wall {med('wall_s'):.2f} s  cpu {med('cpu_s'):.2f} s  peak RSS {med('rss_mib'):.0f} MiB"
          f"  ({len(r)} runs)")
PY
