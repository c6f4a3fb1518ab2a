#!/usr/bin/env bash
# Start-up cost of one CLI run, the part a CI gate pays every time: `--version`, `evaluate --json` and `gate` (text,
# events/thresholds.json) of the bundled 140-image sample, through `java -jar` (Java 17), the launcher on Java 17 (class-data archive) and the launcher on
# Java 25 (ahead-of-time cache), interleaved, wall and CPU time, medians. See docs/benchmarks.md ("Start-up").
#
#   bench/startup.sh            # 11 runs of each; JAVA17 and JAVA25 name the two JDKs' homes
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-11}
JAVA17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=$ROOT/cli/target/lfv-metrics.jar
SAMPLE=$ROOT/events/artifacts/lfv-samples/circuit-board/output/EvaluationManifest-circuit-board-2.json
OUT=$ROOT/bench-data/startup-$(date -u +%Y%m%dT%H%M%SZ).tsv
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 1; }
mkdir -p "$ROOT/bench-data"
JAVA_HOME=$JAVA25 "$ROOT/bin/lfv-metrics" --version > /dev/null   # trains the AOT cache once if it is missing
printf 'run\tcase\tcommand\twall_s\tcpu_s\n' > "$OUT"
for run in $(seq 1 "$RUNS"); do
  for command in version evaluate gate; do
    case $command in
      version) args=(--version) ;;
      evaluate) args=(evaluate --manifest "$SAMPLE" --json) ;;
      gate) args=(gate --manifest "$SAMPLE" --thresholds "$ROOT/events/thresholds.json") ;;
    esac
    for case in java-jar launcher-17 launcher-25; do
      case $case in
        java-jar) cmd=("$JAVA17/bin/java" -jar "$JAR") ;;
        launcher-17) cmd=(env JAVA_HOME="$JAVA17" "$ROOT/bin/lfv-metrics") ;;
        launcher-25) cmd=(env JAVA_HOME="$JAVA25" "$ROOT/bin/lfv-metrics") ;;
      esac
      # A gate with breaches exits 1: that is its answer, not a failed run.
      /usr/bin/time -f '%e %U %S' -o "$ROOT/bench-data/time" "${cmd[@]}" "${args[@]}" > /dev/null || [ $? -eq 1 ]
      read -r wall user sys < <(tail -n 1 "$ROOT/bench-data/time")   # after time's note of a non-zero exit
      printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$case" "$command" "$wall" "$(echo "$user + $sys" | bc)" >> "$OUT"
    done
  done
done
echo "results: $OUT"
python3 - "$OUT" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
for command in ("version", "evaluate", "gate"):
    for case in ("java-jar", "launcher-17", "launcher-25"):
        r = [x for x in rows if x["case"] == case and x["command"] == command]
        wall = sorted(float(x["wall_s"]) for x in r)
        cpu = statistics.median(float(x["cpu_s"]) for x in r)
        print(f"{command:9s} {case:12s} wall {statistics.median(wall):.2f} s ({wall[0]:.2f}-{wall[-1]:.2f})"
              f"  cpu {cpu:.2f} s  ({len(r)} runs)")
PY
