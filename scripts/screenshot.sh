#!/usr/bin/env bash
# Renders the course and takes a screenshot of its first lesson with headless Chromium
# (the picture in the README). Needs `./scripts/bootstrap.sh --browser`.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-docs/first-lesson.png}"
swift run litmus render notebooks -o .build/screenshot-site >/dev/null
page="$(ls .build/screenshot-site/*.html | grep -v index.html | head -n 1)"
mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1500 \
    --user-data-dir="$(mktemp -d)" --screenshot="$out" "file://$(pwd)/$page" 2>/dev/null
echo "screenshot: $out"
