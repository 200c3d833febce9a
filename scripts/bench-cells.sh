#!/usr/bin/env bash
# Times the cells' side of Litmus on the course in notebooks/, one JSON line per figure:
#   first-build   `swift build --product litmus` + `litmus build` in a fresh clone (clean .build)
#   cached-test   `litmus test` of the unchanged course (every lesson from the cache; goal < 1 s)
#   edited-test   `litmus test` after editing one cell (incremental build + that lesson; goal < 3 s)
#   jobs-1/jobs-2 `litmus test --no-cache` with one and with two lessons at a time
# Works in a clone of HEAD in a temporary folder, so the working tree is never touched.
#   --skip-first-build   reuse the clone's build (for a quick rerun of the other figures)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${LITMUS_BENCH_DIR:-${TMPDIR:-/tmp}/litmus-bench-cells}"
skip_first=false
[ "${1:-}" = "--skip-first-build" ] && skip_first=true

now() { date +%s.%N; }
figure() { printf '{"benchmark":"cells","figure":"%s","seconds":%.2f%s}\n' "$1" "$(echo "$3 - $2" | bc)" "${4:-}"; }

if ! $skip_first || [ ! -d "$work/litmus" ]; then
    rm -rf "$work"
    mkdir -p "$work"
    git clone -q "$root" "$work/litmus"
    cd "$work/litmus"
    start=$(now)
    swift build --product litmus >/dev/null 2>&1
    .build/debug/litmus build >/dev/null 2>&1 || true
    figure first-build "$start" "$(now)" ",\"cores\":$(nproc)"
fi
cd "$work/litmus"
litmus=.build/debug/litmus
$litmus test >/dev/null 2>&1 || true   # warm: everything built and cached once

start=$(now)
$litmus test >/dev/null 2>&1 || true
figure cached-test "$start" "$(now)"

lesson=notebooks/01-the-artificial-neuron.md
cp "$lesson" "$lesson.bak"
trap 'mv "$lesson.bak" "$lesson"' EXIT
# One cell edited: a comment line added to its first line of code.
awk -v stamp="$(date +%s%N)" 'done == 0 && /^```swift/ { print; print "// edited for the benchmark " stamp; done = 1; next } { print }' \
    "$lesson.bak" >"$lesson"
start=$(now)
$litmus test >/dev/null 2>&1 || true
figure edited-test "$start" "$(now)"

for jobs in 1 2; do
    start=$(now)
    $litmus test --no-cache --jobs "$jobs" >/dev/null 2>&1 || true
    figure "jobs-$jobs" "$start" "$(now)"
done
