#!/usr/bin/env bash
# Regenerates the committed PNG/ICO/ICNS files from the SVG sources. Not needed to build: the outputs are
# committed. Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
# switchboard-small.svg is the same mark simplified for 16-32 px (two pixel-aligned bars, bigger handset).
set -euo pipefail
cd "$(dirname "$0")"
for s in 16 24 32; do rsvg-convert -w $s -h $s switchboard-small.svg -o switchboard-$s.png; done
for s in 48 64 128 256 512; do rsvg-convert -w $s -h $s switchboard.svg -o switchboard-$s.png; done
convert switchboard-{16,24,32,48,64,128,256}.png switchboard.ico
png2icns switchboard.icns switchboard-{16,32,48,128,256,512}.png >/dev/null
mkdir -p ../src/main/resources/dev/switchboard/icons
for s in 16 24 32 48 64 128 256; do cp switchboard-$s.png ../src/main/resources/dev/switchboard/icons/; done
