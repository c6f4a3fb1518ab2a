#!/usr/bin/env bash
# Builds the project and runs the local mode on the bundled sample: ingests the sample evaluations, prints the
# alerts, and serves the query API and the dashboard on http://127.0.0.1:8080 until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -DskipTests package
exec java -jar cli/target/lfv-metrics.jar local --artifacts events/artifacts --state state \
  --thresholds events/thresholds.json --port "${PORT:-8080}" "$@"
