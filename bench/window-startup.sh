#!/bin/sh
# Window start-up time and idle RSS (VmRSS after 30 and 40 s) on a virtual display (Xvfb, software renderer):
# launch -> the log's "first frame shown" (the starting view's first frame rendered) and the screen's first pixels
# of it, then -> "window ready" (the monitor's) and its pixels; pixels are read from Xvfb's screen. Through
# packaging/switchboard, so with the
# desktop JVM options and the class-data archive when target/switchboard.jsa exists (packaging/cds-archive.sh).
# Usage (from the project root): bench/window-startup.sh [runs] [name=JVM options ...]
#   e.g. bench/window-startup.sh 10 "default-CDS-only=-XX:SharedArchiveFile=$JAVA_HOME/lib/server/classes.jsa"
# Needs Xvfb (apt-get install -y xvfb), GTK 3 and python3. Variants run in turn in every run, so they share the noise.
set -eu
cd "$(dirname "$0")/.."
RUNS="${1:-10}"
[ $# -gt 0 ] && shift
[ -f target/switchboard.jar ] || mvn -q -o package -DskipTests
command -v Xvfb >/dev/null || { echo "no Xvfb: apt-get install -y xvfb" >&2; exit 1; }
WORK="$(mktemp -d)"
exec 3>"$WORK/display"
Xvfb -displayfd 3 -nolisten tcp -screen 0 1280x800x24 -fbdir "$WORK" >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null; rm -rf "$WORK"' EXIT
while [ ! -s "$WORK/display" ]; do sleep 0.1; done
export DISPLAY=":$(cat "$WORK/display")"

now_ms() { date +%s%3N; }

# one start: prints "<ms to first frame> <ms to its pixels> <ms to window ready> <ms to its pixels> <RSS at 30 s MB>
# <RSS at 40 s MB>" (RSS only when $2 = rss); pixels are read from Xvfb's screen (bench/first-pixels.py)
one() {
  opts="$1"; what="$2"
  rm -rf "$WORK/data" "$WORK/err" "$WORK/pixels"
  python3 bench/first-pixels.py "$WORK/Xvfb_screen0" 60 > "$WORK/pixels" &
  poller=$!
  python3 bench/first-pixels.py "$WORK/Xvfb_screen0" 60 monitor > "$WORK/monitor-pixels" &
  monitor_poller=$!
  sleep 0.3 # the pollers' own start-up is not the window's
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
  wait $poller || { echo "no pixels on the screen" >&2; exit 1; }
  wait $monitor_poller || { echo "no monitor on the screen" >&2; exit 1; }
  t3=$(cat "$WORK/pixels")
  t4=$(cat "$WORK/monitor-pixels")
  rss30=""; rss40=""
  if [ "$what" = rss ]; then
    sleep $((30 - ($(now_ms) - t0) / 1000))
    rss30=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status)
    sleep 10
    rss40=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status)
  fi
  kill -TERM $pid; wait $pid 2>/dev/null || true
  echo "$((t1 - t0)) $((t3 - t0)) $((t2 - t0)) $((t4 - t0)) $rss30 $rss40"
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
    ms=$(echo "$result" | cut -d' ' -f1); pixels=$(echo "$result" | cut -d' ' -f2)
    ready=$(echo "$result" | cut -d' ' -f3)
    shown=$(echo "$result" | cut -d' ' -f4)
    r30=$(echo "$result" | cut -d' ' -f5); r40=$(echo "$result" | cut -d' ' -f6)
    echo "$shown" >> "$WORK/shown-$name"
    echo "$ms" >> "$WORK/start-$name"
    echo "$pixels" >> "$WORK/pixels-$name"
    echo "$ready" >> "$WORK/ready-$name"
    [ -n "$r30" ] && echo "$r30 $r40" > "$WORK/rss-$name"
    echo "  run $run $name: first frame after $ms ms, on screen after $pixels ms, window ready after $ready ms, on screen after $shown ms${r30:+, RSS $r30 MB at 30 s, $r40 MB at 40 s}"
  done < "$WORK/variants"
done
echo
echo "| | first frame, median | max | on screen, median | max | window ready, median | max | on screen, median | max | idle RSS at 30 s / 40 s |"
echo "|---|---|---|---|---|---|---|---|---|---|"
while IFS= read -r variant; do
  name="${variant%%=*}"; opts="${variant#*=}"
  row="| $name${opts:+ \`$opts\`}"
  for what in start pixels ready shown; do
    row="$row | $(median < "$WORK/$what-$name") ms | $(max < "$WORK/$what-$name") ms"
  done
  echo "$row | $(sed 's# # MB / #' "$WORK/rss-$name") MB |"
done < "$WORK/variants"
