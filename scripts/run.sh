#!/usr/bin/env bash
# The main job: builds actorgraph and draws the seed articles into Output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product actorgraph >&2
bin="$(swift build -c release --show-bin-path)/actorgraph"
mkdir -p Output
"$bin" build seeds --format json -o Output/seeds.json
"$bin" render Output/seeds.json --format svg -o Output/seeds.svg
"$bin" render Output/seeds.json --format canon -o Output/seeds.dot
"$bin" render Output/seeds.json --format png -o Output/seeds.png
"$bin" build seeds --level person --format json -o Output/seeds-person.json
"$bin" render Output/seeds-person.json --format svg -o Output/seeds-person.svg
"$bin" render Output/seeds-person.json --format png -o Output/seeds-person.png
"$bin" build seeds --level state --format json -o Output/seeds-state.json
"$bin" render Output/seeds-state.json --format svg -o Output/seeds-state.svg
"$bin" render Output/seeds-state.json --format png -o Output/seeds-state.png
"$bin" render Output/seeds-state.json --format pdf -o Output/seeds-state.pdf
echo "Wrote: $(ls Output | tr '\n' ' ')"
