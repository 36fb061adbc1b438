#!/usr/bin/env bash
# Renders the example reports with a real headless browser (Debian's chromium) into the PNG
# pictures under docs/screenshots/: the one-page summary of a city (as printed on A4), the city
# report in English and Spanish, the cohort, the
# cohort in grayscale (as a black-and-white printout shows it: stages must stay in order) and
# the city report on a 320 px wide screen. Prints each city report to PDF on A4 and on Letter
# to check that printing works (page counts are printed; the PDFs stay in the temporary folder).
#
#   docs/screenshots/render.sh        (needs: apt-get install chromium poppler-utils imagemagick)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v chromium >/dev/null || { echo "chromium is not installed: apt-get install chromium" >&2; exit 2; }
convert -version 2>/dev/null | grep -q ImageMagick || { echo "ImageMagick is not installed: apt-get install imagemagick" >&2; exit 2; }
# The debug build writes the same reports; building it is incremental, so it is never stale.
swift build --product activator 2>&1 | tail -n 1
activator=.build/debug/activator
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1790000000

browser() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-pdf-header-footer "$@" 2>/dev/null; }

"$activator" report Examples/kestrel-bay.yaml --html "$work/city.html" --quiet
"$activator" report Examples/kestrel-bay.yaml --summary --paper a4 --html "$work/summary.html" --quiet
"$activator" report Examples/santa-lucerna.yaml --html "$work/city-es.html" --quiet
"$activator" report Examples/*.yaml --lang en --html "$work/cohort.html" --quiet
"$activator" report --compare Examples/umbra-falls.yaml Examples/kestrel-bay.yaml --html "$work/compare.html" --quiet || true

# The summary as its printed page shows it: A4 at 96 dpi is 794 px wide.
browser --window-size=794,1123 --force-device-scale-factor=1 --screenshot=docs/screenshots/city-summary.png "file://$work/summary.html"
browser --window-size=1100,1500 --screenshot=docs/screenshots/city-report.png "file://$work/city.html"
browser --window-size=1100,1000 --screenshot=docs/screenshots/city-report-es.png "file://$work/city-es.html"
browser --window-size=1100,1250 --screenshot=docs/screenshots/cohort-report.png "file://$work/cohort.html"
convert docs/screenshots/cohort-report.png -colorspace Gray docs/screenshots/cohort-report-grayscale.png
browser --window-size=320,1400 --screenshot=docs/screenshots/city-report-320px.png "file://$work/city.html"

for paper in a4 letter; do
  for part in full summary; do
    flag=""; [ "$part" = summary ] && flag=--summary
    "$activator" report Examples/kestrel-bay.yaml $flag --paper "$paper" --html "$work/print-$paper-$part.html" --quiet
    browser --print-to-pdf="$work/print-$paper-$part.pdf" "file://$work/print-$paper-$part.html"
    if command -v pdfinfo >/dev/null; then
      echo "$paper $part: $(pdfinfo "$work/print-$paper-$part.pdf" | grep -E '^(Pages|Page size)' | tr -s ' ' | tr '\n' ' ')"
    fi
  done
done
# Every example city's page counts, and the check that each summary is one page: Benchmarks/run_report.py --pages-only
ls -l docs/screenshots/*.png
