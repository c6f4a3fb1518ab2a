#!/usr/bin/env bash
# The pipeline's performance, measured (docs/benchmarks-pipeline.md): ingest of a 100,000-image evaluation within a
# 512 MB Lambda's memory (the real IngestHandler on moto, and the local mode), the query handler's cold path against
# a minimal one-GetItem handler, and the function jar's size.
#
# From a fresh clone, after `mvn -B -DskipTests package`:
#     bench/pipeline/run.sh                 # everything, ~15 min on 2 busy cores
#     RUNS=5 INGEST_RUNS=1 bench/pipeline/run.sh   # quicker, fewer repetitions
#     LINES=1000000 OUT=bench-data/pipeline-1m SKIP="local cold jar" bench/pipeline/run.sh   # ingest only, 1M images
#     JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/pipeline/run.sh   # another JVM (Lambda's runtime is Java 25)
#     SKIP="ingest local jar" bench/pipeline/run.sh   # the cold paths only
# Needs: java 17 or later, python3, /usr/bin/time, curl, moto (moto_server on PATH, $MOTO_PYTHON, or pyenv 3.11.7).
# Writes everything under bench-data/pipeline/ (gitignored); the figures end up in bench-data/pipeline/results/.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="${OUT:-$ROOT/bench-data/pipeline}"
RES="$OUT/results"
LINES="${LINES:-100000}"
RUNS="${RUNS:-15}"                # cold starts per handler and JVM setting
INGEST_RUNS="${INGEST_RUNS:-3}"   # ingests per JVM setting
HEAP="${HEAP:--Xmx400m}"          # a 512 MB function leaves ~400 MB for the heap after metaspace, code, threads
SKIP="${SKIP:-}"                  # words among: ingest local cold jar (e.g. SKIP="local cold" for an ingest-only run)
JAVA="${JAVA:-java}"              # the JVM under measurement
WARM="${WARM:-3}"                 # invocations per JVM in the warm-ingest runs (the first is the cold one)
FN_JAR="$ROOT/functions/target/lfv-metrics-functions.jar"
CLI_JAR="$ROOT/cli/target/lfv-metrics.jar"
HARNESS_JAR="$ROOT/bench/pipeline/target/harness.jar"
TABLE=lfv-bench
DETAILS=lfv-bench-details
ARTIFACTS=lfv-bench-artifacts

for jar in "$FN_JAR" "$CLI_JAR" "$HARNESS_JAR"; do
    [[ -f "$jar" ]] || { echo "missing $jar: run 'mvn -B -DskipTests package' first" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "missing /usr/bin/time (apt-get install time)" >&2; exit 2; }

mkdir -p "$OUT/jars" "$RES"
rm -f "$RES"/*.log "$RES"/*.tsv "$RES"/*.txt
# Snapshots, so a rebuild in the checkout cannot change the code under measurement half-way.
cp "$FN_JAR" "$OUT/jars/functions.jar"
cp "$CLI_JAR" "$OUT/jars/cli.jar"
FN="$OUT/jars/functions.jar"
CLI="$OUT/jars/cli.jar"

log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$RES/run.log"; }

{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
    echo "memory: $(free -m | awk '/Mem:/ {print $2 " MiB"}')"
    echo "java: $("$JAVA" -version 2>&1 | head -2 | tail -1)"
    echo "load at start: $(uptime)"
    echo "functions jar sha256: $(sha256sum "$FN" | cut -c1-16)"
} > "$RES/machine.txt"
cat "$RES/machine.txt"

# The harness is a Maven module (bench/pipeline/pom.xml), built with the rest; a jar, which class-data sharing needs.
cp "$HARNESS_JAR" "$OUT/jars/harness.jar"
CP="$OUT/jars/harness.jar:$FN"

S3DIR="$OUT/s3"
MANIFEST="$S3DIR/$ARTIFACTS/widgets/output/EvaluationManifest-widgets-7.json"
if [[ ! -f "$MANIFEST" || "$(grep -c . "$MANIFEST")" != "$LINES" ]]; then
    log "generating the $LINES-image artifacts"
    rm -rf "$S3DIR"
    python3 "$ROOT/bench/pipeline/make_artifacts.py" --lines "$LINES" --bucket "$ARTIFACTS" --out "$S3DIR" \
        --event "$OUT/event.json"
fi
echo "manifest: $LINES lines, $(stat -c %s "$MANIFEST") bytes" | tee -a "$RES/machine.txt"

# --- moto -------------------------------------------------------------------------------------------------------
if command -v moto_server >/dev/null 2>&1 && moto_server --help >/dev/null 2>&1; then
    MOTO=(moto_server)
elif [[ -n "${MOTO_PYTHON:-}" ]]; then
    MOTO=("$MOTO_PYTHON" -m moto.server)
else
    MOTO=("$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")/versions/3.11.7/bin/python3" -m moto.server)
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${MOTO[@]}" -H 127.0.0.1 -p "$PORT" > "$RES/moto.log" 2>&1 &
MOTO_PID=$!
trap 'kill "$MOTO_PID" 2>/dev/null || true' EXIT
ENDPOINT="http://127.0.0.1:$PORT"
for _ in $(seq 1 150); do
    curl -fs -o /dev/null "$ENDPOINT/moto-api/" && break
    kill -0 "$MOTO_PID" 2>/dev/null || { echo "moto did not start: $(tail -5 "$RES/moto.log")" >&2; exit 2; }
    sleep 0.2
done
log "moto on $ENDPOINT (pid $MOTO_PID)"

TOPIC_ARN=$("$JAVA" -cp "$CP" dev.lfvmetrics.bench.pipeline.Stack "$ENDPOINT" "$TABLE" "$DETAILS" lfv-bench-alerts \
    "$S3DIR")
log "stack created, artifacts uploaded; topic $TOPIC_ARN"

# The functions' environment (docs/design.md), as the stack sets it, plus moto's endpoint and dummy credentials.
export AWS_REGION=us-east-1 TABLE_NAME="$TABLE" DETAILS_BUCKET="$DETAILS" TOPIC_ARN="$TOPIC_ARN" \
    ARTIFACTS_BUCKETS="$ARTIFACTS" DESCRIPTION_BUCKET="$ARTIFACTS" MODEL_CATALOG=s3 DEFAULT_POLICY= \
    DASHBOARD_ENABLED=false AWS_ENDPOINT_URL="$ENDPOINT" \
    AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE JAVA_TOOL_OPTIONS || true

skip() { [[ " $SKIP " == *" $1 "* ]]; }

# --- 1. ingest --------------------------------------------------------------------------------------------------
# timed NAME CMD...: runs CMD under /usr/bin/time -v, appends "name wall_s max_rss_kib exit" to ingest.tsv.
timed() {
    local name="$1"; shift
    local logf="$RES/$name.log"
    local rc=0
    /usr/bin/time -v -o "$logf.time" "$@" > "$logf" 2>&1 || rc=$?
    local wall rss cpu
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$logf.time" \
        | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$logf.time")
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u + s}' "$logf.time")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$wall" "$cpu" "$rss" "$rc" "$(cut -d" " -f1-3 /proc/loadavg)" \
        >> "$RES/ingest.tsv"
    log "$name: ${wall}s wall, ${cpu}s CPU, max RSS $((rss / 1024)) MiB, exit $rc; \
$(grep -h -E '^(output|phases)' "$logf" \
        | tr '\n' ' ' | cut -c1-400)"
    return 0
}
printf 'run\twall_s\tcpu_s\tmax_rss_kib\texit\tload_1_5_15\n' > "$RES/ingest.tsv"
EVENT="$OUT/event.json"
if ! skip ingest; then
for i in $(seq 1 "$INGEST_RUNS"); do
    # Lambda's Java 17 runtime stops tiered compilation at C1 by default: that is the setting that counts.
    timed "ingest-c1-$i" "$JAVA" $HEAP -XX:TieredStopAtLevel=1 -cp "$CP" dev.lfvmetrics.bench.pipeline.IngestOnce "$EVENT"
    timed "ingest-c2-$i" "$JAVA" $HEAP -cp "$CP" dev.lfvmetrics.bench.pipeline.IngestOnce "$EVENT"
    # Cold, then warm: WARM invocations in one JVM, as one execution environment serves consecutive events.
    timed "ingest-warm-$i" "$JAVA" $HEAP -XX:TieredStopAtLevel=1 -cp "$CP" dev.lfvmetrics.bench.pipeline.IngestOnce \
        "$EVENT" "$WARM"
done
# What one evaluation costs on Lambda at list price (arm64, us-east-1, first tier, 2026: $0.0000133334 per
# GB-second, $0.20 per million requests), for the stack's ingest function (1024 MB). Two estimates: this machine's
# wall time as measured, and the CPU time scaled to the share of a vCPU Lambda gives 1024 MB (1024/1769).
python3 - "$RES" "$LINES" <<'PY' | tee "$RES/cost.txt"
import glob, re, statistics, sys
res, lines = sys.argv[1], int(sys.argv[2])
cold, warm, init = [], [], []
for f in sorted(glob.glob(res + "/ingest-warm-*.log")):
    for line in open(f):
        m = re.match(r"invoke (\d+) (cold|warm) wallMs=(\d+) cpuMs=(\d+)", line)
        if m:
            (cold if m.group(2) == "cold" else warm).append((int(m.group(3)), int(m.group(4))))
        m = re.match(r"init wallMs=(\d+) cpuMs=(\d+)", line)
        if m:
            init.append((int(m.group(1)), int(m.group(2))))
GB, PRICE, REQUEST, SHARE = 1024 / 1024, 0.0000133334, 0.20 / 1e6, 1024 / 1769
def med(rows, k):
    return statistics.median(r[k] for r in rows) / 1000 if rows else float("nan")
print("ingest of a %d-image evaluation, %d cold and %d warm invocations (medians)" % (lines, len(cold), len(warm)))
for name, rows in (("init (outside the handler, billed on a cold start)", init), ("first invocation (cold)", cold),
                   ("later invocation (warm)", warm)):
    wall, cpu = med(rows, 0), med(rows, 1)
    print("  %-52s wall %6.2f s  CPU %6.2f s" % (name, wall, cpu))
for name, rows, extra in (("cold (init + first invocation)", cold, init), ("warm", warm, [])):
    wall = med(rows, 0) + (med(extra, 0) if extra else 0)
    cpu = med(rows, 1) + (med(extra, 1) if extra else 0)
    print("  cost, %-30s $%.6f (this machine's wall time) / $%.6f (CPU time at 1024 MB's vCPU share)"
          % (name, wall * GB * PRICE + REQUEST, cpu / SHARE * GB * PRICE + REQUEST))
PY
# How much of the 512 MB it needs: the heap the JVM would pick for 512 MB of RAM (128 MB), and a tight 64 MB.
timed "ingest-maxram512m" "$JAVA" -XX:MaxRAM=512m -XX:TieredStopAtLevel=1 -cp "$CP" \
    dev.lfvmetrics.bench.pipeline.IngestOnce "$EVENT"
for heap in 64m 32m; do
    timed "ingest-xmx$heap" "$JAVA" -Xmx$heap -XX:TieredStopAtLevel=1 -cp "$CP" \
        dev.lfvmetrics.bench.pipeline.IngestOnce "$EVENT"
done
"$JAVA" -cp "$CP" dev.lfvmetrics.bench.pipeline.VerifyItem widgets 7 "$LINES" | tee "$RES/verify.txt"
# Where the time goes: three more runs under Java Flight Recorder, sampling every millisecond instead of JFR's 10-20
# ms (not counted in the figures above).
sed 's|\(control="method-sampling-java-interval">\)[^<]*<|\11 ms<|' \
    "$(dirname "$(dirname "$(readlink -f "$(command -v "$JAVA")")")")/lib/jfr/profile.jfc" > "$OUT/fine.jfc"
JFR_OPTS=(-XX:FlightRecorderOptions:stackdepth=512)
for i in 1 2 3; do
    "$JAVA" $HEAP -XX:TieredStopAtLevel=1 "${JFR_OPTS[@]}" \
        -XX:StartFlightRecording=filename="$OUT/ingest-$i.jfr",settings="$OUT/fine.jfc" \
        -cp "$CP" dev.lfvmetrics.bench.pipeline.IngestOnce "$EVENT" > "$RES/ingest-jfr-$i.log" 2>&1
done
python3 "$ROOT/bench/pipeline/profile.py" "$OUT"/ingest-[123].jfr > "$RES/ingest-profile.txt"
# The same ingest with the S3 calls timed (a timing wrapper around the real S3 store): S3 versus everything else.
for i in 1 2 3; do
    "$JAVA" $HEAP -XX:TieredStopAtLevel=1 -cp "$CP" dev.lfvmetrics.bench.pipeline.IngestPhases "$EVENT" 2>/dev/null \
        | grep -v '^{' > "$RES/ingest-phases-c1-$i.txt"
done
"$JAVA" $HEAP -cp "$CP" dev.lfvmetrics.bench.pipeline.IngestPhases "$EVENT" 2>/dev/null | grep -v '^{' \
    > "$RES/ingest-phases-c2.txt"
tail -n +2 "$RES"/ingest-phases-*.txt
# The profile's biggest item is SHA-256 (moto is plain HTTP, so the SDK signs the upload's payload): its cost per
# JIT setting, for the size of the details this ingest uploads.
details_mib=$(( ($(awk '/images.jsonl/ {print $(NF-3)}' "$RES/verify.txt") + 1048575) / 1048576 ))
for jit in "-XX:TieredStopAtLevel=1" "-XX:+TieredCompilation"; do
    echo "$jit: $("$JAVA" $jit -cp "$CP" dev.lfvmetrics.bench.pipeline.Sha256Cost "$details_mib" | tr '\n' ';')"
done | tee "$RES/sha256-cost.txt"
else
    # The later sections read the stored model: ingest it once, untimed.
    "$JAVA" $HEAP -XX:TieredStopAtLevel=1 -cp "$CP" dev.lfvmetrics.bench.pipeline.IngestOnce "$EVENT" \
        > "$RES/ingest-setup.log" 2>&1
fi

if ! skip local; then
log "local mode, $INGEST_RUNS runs, fresh state each"
for i in $(seq 1 "$INGEST_RUNS"); do
    rm -rf "$OUT/local-state"
    (unset AWS_ENDPOINT_URL TABLE_NAME DETAILS_BUCKET TOPIC_ARN ARTIFACTS_BUCKETS DESCRIPTION_BUCKET MODEL_CATALOG; \
        timed "local-$i" "$JAVA" $HEAP -jar "$CLI" local --artifacts "$S3DIR" --state "$OUT/local-state" --no-serve)
done
rm -rf "$OUT/local-state-jfr"
(unset AWS_ENDPOINT_URL TABLE_NAME DETAILS_BUCKET TOPIC_ARN ARTIFACTS_BUCKETS DESCRIPTION_BUCKET MODEL_CATALOG; \
    "$JAVA" $HEAP "${JFR_OPTS[@]}" -XX:StartFlightRecording=filename="$OUT/local.jfr",settings="$OUT/fine.jfc" \
    -jar "$CLI" local \
    --artifacts "$S3DIR" --state "$OUT/local-state-jfr" --no-serve > "$RES/local-jfr.log" 2>&1)
python3 "$ROOT/bench/pipeline/profile.py" "$OUT/local.jfr" > "$RES/local-profile.txt"
ls -la "$OUT/local-state" > "$RES/local-state.txt" 2>&1 || true
du -sh "$OUT/local-state" >> "$RES/local-state.txt" 2>&1 || true
fi

# --- 2. query handler cold path ---------------------------------------------------------------------------------
if ! skip cold; then
printf 'setting\thandler\trun\tjvm_to_main_ms\tjvm_to_init_ms\tjvm_to_response_ms\tprocess_ms\tbody_chars\n' \
    > "$RES/cold.tsv"
cold() {
    local setting="$1" handler="$2" run="$3"; shift 3
    local start end line
    start=$(date +%s%N)
    line=$("$JAVA" "$@" -cp "$CP" dev.lfvmetrics.bench.pipeline.ColdStart "$handler" 2>>"$RES/cold-stderr.log" \
        | grep '^cold ')
    end=$(date +%s%N)
    local f
    f() { echo "$line" | tr ' ' '\n' | awk -F= -v k="$1" '$1==k {print $2}'; }
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$setting" "$handler" "$run" "$(f jvmToMainMs)" "$(f jvmToInitMs)" \
        "$(f jvmToResponseMs)" "$(( (end - start) / 1000000 ))" "$(f bodyChars)" >> "$RES/cold.tsv"
}
# A dynamic class-data-sharing archive per handler, written by one training run each; moto's log tells how many
# requests one cold request costs each handler, and -verbose:class how many classes it loads.
for handler in api getitem getitem+s3; do
    before=$(wc -l < "$RES/moto.log")
    "$JAVA" $HEAP -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$OUT/cds-$handler.jsa" -cp "$CP" \
        dev.lfvmetrics.bench.pipeline.ColdStart "$handler" > "$RES/cds-$handler.log" 2>&1
    sleep 0.5
    requests=$(tail -n +"$((before + 1))" "$RES/moto.log" | grep -c -E '"(GET|POST|PUT|HEAD) ' || true)
    classes=$("$JAVA" $HEAP -XX:TieredStopAtLevel=1 -Xshare:off -verbose:class -cp "$CP" \
        dev.lfvmetrics.bench.pipeline.ColdStart "$handler" 2>/dev/null | grep -c '^\[.*class,load' || true)
    echo "$handler: $requests HTTP requests to moto, $classes classes loaded" | tee -a "$RES/cold-requests.txt"
done
log "cold starts: $RUNS runs x 3 handlers x 3 settings (interleaved, so load changes hit all alike)"
for run in $(seq 1 "$RUNS"); do
    for handler in api getitem getitem+s3; do
        cold default "$handler" "$run" $HEAP
        cold c1 "$handler" "$run" $HEAP -XX:TieredStopAtLevel=1
        cold c1+cds "$handler" "$run" $HEAP -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile="$OUT/cds-$handler.jsa"
    done
done
python3 - "$RES/cold.tsv" <<'EOF' | tee "$RES/cold-summary.txt"
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
def stats(values):
    values = sorted(values)
    return statistics.median(values), values[0], values[-1]
print("setting   handler    n   JVM start->response ms: median [min..max]   process ms: median [min..max]"
      "   init / first invoke ms (medians)")
medians = {}
for setting in dict.fromkeys(r["setting"] for r in rows):
    for handler in ("api", "getitem", "getitem+s3"):
        sel = [r for r in rows if r["setting"] == setting and r["handler"] == handler and r["jvm_to_response_ms"]]
        if not sel:
            continue
        resp = stats([int(r["jvm_to_response_ms"]) for r in sel])
        proc = stats([int(r["process_ms"]) for r in sel])
        init = statistics.median(int(r["jvm_to_init_ms"]) - int(r["jvm_to_main_ms"]) for r in sel)
        invoke = statistics.median(int(r["jvm_to_response_ms"]) - int(r["jvm_to_init_ms"]) for r in sel)
        medians[(setting, handler)] = (resp[0], proc[0])
        print("%-9s %-10s %-3d %6d [%d..%d]%26s %6d [%d..%d]%17s %d / %d" % (setting, handler, len(sel), resp[0],
              resp[1], resp[2], "", proc[0], proc[1], proc[2], "", init, invoke))
for setting in dict.fromkeys(s for s, _ in medians):
    for base in ("getitem", "getitem+s3"):
        if (setting, "api") in medians and (setting, base) in medians:
            a, g = medians[(setting, "api")], medians[(setting, base)]
            print("ratio api/%-10s %-7s: JVM start->response %.2f, process %.2f"
                  % (base + ",", setting, a[0] / g[0], a[1] / g[1]))
EOF

fi

# --- 3. jar size ------------------------------------------------------------------------------------------------
skip jar || {
    echo "functions jar: $(stat -c %s "$FN") bytes ($(awk "BEGIN {printf \"%.1f\", $(stat -c %s "$FN")/1048576}") MiB)"
    echo "entries: $(unzip -Z1 "$FN" | wc -l), classes: $(unzip -Z1 "$FN" | grep -c '\.class$')"
    echo "biggest contributors (uncompressed bytes, compressed bytes, files; package to 4 levels):"
    unzip -v "$FN" | awk 'NR>3 && $8 != "" && $1 ~ /^[0-9]+$/ {
        n = split($8, p, "/"); k = (n > 4 ? p[1] "/" p[2] "/" p[3] "/" p[4] : $8);
        if ($8 ~ /^software\/amazon\/awssdk\/services\//) { k = p[1] "/" p[2] "/" p[3] "/" p[4] "/" p[5] }
        u[k] += $1; c[k] += $3; f[k]++ }
        END { for (k in u) printf "%12d %12d %6d  %s\n", u[k], c[k], f[k], k }' | sort -k2 -rn | sed -n '1,25p'
    echo "HTTP clients inside (must be url-connection only):"
    for pattern in 'software/amazon/awssdk/http/apache/' 'software/amazon/awssdk/http/apache5/' \
        'org/apache/http/' 'io/netty/' 'software/amazon/awssdk/http/nio/netty/' \
        'software/amazon/awssdk/http/crt/' 'software/amazon/awssdk/http/urlconnection/'; do
        echo "  $pattern: $(unzip -Z1 "$FN" | grep -c "^$pattern" || true) entries"
    done
} | tee "$RES/jar.txt"

echo "load at end: $(uptime)" | tee -a "$RES/machine.txt"
log "done; results in $RES"
