#!/usr/bin/env bash
# Renders the course and takes screenshots with headless Chromium: the first lesson (the
# README's picture), the notebook lesson, and — where ../shared/seeds is present — the seed
# lesson (kept in .build/screenshots, not in the repository). Needs `./scripts/bootstrap.sh --browser`.
#   ./scripts/screenshot.sh [OUT_DIR]    (default: docs)
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-docs}"
site=.build/screenshot-site
mkdir -p "$out" .build/screenshots
swift run litmus render notebooks -o "$site" >/dev/null

shoot() { # PAGE PNG [HEIGHT]
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="1280,${3:-1500}" \
        --user-data-dir="$(mktemp -d)" --screenshot="$2" "file://$(pwd)/$1" 2>/dev/null
    echo "screenshot: $2"
}

first="$(ls "$site"/*.html | grep -v index.html | head -n 1)"
shoot "$first" "$out/first-lesson.png"
notebook="$(ls notebooks/*.ipynb | head -n 1)"
if [ -n "$notebook" ]; then
    page="$site/$(basename "${notebook%.ipynb}").html"
    shoot "$page" "$out/notebook-page.png"
fi

seed="$(ls ../shared/seeds/*.txt 2>/dev/null | head -n 1 || true)"
if [ -n "$seed" ]; then
    mkdir -p .build/screenshot-seed
    cp "$seed" .build/screenshot-seed/seed.md
    swift run litmus render .build/screenshot-seed/seed.md -o .build/screenshot-seed/site >/dev/null 2>&1 || true
    shoot .build/screenshot-seed/site/seed.html .build/screenshots/seed.png 2200
fi
