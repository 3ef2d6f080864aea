#!/usr/bin/env bash
# Opens the diagrams and the report in headless Chromium, saves screenshots to Output/screenshots/, and checks
# that each shows a drawing (not a blank page) and that Arabic text is shaped: the width of "روسيا" as
# rendered must differ from the width of its letters in isolated forms (ﺭﻭﺳﻴﺎ-style presentation forms
# are what an unshaped renderer would show). Installs chromium when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ACTORGRAPH_EXTRA_PACKAGES="chromium" scripts/setup.sh
[ -f Output/report.html ] || scripts/run.sh >/dev/null
browser=$(command -v chromium || command -v chromium-browser)
mkdir -p Output/screenshots
shot() {  # shot FILE OUT.png WIDTHxHEIGHT (FILE absolute or relative to the project)
  local url="$1"; case "$url" in /*) ;; *) url="$(pwd)/$url" ;; esac
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$3" \
    --allow-file-access-from-files --screenshot="$2" "file://$url" >/dev/null 2>&1
  [ -s "$2" ] || { echo "screenshot-check: no screenshot of $1" >&2; exit 1; }
}
page() {  # page SVG HTML: an HTML page that shows the whole SVG scaled to the window
  printf '<!DOCTYPE html><html><head><meta charset="utf-8"/></head><body style="margin:0"><img src="%s" style="width:100%%"/></body></html>\n' \
    "$(pwd)/$1" > "$2"
}
view=$(mktemp -d)
page Output/seeds-state.svg "$view/seeds.html"
page Output/diff-2016-2024.svg "$view/diff.html"
shot "$view/seeds.html" Output/screenshots/seeds.png 1600,900
shot "$view/diff.html" Output/screenshots/diff.png 1600,1000
shot Output/report.html Output/screenshots/report.png 1300,2400
rm -rf "$view"

# Arabic shaping: a page with the same word joined and in isolated presentation forms, measured by the browser.
tmp=$(mktemp -d)
cat > "$tmp/shape.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"/></head><body style="font-family:'Noto Naskh Arabic','Noto Sans Arabic',sans-serif;font-size:40px">
<span id="joined" dir="rtl">روسيا وإيران</span><br/><span id="isolated" dir="rtl">&#xFEAD;&#xFEED;&#xFEB1;&#xFEF1;&#xFE8D; &#xFEED;&#xFE87;&#xFEF1;&#xFEAD;&#xFE8D;&#xFEE5;</span>
<script>document.title = document.getElementById('joined').offsetWidth + ' ' + document.getElementById('isolated').offsetWidth;</script>
</body></html>
HTML
widths=$(timeout 60 "$browser" --headless --no-sandbox --disable-gpu --dump-dom "file://$tmp/shape.html" 2>/dev/null | grep -o '<title>[0-9 ]*</title>' | sed 's/<[^>]*>//g')
rm -rf "$tmp"
python3 - "$widths" Output/screenshots/seeds.png Output/screenshots/report.png Output/screenshots/diff.png <<'PY'
import sys, zlib, struct
joined, isolated = (int(x) for x in sys.argv[1].split())
# Shaped Arabic joins letters and comes out narrower than the same letters in isolated forms.
assert joined < isolated, f"Arabic does not look shaped (joined {joined}px, isolated {isolated}px)"
def pixels(path):
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', path
    pos, idat, w, h, ct = 8, b'', 0, 0, 0
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
        if kind == b'IHDR': w, h, _, ct = struct.unpack('>IIBB', body[:10])
        if kind == b'IDAT': idat += body
    raw = zlib.decompress(idat)
    return raw, w, h
for path in sys.argv[2:]:
    raw, w, h = pixels(path)
    distinct = len(set(raw[i:i + 3] for i in range(0, min(len(raw), 3_000_000), 97)))
    assert distinct > 20, f"{path} looks blank ({distinct} distinct samples)"
    print(f"screenshot-check: {path} {w}x{h}, {distinct} distinct colour samples")
print(f"screenshot-check: Arabic shaped (joined {joined}px < isolated {isolated}px)")
PY
