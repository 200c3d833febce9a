#!/usr/bin/env bash
# Times `litmus test` of one lesson after editing one of its cells: the incremental build of
# NotebookTests plus the run. Edits the harness fixture lesson, then restores it.
set -euo pipefail
cd "$(dirname "$0")/.."

lesson=Tests/Fixtures/lessons/harness-cells.md
swift build --build-tests >/dev/null
.build/debug/litmus test "$lesson" >/dev/null   # warm: everything built once
cp "$lesson" "$lesson.bak"
trap 'mv "$lesson.bak" "$lesson"; .build/debug/litmus sync notebooks Tests/Fixtures/lessons >/dev/null' EXIT
sed -i 's/^let rate = 0.5$/let rate = 0.5 \/\/ edited/' "$lesson"
start=$(date +%s.%N)
.build/debug/litmus test "$lesson" >/dev/null
end=$(date +%s.%N)
printf '{"benchmark":"incremental-test","lesson":"%s","seconds":%.2f}\n' "$lesson" "$(echo "$end - $start" | bc)"
