#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what the tests need (Debian's Chromium for the
# browser tests), checks that moto is reachable (the integration tests start and stop it themselves), then runs
# the Maven build with unit tests, integration tests, CDK synth + cdk-nag and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20

bash scripts/install-browser.sh
bash scripts/find-moto.sh >/dev/null

mvn -B -ntp verify "$@"
