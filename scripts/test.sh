#!/usr/bin/env bash
# The whole test suite, from a fresh clone: system packages, build, the drift check of
# generated/ against notebooks/, then every test target (the lessons' cells included).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/bootstrap.sh --browser
swift build --build-tests
.build/debug/litmus sync --check notebooks Tests/Fixtures/lessons
swift test --skip-build
