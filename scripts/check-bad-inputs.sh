#!/usr/bin/env bash
# Feeds bad inputs to the CLI and checks the exit code, the message, and that no partial output file is left.
# Set BIG=1 to include a 200 MB one-line file.
set -uo pipefail
cd "$(dirname "$0")/.."
bin="${ACTORGRAPH:-$(swift build -c release --show-bin-path 2>/dev/null)/actorgraph}"
[ -x "$bin" ] || { swift build -c release --static-swift-stdlib --product actorgraph >&2; bin="$(swift build -c release --show-bin-path)/actorgraph"; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fails=0
check() {  # check NAME EXPECTED_CODE PATTERN -- COMMAND…
  local name=$1 code=$2 pattern=$3; shift 4
  local out err status
  err=$("$@" 2>&1 >/dev/null); status=$?
  if [ "$status" -ne "$code" ] || ! grep -qE -- "$pattern" <<<"$err"; then
    echo "FAIL $name: exit $status (expected $code), stderr: ${err:0:300}"; fails=$((fails + 1))
  else
    echo "ok   $name (exit $status)"
  fi
  if grep -q "Fatal error\|Stack dump\|backtrace" <<<"$err"; then echo "FAIL $name: crashed"; fails=$((fails + 1)); fi
}
good="روسيا وإيران تتفقان على التعاون."
printf '%s \xff\xfe broken' "$good" > "$t/bad-utf8.txt"
printf '%s' "$good" | iconv -f UTF-8 -t UTF-16 > "$t/utf16.txt"
printf '\xef\xbb\xbf%s' "$good" > "$t/bom.txt"
: > "$t/empty.txt"
head -c 4096 /dev/urandom > "$t/binary.txt"; printf '\0' >> "$t/binary.txt"
printf '[{"content": "%s"}, {"content": ' "$good" > "$t/truncated.json"
python3 -c "print('['*100000 + ']'*100000)" > "$t/nested.json"
printf '{"content": "%s"}\n{"content": oops}\n{"content": "%s"}\n' "$good" "$good" > "$t/oneBad.jsonl"
printf 'title,summary\nx,%s\n' "$good" > "$t/nocolumn.csv"
printf 'content,date\n%s,2016-01-01\nshort row\n' "$good" > "$t/shortrow.csv"
printf '{"content": "%s", "date": "yesterday"}\n' "$good" > "$t/baddate.jsonl"
mkdir -p "$t/m"; printf '%s' "$good" > "$t/m/a.txt"; printf 'file,date\na.txt,2016-13-45\n' > "$t/m/manifest.csv"
printf 'id\tname_en\tnames_ar\troles\nx\tX\tاكس\tforeign_minister@RUS:2004-13..\n' > "$t/bad-lexicon.tsv"
# A ZIP archive cut short, and one whose member's bytes were damaged after it was written.
python3 - "$t" "$good" <<'PY'
import sys, zipfile
t, good = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(f"{t}/ok.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("day/a.json", '[{"content": "%s"}]' % (good * 20))
data = bytearray(open(f"{t}/ok.zip", "rb").read())
open(f"{t}/cut.zip", "wb").write(data[: len(data) // 2])
data[60] ^= 0x5A
open(f"{t}/damaged.zip", "wb").write(data)
PY

check invalid-utf8 0 "invalid UTF-8 at byte" -- "$bin" build "$t/bad-utf8.txt" --format json
check utf16-bom 0 "read 1 documents" -- "$bin" build "$t/utf16.txt" --format json
check utf8-bom 0 "read 1 documents" -- "$bin" build "$t/bom.txt" --format json
check empty-file 0 "skipped 1 \(empty\)" -- "$bin" build "$t/empty.txt" --format json
check binary-file 0 "skipped 1 \(binary\)" -- "$bin" build "$t/binary.txt" --format json
check truncated-json 1 "truncated.json: not valid JSON" -- "$bin" build "$t/truncated.json" --format json -o "$t/out1.json"
check nested-json 1 "nested.json" -- "$bin" build "$t/nested.json" --format json -o "$t/out2.json"
check jsonl-bad-line 1 "oneBad.jsonl:2: .*--keep-going" -- "$bin" build "$t/oneBad.jsonl" --format json -o "$t/out3.json"
check jsonl-keep-going 0 "skipped 1 \(bad record\)" -- "$bin" build "$t/oneBad.jsonl" --keep-going --format json -o "$t/out4.json"
check csv-no-column 1 "nocolumn.csv:1: no text column" -- "$bin" build "$t/nocolumn.csv" --format json
check csv-short-row 1 "shortrow.csv:3" -- "$bin" build "$t/shortrow.csv" --format json
check bad-date 0 "date \"yesterday\" not understood" -- "$bin" build "$t/baddate.jsonl" --format json
check zip-cut 1 "cut.zip: not a readable ZIP archive" -- "$bin" build "$t/cut.zip" --format json -o "$t/out5.json"
check zip-damaged 1 "damaged.zip/day/a.json: .*damaged" -- "$bin" build "$t/damaged.zip" --format json -o "$t/out6.json"
check missing-path 1 "no/such/path: no such file" -- "$bin" build no/such/path --format json
check bad-manifest 1 "manifest.csv:2: date" -- "$bin" build "$t/m" --format json
check bad-lexicon 1 "bad-lexicon.tsv:2: role" -- "$bin" build "$t/m/a.txt" --lexicon "$t/bad-lexicon.tsv"
check bad-option 2 "Error|error" -- "$bin" build "$t/m/a.txt" --level galaxy
check unwritable 4 "cannot write" -- "$bin" build "$t/bom.txt" --date 2016-01-01 -o /proc/nope/out.svg
for f in out1.json out2.json out3.json out5.json out6.json; do [ -e "$t/$f" ] && { echo "FAIL partial output $f left behind"; fails=$((fails + 1)); }; done
# A failing run leaves the previous file as it was.
echo OLD > "$t/keep.json"
"$bin" build "$t/truncated.json" --format json -o "$t/keep.json" 2>/dev/null
[ "$(cat "$t/keep.json")" = OLD ] && echo "ok   failed run keeps the previous file" || { echo "FAIL previous file changed"; fails=$((fails + 1)); }
ls "$t"/.keep.json.* >/dev/null 2>&1 && { echo "FAIL temporary file left"; fails=$((fails + 1)); }
# kill -9 in the middle of a run leaves the previous file or the complete new one, never a part.
# (1) Deterministic: strace holds the run at fsync — the new bytes are all in the temporary file, not yet renamed
#     — and the run is killed there: the previous file must be intact. (2) Kills at spread-out moments of a run
#     writing a large file: each time the target is the previous file or a complete, parseable new one.
killcheck() {
  mkdir -p "$t/kill"; rm -f "$t/kill"/* "$t/kill"/.out.json.* 2>/dev/null
  for i in $(seq 1 60); do cp seeds/*.txt "$t/kill/" 2>/dev/null; for f in seeds/*.txt; do cp "$f" "$t/kill/$i-$(basename "$f")"; done; done
  echo '{"previous": true}' > "$t/out.json"; local old; old=$(cat "$t/out.json")
  if command -v strace >/dev/null; then
    strace -f -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=20000000 \
      "$bin" build "$t/kill" --dedupe off --evidence 1000 --format json -o "$t/out.json" 2>/dev/null &
    local tracer=$! child="" n=0
    while [ $n -lt 600 ]; do  # up to 60 s for the temporary file to appear
      ls "$t"/.out.json.*.tmp >/dev/null 2>&1 && break; sleep 0.1; n=$((n + 1)); done
    sleep 0.5; child=$(pgrep -P "$tracer" | head -1)
    [ -n "$child" ] && kill -9 "$child"; sleep 0.2; kill -9 "$tracer" 2>/dev/null; wait "$tracer" 2>/dev/null
    if [ "$(cat "$t/out.json")" = "$old" ]; then echo "ok   kill -9 between writing and renaming keeps the previous file"
    else echo "FAIL kill -9 at fsync changed the previous file"; fails=$((fails + 1)); fi
    rm -f "$t"/.out.json.*.tmp
  fi
  "$bin" build "$t/kill" --dedupe off --evidence 1000 --format json -o "$t/full.json" 2>/dev/null
  local start end total olds=0 news=0 bad=0
  start=$(date +%s%N); "$bin" build "$t/kill" --dedupe off --evidence 1000 --format json -o "$t/time.json" 2>/dev/null
  end=$(date +%s%N); total=$(( (end - start) / 1000000 ))
  for k in $(seq 1 12); do
    echo "$old" > "$t/out.json"
    "$bin" build "$t/kill" --dedupe off --evidence 1000 --format json -o "$t/out.json" 2>/dev/null &
    local pid=$!
    sleep "$(awk -v ms="$total" -v k="$k" 'BEGIN { printf "%.3f", ms * k / 9 / 1000 }')"
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    if [ "$(cat "$t/out.json")" = "$old" ]; then olds=$((olds + 1))
    elif cmp -s "$t/out.json" "$t/full.json"; then news=$((news + 1))
    else bad=$((bad + 1)); fi
    rm -f "$t"/.out.json.*.tmp
  done
  if [ "$bad" -eq 0 ]; then echo "ok   12 kills at spread-out moments: $olds left the previous file, $news the complete new one, 0 a part"
  else echo "FAIL $bad of 12 kills left a partial file"; fails=$((fails + 1)); fi
}
killcheck

if [ "${BIG:-0}" = 1 ]; then
  python3 -c "import sys; sys.stdout.write('روسيا وإيران ' * 8_400_000)" > "$t/big.txt"
  check big-one-line 0 "read 1 documents" -- "$bin" build "$t/big.txt" --format json -o "$t/big.json"
fi
[ "$fails" -eq 0 ] && echo "check-bad-inputs: all passed" || { echo "check-bad-inputs: $fails failed"; exit 1; }
