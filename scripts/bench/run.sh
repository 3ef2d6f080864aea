#!/usr/bin/env bash
# Benchmark: actorgraph on SaudiNewsNet (../shared/corpora/saudinewsnet when present; otherwise a corpus made of
# the seed articles repeated), against the Python reference pipeline (pyahocorasick + networkx + pygraphviz)
# on the same corpus in the same run. Prints MB/s, documents/s, wall time, peak RSS and graph size.
#   scripts/bench/run.sh [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${1:-../shared/corpora/saudinewsnet}"
if [ ! -d "$corpus" ]; then
  corpus=$(mktemp -d)
  for i in $(seq 1 400); do for f in seeds/*.txt; do cp "$f" "$corpus/$i-$(basename "$f")"; done; done
  echo "bench: SaudiNewsNet not found; using the seeds repeated 400 times ($corpus)"
fi
swift build -c release --static-swift-stdlib --product actorgraph >&2
bin="$(swift build -c release --show-bin-path)/actorgraph"
out=$(mktemp -d)

measure() {  # measure NAME CMD…: wall time and peak RSS of the command and its children
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
name, cmd = sys.argv[1], sys.argv[2:]
t = time.monotonic()
p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
wall = time.monotonic() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
if p.returncode != 0:
    sys.exit(f"bench: {name} failed: {p.stderr[-500:]}")
print(f"{name} wall_s={wall:.2f} peak_rss_MB={rss:.0f}")
sys.stderr.write(p.stderr)
print(p.stdout, end="")
PY
}

echo "== actorgraph (all cores: $(nproc))"
measure actorgraph "$bin" build "$corpus" --text-field content --date-field date_extracted --level state \
  --format json -o "$out/graph.json" 2> "$out/swift.err"
summary=$(grep -o 'read .*' "$out/swift.err" | tail -1)
echo "actorgraph $summary"
python3 - "$out/graph.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
print(f"actorgraph graph nodes={len(g['nodes'])} edges={len(g['edges'])} documents={g['metadata']['documents']}")
PY
echo "== actorgraph --jobs 1"
measure actorgraph_jobs1 "$bin" build "$corpus" --jobs 1 --level state --format json -o "$out/graph1.json" 2>/dev/null
cmp -s "$out/graph.json" "$out/graph1.json" && echo "graphs identical with --jobs 1 and --jobs $(nproc)" \
  || echo "bench: graphs DIFFER between --jobs 1 and --jobs $(nproc)"
echo "== actorgraph render (top 150 actors, sfdp)"
measure actorgraph_render "$bin" render "$out/graph.json" --top-nodes 150 --engine sfdp --format svg -o "$out/graph.svg"

if command -v python3 >/dev/null && scripts/bench/setup_venv.sh >/dev/null 2>&1; then
  echo "== Python reference (one process)"
  .build/release/actorgraph-bench aliases > "$out/aliases.tsv" 2>/dev/null || {
    swift build -c release --static-swift-stdlib --product actorgraph-bench >&2; "$(swift build -c release --show-bin-path)/actorgraph-bench" aliases > "$out/aliases.tsv"; }
  py=$(.venv-bench/bin/python scripts/bench/reference_pipeline.py --aliases "$out/aliases.tsv" --output "$out/py.svg" "$corpus" 2>/dev/null | grep python_reference)
  echo "$py"
  python3 - "$summary" "$py" <<'PY'
import re, sys
# Throughput on the same corpus is the inverse ratio of the times: the two count bytes differently
# (actorgraph analyses each headline with its article; the reference reads the text field only).
swift_s = float(re.search(r'([0-9.]+) s, [0-9.]+ MB/s', sys.argv[1]).group(1))
py_s = float(re.search(r'seconds=([0-9.]+)', sys.argv[2]).group(1))
print(f"ratio actorgraph/python = {py_s / swift_s:.2f}x (throughput on the same corpus: {py_s:.2f} s / {swift_s:.2f} s)")
PY
else
  echo "bench: Python reference skipped (no python3 or virtual environment)"
fi
rm -rf "$out"
