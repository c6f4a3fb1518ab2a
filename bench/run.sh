#!/usr/bin/env bash
# Whole-process benchmark of `lfv-metrics evaluate` against the Python reference (json.loads per line +
# scikit-learn) on the same generated manifest, in the same session. See docs/benchmarks.md.
#
#   bench/run.sh                      # 1,000,000 lines, 5 runs of each tool
#   LINES=200000 RUNS=3 bench/run.sh  # smaller
#
# Environment: LINES (default 1000000), RUNS (default 5), JAVA_OPTS (default -Xmx128m), DUCKDB=0 to leave the DuckDB
# peer out (bench/duckdb: read_json + SQL, checked equal first), BUILD=1 to rebuild the
# CLI jar even when it exists, BASELINE=<dir of core classes> to also measure the CLI with an earlier engine
# (made by bench/build_baseline.sh COMMIT). Needs python3-sklearn (apt-get install -y python3-sklearn) for /usr/bin/python3.
# Generated data and results go to bench-data/ (gitignored).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
LINES=${LINES:-1000000}
RUNS=${RUNS:-5}
JAVA_OPTS=${JAVA_OPTS:--Xmx128m}
PY=${PYTHON:-/usr/bin/python3}
DATA=$ROOT/bench-data
MANIFEST=$DATA/manifest-$LINES.jsonl
if [ "$LINES" = 1000000 ]; then MANIFEST=$DATA/manifest-1m.jsonl; fi
JAR=$ROOT/cli/target/lfv-metrics.jar
OUT=$DATA/results-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"

if ! "$PY" -c 'import sklearn' 2>/dev/null; then
  echo "scikit-learn missing for $PY: apt-get install -y python3-sklearn" >&2
  exit 1
fi
if [ ! -x /usr/bin/time ]; then
  echo "/usr/bin/time missing: apt-get install -y time" >&2
  exit 1
fi
if [ "${BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
  echo "building $JAR ..."
  (cd "$ROOT" && mvn -B -q -pl cli -am package -DskipTests)
fi
# The fast-Python peer (orjson + NumPy) when a Python with both is found: PYTHON_FAST, else pyenv's 3.11.7.
PY_FAST=${PYTHON_FAST:-$(pyenv root 2>/dev/null || echo /nonexistent)/versions/3.11.7/bin/python3}
if ! "$PY_FAST" -c 'import orjson, numpy' 2>/dev/null; then
  echo "no Python with orjson and NumPy ($PY_FAST): the fast-Python peer is left out" >&2
  PY_FAST=
fi
# The DuckDB peer (bench/duckdb, not in the reactor: its native library is large), built once.
DUCKDB_JAR=$ROOT/bench/duckdb/target/duckdb-peer.jar
if [ "${DUCKDB:-1}" = 1 ] && [ ! -f "$DUCKDB_JAR" ]; then
  echo "building $DUCKDB_JAR ..."
  (cd "$ROOT" && mvn -B -q -N install && mvn -B -q -f bench/duckdb/pom.xml "-Dmaven.multiModuleProjectDirectory=$ROOT" \
    package)
fi
# Measure a copy: on a shared checkout someone may rebuild cli/target while the runs go on. The launcher
# (bin/lfv-metrics) runs the jar in place: its class-data archive is valid only for the jar it was written for.
cp "$JAR" "$OUT/lfv-metrics.jar"
JAR=$OUT/lfv-metrics.jar
LAUNCHER=$ROOT/bin/lfv-metrics
if [ ! -f "$MANIFEST" ]; then
  echo "generating $MANIFEST ($LINES lines) ..."
  python3 "$ROOT/bench/generate_manifest.py" --lines "$LINES" --out "$MANIFEST"
fi

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) processors"
  echo "memory: $(free -m | awk '/Mem:/ {print $2 " MiB"}')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "python: $("$PY" -c 'import sys, sklearn, numpy; print(sys.version.split()[0], "scikit-learn", sklearn.__version__, "numpy", numpy.__version__)')"
  echo "manifest: $MANIFEST, $(stat -c %s "$MANIFEST") bytes, $(wc -l < "$MANIFEST") lines"
  echo "java options: $JAVA_OPTS"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"

# Warm the page cache so that every tool reads the file from memory.
cat "$MANIFEST" > /dev/null

echo "checking figures ..."
java $JAVA_OPTS -jar "$JAR" evaluate --manifest "$MANIFEST" --json > "$OUT/java.json"
"$PY" "$ROOT/bench/reference.py" "$MANIFEST" > "$OUT/reference.json" 2> "$OUT/reference.err"
python3 "$ROOT/bench/compare.py" "$OUT/java.json" "$OUT/reference.json" | tee "$OUT/compare.txt"
LFV_METRICS_JAVA_OPTS=$JAVA_OPTS "$LAUNCHER" evaluate --manifest "$MANIFEST" --json > "$OUT/launcher.json"
python3 "$ROOT/bench/compare.py" "$OUT/launcher.json" "$OUT/reference.json" | sed 's/^/launcher: /' \
  | tee -a "$OUT/compare.txt"
if [ -n "$PY_FAST" ]; then
  "$PY_FAST" "$ROOT/bench/fast_reference.py" "$MANIFEST" > "$OUT/fast.json" 2>> "$OUT/stderr.txt"
  python3 "$ROOT/bench/compare.py" "$OUT/java.json" "$OUT/fast.json" | sed 's/^/python-fast: /' \
    | tee -a "$OUT/compare.txt"
fi
if [ "${DUCKDB:-1}" = 1 ]; then
  java -jar "$DUCKDB_JAR" "$MANIFEST" > "$OUT/duckdb.json" 2>> "$OUT/stderr.txt"
  python3 "$ROOT/bench/compare.py" "$OUT/java.json" "$OUT/duckdb.json" | sed 's/^/duckdb: /' | tee -a "$OUT/compare.txt"
fi
if [ -n "${BASELINE:-}" ]; then
  java $JAVA_OPTS -cp "$BASELINE:$JAR" dev.lfvmetrics.cli.Main evaluate --manifest "$MANIFEST" --json \
    > "$OUT/baseline.json"
  python3 "$ROOT/bench/compare.py" "$OUT/baseline.json" "$OUT/reference.json" | sed 's/^/baseline: /' \
    | tee -a "$OUT/compare.txt"
fi

# One measurement = one process under /usr/bin/time: wall seconds, peak RSS (KiB), user and system CPU seconds. Runs are interleaved so
# that a burst of load from elsewhere hits every tool alike.
measure() {
  local name=$1
  shift
  /usr/bin/time -f "$name %e %M %U %S" -a -o "$OUT/times.txt" "$@" > /dev/null 2>> "$OUT/stderr.txt"
}
: > "$OUT/times.txt"
for i in $(seq 1 "$RUNS"); do
  echo "run $i/$RUNS ..."
  measure wc-l wc -l "$MANIFEST"
  measure lfv-metrics java $JAVA_OPTS -jar "$JAR" evaluate --manifest "$MANIFEST" --json
  LFV_METRICS_JAVA_OPTS=$JAVA_OPTS measure lfv-metrics-launcher "$LAUNCHER" evaluate --manifest "$MANIFEST" --json
  measure python-reference "$PY" "$ROOT/bench/reference.py" "$MANIFEST"
  if [ "${DUCKDB:-1}" = 1 ]; then
    measure duckdb java -jar "$DUCKDB_JAR" "$MANIFEST"
  fi
  if [ -n "$PY_FAST" ]; then
    measure python-fast "$PY_FAST" "$ROOT/bench/fast_reference.py" "$MANIFEST"
  fi
  if [ -n "${BASELINE:-}" ]; then
    measure lfv-metrics-baseline java $JAVA_OPTS -cp "$BASELINE:$JAR" dev.lfvmetrics.cli.Main evaluate \
      --manifest "$MANIFEST" --json
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"

python3 - "$OUT/times.txt" <<'PY' | tee "$OUT/table.md"
import statistics
import sys

runs = {}
for line in open(sys.argv[1]):
    name, wall, rss, user, system = line.split()
    runs.setdefault(name, []).append((float(wall), int(rss), float(user) + float(system)))
python = statistics.median(r[0] for r in runs["python-reference"])
print("| tool | runs | wall median (s) | wall min-max (s) | CPU median (s, user+sys) | peak RSS median (MiB) "
      "| speedup vs Python (median wall) |")
print("|---|---|---|---|---|---|---|")
for name in [n for n in ("wc-l", "lfv-metrics", "lfv-metrics-launcher", "lfv-metrics-baseline", "duckdb",
                         "python-fast", "python-reference") if n in runs]:
    walls = [r[0] for r in runs[name]]
    rss = statistics.median(r[1] for r in runs[name]) / 1024
    cpu = statistics.median(r[2] for r in runs[name])
    med = statistics.median(walls)
    speedup = "%.1fx" % (python / med) if med > 0 else "n/a"
    print("| %s | %d | %.2f | %.2f-%.2f | %.2f | %.0f | %s |" % (name, len(walls), med, min(walls), max(walls), cpu,
                                                                rss, speedup))
PY
echo "results in $OUT"
