#!/usr/bin/env bash
# The whole test suite, from a fresh clone: system packages, build, then every test target.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/bootstrap.sh --browser
swift build --build-tests
swift test --skip-build
