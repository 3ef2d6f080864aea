#!/usr/bin/env bash
# Runs the whole test suite (installs what is missing first).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift test "$@"
