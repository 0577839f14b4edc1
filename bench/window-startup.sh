#!/bin/sh
# Window start-up time (launch -> the log's "first frame shown", the starting view's first laid-out pulse, and
# "window ready", the full window's) and idle RSS (VmRSS after 30 and 40 s), on a virtual display (Xvfb, software renderer), through packaging/switchboard, so with the
# desktop JVM options and the class-data archive when target/switchboard.jsa exists (packaging/cds-archive.sh).
# Usage (from the project root): bench/window-startup.sh [runs] [name=JVM options ...]
#   e.g. bench/window-startup.sh 10 "default-CDS-only=-XX:SharedArchiveFile=$JAVA_HOME/lib/server/classes.jsa"
# Needs Xvfb (apt-get install -y xvfb) and GTK 3. Variants run in turn in every run, so they share the noise.
set -eu
cd "$(dirname "$0")/.."
RUNS="${1:-10}"
[ $# -gt 0 ] && shift
[ -f target/switchboard.jar ] || mvn -q -o package -DskipTests
command -v Xvfb >/dev/null || { echo "no Xvfb: apt-get install -y xvfb" >&2; exit 1; }
WORK="$(mktemp -d)"
exec 3>"$WORK/display"
Xvfb -displayfd 3 -nolisten tcp -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null; rm -rf "$WORK"' EXIT
while [ ! -s "$WORK/display" ]; do sleep 0.1; done
export DISPLAY=":$(cat "$WORK/display")"

now_ms() { date +%s%3N; }

# one start: prints "<ms to first frame> <ms to window ready> <RSS at 30 s MB> <RSS at 40 s MB>" (RSS only when
# $2 = rss)
one() {
  opts="$1"; what="$2"
  rm -rf "$WORK/data" "$WORK/err"
  t0=$(now_ms)
  JAVA_OPTS="-Dprism.order=sw $opts" sh packaging/switchboard --demo --port 0 --data-dir "$WORK/data" \
    >/dev/null 2>"$WORK/err" &
  pid=$!
  i=0
  until grep -q "window ready" "$WORK/err" 2>/dev/null; do
    i=$((i + 1))
    if [ $i -gt 3000 ] || ! kill -0 $pid 2>/dev/null; then echo "no first frame" >&2; cat "$WORK/err" >&2; exit 1; fi
    sleep 0.01
  done
  stamp=$(grep -m1 "first frame shown" "$WORK/err" | cut -d' ' -f1)
  t1=$(date -d "$(date +%F) $stamp" +%s%3N)
  stamp=$(grep -m1 "window ready" "$WORK/err" | cut -d' ' -f1)
  t2=$(date -d "$(date +%F) $stamp" +%s%3N)
  rss30=""; rss40=""
  if [ "$what" = rss ]; then
    sleep $((30 - ($(now_ms) - t0) / 1000))
    rss30=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status)
    sleep 10
    rss40=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status)
  fi
  kill -TERM $pid; wait $pid 2>/dev/null || true
  echo "$((t1 - t0)) $((t2 - t0)) $rss30 $rss40"
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
max() { sort -n | tail -1; }

echo "Switchboard=" > "$WORK/variants"
for variant in "$@"; do echo "$variant" >> "$WORK/variants"; done
echo "window start-up (launch -> first frame) and idle RSS, $RUNS runs, $(nproc) cores, Xvfb + software rendering"
for run in $(seq 1 "$RUNS"); do
  while IFS= read -r variant; do
    name="${variant%%=*}"; opts="${variant#*=}"
    what=start; [ "$run" = 1 ] && what=rss
    result=$(one "$opts" $what </dev/null)
    ms=$(echo "$result" | cut -d' ' -f1); ready=$(echo "$result" | cut -d' ' -f2)
    r30=$(echo "$result" | cut -d' ' -f3); r40=$(echo "$result" | cut -d' ' -f4)
    echo "$ms" >> "$WORK/start-$name"
    echo "$ready" >> "$WORK/ready-$name"
    [ -n "$r30" ] && echo "$r30 $r40" > "$WORK/rss-$name"
    echo "  run $run $name: first frame after $ms ms, window ready after $ready ms${r30:+, RSS $r30 MB at 30 s, $r40 MB at 40 s}"
  done < "$WORK/variants"
done
echo
echo "| | first frame, median | max | window ready, median | max | idle RSS at 30 s / 40 s |"
echo "|---|---|---|---|---|---|"
while IFS= read -r variant; do
  name="${variant%%=*}"; opts="${variant#*=}"
  echo "| $name${opts:+ \`$opts\`} | $(median < "$WORK/start-$name") ms | $(max < "$WORK/start-$name") ms \
| $(median < "$WORK/ready-$name") ms | $(max < "$WORK/ready-$name") ms | $(cat "$WORK/rss-$name" | sed 's# # MB / #') MB |"
done < "$WORK/variants"
