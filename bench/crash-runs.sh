#!/bin/sh
# Kill -9 during a burst of 50 webhooks, RUNS times (default 25) on one data directory: every call that got its
# 200 must be in the store, PRAGMA integrity_check = ok, and the next start reopens the directory.
# Usage (from the project root): bench/crash-runs.sh [RUNS]
set -e
RUNS="${1:-25}"
mvn -q -o test -Dtest=WebhookCrashTest -Dswitchboard.crashRuns="$RUNS" -Dsurefire.failIfNoSpecifiedTests=false
grep -h -A"$RUNS" "crash runs" target/surefire-reports/TEST-dev.switchboard.store.WebhookCrashTest.xml
