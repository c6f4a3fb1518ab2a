#!/usr/bin/env bash
# Compiles core/ as it was at an earlier commit into bench-data/baseline-<commit>/classes, so that bench/run.sh can
# measure the CLI with that engine (BASELINE=bench-data/baseline-<commit>/classes bench/run.sh): the current CLI jar
# with the old core classes first on the class path.
#
#   bench/build_baseline.sh 45c1664     # the engine before the performance work (Jackson parser, two-way split)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
COMMIT=${1:?usage: build_baseline.sh COMMIT}
OUT=$ROOT/bench-data/baseline-$COMMIT
JAR=$ROOT/cli/target/lfv-metrics.jar
[ -f "$JAR" ] || { echo "missing $JAR: mvn -B -pl cli -am package -DskipTests" >&2; exit 2; }
rm -rf "$OUT"
mkdir -p "$OUT/src" "$OUT/classes"
git -C "$ROOT" archive "$COMMIT" core/src/main/java | tar -x -C "$OUT/src"
# The shaded CLI jar carries Jackson, the core's only dependency.
javac --release 17 -nowarn -d "$OUT/classes" -cp "$JAR" $(find "$OUT/src" -name '*.java')
echo "$OUT/classes"
