#!/bin/sh
# Builds the class-data-sharing archive (AppCDS: JDK 17's dynamic archive, -XX:ArchiveClassesAtExit) that lets the
# JVM map Switchboard's classes instead of loading and verifying them at every start.
#   packaging/cds-archive.sh jar     target/switchboard.jsa, used by packaging/switchboard
#   packaging/cds-archive.sh image   target/dist/Switchboard/lib/app/switchboard.jsa, used by the app image
# It runs the app once — the window on a virtual display when Xvfb is installed, else headless — until its start-up
# warm-up has been through the webhook -> accept path, stops it, and the JVM writes every class it loaded.
# An archive matches only the jar it was made from, at that path (JDK 17 cannot relocate it): rebuild it after
# every mvn package; a stale or moved one is ignored silently.
set -eu
cd "$(dirname "$0")/.."
MODE="${1:-jar}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
if command -v Xvfb >/dev/null 2>&1; then
  # the window's classes too: it starts on a virtual display with the software renderer
  exec 3>"$WORK/display"
  Xvfb -displayfd 3 -nolisten tcp -screen 0 1280x800x24 >/dev/null 2>&1 &
  XVFB=$!
  trap 'kill $XVFB 2>/dev/null; rm -rf "$WORK"' EXIT
  while [ ! -s "$WORK/display" ]; do sleep 0.1; done
  DISPLAY=":$(cat "$WORK/display")"
  export DISPLAY
  JVM="-Dprism.order=sw"
  MODEARGS="--demo"
else
  JVM=""
  MODEARGS="--headless"
fi
if [ "$MODE" = image ]; then
  APP="$PWD/target/dist/Switchboard"
  ARCHIVE="$APP/lib/app/switchboard.jsa"
  [ -x "$APP/lib/runtime/bin/java" ] || { echo "no app image with a runtime launcher: run jpackage @jpackage.cfg first" >&2; exit 1; }
  # the app image's own runtime and class path, exactly as its launcher passes them
  set -- "$APP/lib/runtime/bin/java" -XX:ArchiveClassesAtExit="$ARCHIVE" -XX:+UseSerialGC -Xmx256m $JVM \
    -Djava.class.path="$APP/lib/app/switchboard.jar" -Djpackage.app-path="$APP/bin/Switchboard" \
    dev.switchboard.app.Launcher
else
  ARCHIVE="$PWD/target/switchboard.jsa"
  [ -f target/switchboard.jar ] || { echo "no target/switchboard.jar: run mvn package first" >&2; exit 1; }
  set -- env JAVA_OPTS="-XX:ArchiveClassesAtExit=$ARCHIVE $JVM" sh packaging/switchboard
fi
rm -f "$ARCHIVE"
# a live-mode start (fake key and secret, an API address nobody listens on), so the warm-up runs the real path
OPENAI_API_KEY=sk-cds-training-0000000000000000 \
OPENAI_WEBHOOK_SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw \
  "$@" $MODEARGS --port 0 --data-dir "$WORK/data" --base-url http://127.0.0.1:9/v1 >"$WORK/out.log" 2>&1 &
PID=$!
i=0
until grep -q "warm-up:" "$WORK/out.log" 2>/dev/null; do
  i=$((i + 1))
  if [ "$i" -gt 900 ] || ! kill -0 "$PID" 2>/dev/null; then
    cat "$WORK/out.log" >&2
    echo "the training run did not finish its warm-up" >&2
    kill "$PID" 2>/dev/null || true
    exit 1
  fi
  sleep 0.1
done
sleep 1
kill -TERM "$PID"
wait "$PID" || true
[ -f "$ARCHIVE" ] || { cat "$WORK/out.log" >&2; echo "no archive was written" >&2; exit 1; }
echo "class-data archive: $ARCHIVE ($(du -m "$ARCHIVE" | cut -f1) MB)"
