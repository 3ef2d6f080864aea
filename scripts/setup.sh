#!/usr/bin/env bash
# Installs what actorgraph needs on Debian/Ubuntu, without prompting. Idempotent: quick when all is there.
#   libgraphviz-dev  Graphviz C API (libgvc, libcgraph) and pkg-config file, used in the process
#   graphviz         Graphviz's plugins configuration (cairo renderers for PNG and PDF)
#   fonts-noto-core  fonts with Arabic glyphs for PNG/PDF
#   libxml2-utils    xmllint, used by the tests to validate SVG, GraphML and GEXF
#   pkg-config       lets SwiftPM find libgvc
#   strace           lets a test prove that rendering starts no child process
#   zlib1g-dev       gzip inputs
#   libdeflate-dev   ZIP inputs (inflate and CRC-32 of members)
#   iso-codes        ISO 3166-1 list the knowledge-base test checks state codes against
set -euo pipefail

packages=(libgraphviz-dev graphviz fonts-noto-core libxml2-utils pkg-config strace zlib1g-dev libdeflate-dev iso-codes)
if [ -n "${ACTORGRAPH_EXTRA_PACKAGES:-}" ]; then
  read -r -a extra <<<"$ACTORGRAPH_EXTRA_PACKAGES"
  packages+=("${extra[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v swift >/dev/null 2>&1; then
  echo "setup: error: swift is not on PATH. Install Swift 6 (https://swift.org/install) and try again." >&2
  exit 1
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: error: missing packages (${missing[*]}) and no apt-get here; install them with your package manager." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "setup: error: need root to install ${missing[*]}; run as root, or install them first: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "setup: installing ${missing[*]} …" >&2
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get update -qq >/tmp/actorgraph-apt.log 2>&1; then
  echo "setup: error: apt-get update failed (no network?); see /tmp/actorgraph-apt.log" >&2
  exit 1
fi
if ! $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >>/tmp/actorgraph-apt.log 2>&1; then
  echo "setup: error: apt-get install ${missing[*]} failed; see /tmp/actorgraph-apt.log" >&2
  exit 1
fi
echo "setup: done." >&2
