#!/usr/bin/env bash
# Creates (or updates) the virtual environment for the Python reference pipeline in /work/main/.venv-bench.
# Idempotent: an existing environment is reused and `pip install` only installs what is missing.
# Needs python3 with venv, and Debian's graphviz + libgraphviz-dev for pygraphviz.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/.venv-bench"

if ! pkg-config --exists libcgraph 2>/dev/null; then
    echo "setup_venv.sh: libgraphviz-dev not found; install it with: sudo apt-get install graphviz libgraphviz-dev" >&2
    exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -r "$here/requirements.txt"
"$venv/bin/python" -c 'import ahocorasick, networkx, pygraphviz; print("ok:", "networkx", networkx.__version__, "pygraphviz", pygraphviz.__version__)'
echo "Run: $venv/bin/python $here/reference_pipeline.py --aliases aliases.tsv --output graph.svg INPUT..."
