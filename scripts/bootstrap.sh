#!/usr/bin/env bash
# Installs the Debian packages Litmus builds against, when they are missing.
# Idempotent and quick when everything is present; needs root (or sudo) otherwise.
#   --browser   also headless Chromium, fonts and KaTeX, for the real-browser tests
set -euo pipefail

packages=(pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm libopenblas-dev)
for argument in "$@"; do
    case "$argument" in
        --browser) packages+=(chromium fonts-dejavu-core fonts-dejavu-extra libjs-katex fonts-katex) ;;
        *) echo "usage: $0 [--browser]" >&2; exit 2 ;;
    esac
done
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "litmus: installing ${missing[*]}" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
