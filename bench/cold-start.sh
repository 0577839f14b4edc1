#!/bin/sh
# Cold-start benchmark: Switchboard (target/switchboard.jar through packaging/switchboard) against the tutorial's
# Node server (bench/node), fresh processes, first call and calls 2-N. See ColdStartBench.
# Usage (from the project root): bench/cold-start.sh [runs] [calls] [extra JVM options for Switchboard...]
set -e
cd "$(dirname "$0")/.."
[ -f target/switchboard.jar ] || mvn -q -o package -DskipTests
[ -d bench/node/node_modules ] || (cd bench/node && npm ci --no-audit --no-fund)
exec bench/run.sh ColdStartBench "$@"
