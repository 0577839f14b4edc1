#!/bin/sh
# Runs a benchmark from src/test/java/dev/switchboard/bench on the test classpath.
# Usage (from the project root): bench/run.sh DurableWebhookBench|SlowClientBench|HeadlessMemoryBench [args...]
set -e
NAME="$1"; shift
mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java $BENCH_JAVA_OPTS -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  "dev.switchboard.bench.$NAME" "$@"
