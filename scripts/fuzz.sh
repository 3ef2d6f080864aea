#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/Package.swift, with -sanitize=fuzzer,address) and runs each one for
# FUZZ_SECONDS seconds (default 600), one target at a time, from its seed corpus Fuzz/corpus/<target>/.
# Inputs that find new coverage go to a working corpus in .build/fuzz/corpus/<target>/ (not in git); crash,
# timeout and out-of-memory reproducers go to Fuzz/crashes/<target>/ (commit them: the normal test suite
# replays them, see Tests/FuzzRegressionTests). Prints per target: runs, duration, coverage and result;
# exits 1 if any target found something.
#
#   scripts/fuzz.sh                      # every target, 600 s each
#   FUZZ_SECONDS=60 scripts/fuzz.sh csv  # one target, one minute
#   scripts/fuzz.sh --list               # the target names
#
# Environment: FUZZ_SECONDS (per target), FUZZ_BUILD_JOBS (swift build -j, default 1: the machine is shared),
# FUZZ_ARGS (extra libFuzzer options, e.g. "-seed=1 -only_ascii=1").
# Reproduce one finding: .build/fuzz/debug/FuzzCSV Fuzz/crashes/csv/crash-…   (or: swift test --filter FuzzReplay)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

targets=(text json jsonl csv lexicon manifest zip)
declare -A product=([text]=FuzzText [json]=FuzzJSON [jsonl]=FuzzJSONL [csv]=FuzzCSV [lexicon]=FuzzLexicon [manifest]=FuzzManifest [zip]=FuzzZIP)
declare -A max_len=([text]=16384 [json]=16384 [jsonl]=16384 [csv]=16384 [lexicon]=8192 [manifest]=4096 [zip]=16384)
declare -A dict=([text]=text [json]=json [jsonl]=json [csv]=csv [lexicon]=lexicon [manifest]=manifest [zip]=zip)

if [ "${1:-}" = "--list" ]; then printf '%s\n' "${targets[@]}"; exit 0; fi
selected=("$@")
[ ${#selected[@]} -eq 0 ] && selected=("${targets[@]}")
for t in "${selected[@]}"; do
  [ -n "${product[$t]:-}" ] || { echo "fuzz: unknown target \"$t\"; the targets are: ${targets[*]}" >&2; exit 2; }
done

seconds=${FUZZ_SECONDS:-600}
scratch=$root/.build/fuzz
# The fuzz package depends on this one by path: pin it to the same dependency versions when they are known.
[ -f Package.resolved ] && [ ! -f Fuzz/Package.resolved ] && cp Package.resolved Fuzz/Package.resolved

echo "fuzz: building ${selected[*]} (-sanitize=fuzzer,address) in $scratch …"
start=$(date +%s)
build=(swift build --package-path Fuzz --scratch-path "$scratch" -c debug -j "${FUZZ_BUILD_JOBS:-1}"
       -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
build_log=$scratch/build.log
mkdir -p "$scratch"
: >"$build_log"
# One product per call (swift build honours only the last --product); the library code is compiled once.
for t in "${selected[@]}"; do
  # ld.gold warns about every ASan helper symbol it cannot export; the warnings are harmless.
  if ! "${build[@]}" --product "${product[$t]}" >>"$build_log" 2>&1; then
    grep -v "Cannot export local symbol" "$build_log" | tail -30 >&2
    echo "fuzz: build of ${product[$t]} failed; full log in $build_log" >&2
    exit 1
  fi
done
bin=$(swift build --package-path Fuzz --scratch-path "$scratch" -c debug --show-bin-path)
echo "fuzz: built in $(($(date +%s) - start)) s"

symbolizer=$(command -v llvm-symbolizer || true)
[ -z "$symbolizer" ] && [ -x "$(dirname "$(readlink -f "$(command -v swift)")")/llvm-symbolizer" ] &&
  symbolizer=$(dirname "$(readlink -f "$(command -v swift)")")/llvm-symbolizer
[ -n "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$symbolizer
# Leaks inside swift-foundation (see the file) are not findings.
export LSAN_OPTIONS="suppressions=$root/scripts/lsan-suppressions.txt:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# Swift's own crash backtracer copies stack memory in a helper thread, which ASan reports as a
# stack-buffer-underflow after the real failure; libFuzzer prints the stack of a trap itself.
export SWIFT_BACKTRACE=enable=no

found=0
summary=()
for t in "${selected[@]}"; do
  work=$scratch/corpus/$t
  crashes=$root/Fuzz/crashes/$t
  tmp=$scratch/tmp/$t
  log=$scratch/logs/$t.log
  mkdir -p "$work" "$crashes" "$tmp" "$(dirname "$log")"
  before=$(ls -A "$crashes" | sort)
  args=(-max_total_time="$seconds" -max_len="${max_len[$t]}" -rss_limit_mb=2048 -timeout=10
        -print_final_stats=1 -artifact_prefix="$crashes/" -dict="$root/Fuzz/dict/${dict[$t]}.dict")
  # shellcheck disable=SC2206  # FUZZ_ARGS is split on purpose
  [ -n "${FUZZ_ARGS:-}" ] && args+=(${FUZZ_ARGS})
  echo "fuzz: $t for ${seconds} s (log: $log) …"
  t0=$(date +%s)
  status=0
  # TMPDIR: the corpus readers' bodies write each input to a file there.
  TMPDIR=$tmp "$bin/${product[$t]}" "${args[@]}" "$work" "$root/Fuzz/corpus/$t" >"$log" 2>&1 || status=$?
  elapsed=$(($(date +%s) - t0))
  rm -rf "$tmp"
  # (A crash while loading the seeds leaves no statistics: each grep may find nothing.)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -z "$runs" ] && runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
  corpus=$(grep -oE 'corp: [0-9]+/[0-9a-zA-Z]+' "$log" | tail -1 || true)
  new=$(comm -13 <(echo "$before") <(ls -A "$crashes" | sort) | grep -v '^$' || true)
  if [ "$status" -eq 0 ] && [ -z "$new" ]; then
    result=ok
  else
    found=1
    kind=$(grep -oE 'ERROR: (libFuzzer|AddressSanitizer): [a-zA-Z -]+|Fatal error: .{0,120}|Precondition failed.{0,120}' "$log" | head -1 || true)
    result="FOUND (exit $status) ${kind:-see the log}; reproducer(s): $(echo "$new" | sed "s|^|Fuzz/crashes/$t/|" | tr '\n' ' ')"
  fi
  line=$(printf '%-9s runs: %-8s time: %4ss  %-22s %-16s %s' "$t" "${runs:-?}" "$elapsed" "${cov:-cov: ?}" "${corpus:-}" "$result")
  echo "fuzz: $line"
  summary+=("$line")
done

echo
echo "fuzz: summary (FUZZ_SECONDS=$seconds)"
printf '  %s\n' "${summary[@]}"
exit "$found"
