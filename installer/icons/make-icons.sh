#!/usr/bin/env bash
# Regenerates the committed app icons from nothing but ImageMagick and DejaVu Sans (run once by hand;
# the build uses the committed files). Needs: imagemagick, fonts-dejavu-core, icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
draw() { # size -> querent-<size>.png: a rounded teal square, a white "Q" and an amber label tag
  local s=$1 r=$(( $1 / 5 )) m=$(( $1 / 32 ))
  convert -size "${s}x${s}" xc:none \
    -fill '#0f766e' -draw "roundrectangle $m,$m $((s - m - 1)),$((s - m - 1)) $r,$r" \
    -font DejaVu-Sans-Bold -pointsize $(( s * 7 / 10 )) -fill white -gravity center -annotate +0-$(( s / 24 )) 'Q' \
    -fill '#f59e0b' -draw "circle $(( s * 3 / 4 )),$(( s * 3 / 4 )) $(( s * 3 / 4 + s / 9 )),$(( s * 3 / 4 ))" \
    -strip -define png:compression-level=9 "querent-$s.png"
}
for s in 16 32 48 128 256; do draw $s; done
cp querent-256.png querent.png
convert querent-16.png querent-32.png querent-48.png querent-256.png querent.ico
png2icns querent.icns querent-16.png querent-32.png querent-128.png querent-256.png >/dev/null
rm -f querent-16.png querent-32.png querent-48.png querent-128.png querent-256.png
ls -l querent.png querent.ico querent.icns
