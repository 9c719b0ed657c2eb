#!/usr/bin/env bash
# make browser-test: the report (newskb report) of seeds/ and of BASIL rendered in a real Chromium,
# and the Datasette metadata against a real Datasette (scripts/datasette-check.py).
# Renders story pages headless (--dump-dom, --screenshot), checks the DOM holds the source x claim
# matrix and the seeds' conflicts (the meeting place, the train's heading) with links from each
# position to its sentence, and keeps the screenshot in docs/report-story.png.
set -euo pipefail
SHARED=${1:-../shared}
BIN=${NEWSKB_BIN:-.build/release/newskb}
OUT=${BROWSER_OUT:-.build/browser-test}
CHROMIUM=${CHROMIUM:-chromium}
rm -rf "$OUT" && mkdir -p "$OUT"
fail() { echo "FAIL  $*" >&2; exit 1; }
ok() { echo "ok    $*"; }
render() {  # render URL: the DOM after load, on stdout
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --dump-dom "$1" 2>/dev/null
}

"$BIN" import --quiet --db "$OUT/seeds.db" seeds/
"$BIN" report --db "$OUT/seeds.db" --out "$OUT/seeds" >/dev/null
dom=$(render "file://$(pwd)/$OUT/seeds/story-1.html")
echo "$dom" > "$OUT/seeds-story-1.dom.html"
grep -q 'class="matrix"' <<<"$dom" || fail "seeds story 1: no source x claim matrix in the DOM"
marks=$(grep -o 'class="mark"><a' <<<"$dom" | wc -l)
[ "$marks" -ge 10 ] || fail "seeds story 1: only $marks marks in the matrix"
ok "seeds story 1: the matrix holds $marks marks of a source asserting a shared claim"
for want in "meeting place" "at Vostochny Cosmodrome" "at Vladivostok" "heading" "toward Vladivostok" "away from Vladivostok"; do
    grep -q "$want" <<<"$dom" || fail "seeds story 1: no '$want' among the conflicts"
done
ok "seeds story 1: the conflicts over the meeting place and the train's heading, with each position"
# two clicks: index -> story -> the sentence in its article (an anchor that exists there)
grep -q 'href="story-1.html"' "$OUT/seeds/index.html" || fail "index: no link to story 1"
link=$(grep -o 'href="doc-[0-9]*\.html#at-[0-9]*"' <<<"$(sed -n '/id="conflicts"/,/id="claims"/p' <<<"$dom")" | head -1 | sed 's/href="//; s/"$//')
[ -n "$link" ] || fail "seeds story 1: no link from a conflict to its sentence"
page=${link%%#*}; anchor=${link#*#}
article=$(render "file://$(pwd)/$OUT/seeds/$page")
grep -q "id=\"$anchor\"" <<<"$article" || fail "the conflict's link $link does not land on its sentence"
ok "index -> story 1 -> $link: the sentence is highlighted in its article"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1800 \
    --screenshot="$OUT/report-story.png" "file://$(pwd)/$OUT/seeds/story-1.html" >/dev/null 2>&1
[ -s "$OUT/report-story.png" ] || fail "no screenshot"
mkdir -p docs && cp "$OUT/report-story.png" docs/report-story.png
ok "screenshot of the seeds' story page: docs/report-story.png"

if [ -f "$SHARED/eval/basil/articles.jsonl" ]; then
    "$BIN" import --quiet --db "$OUT/basil.db" "$SHARED/eval/basil/articles.jsonl"
    "$BIN" report --db "$OUT/basil.db" --out "$OUT/basil" --min-documents 2 >/dev/null
    story=$(grep -o 'href="story-[0-9]*\.html"' "$OUT/basil/index.html" | head -1 | sed 's/href="//; s/"$//')
    dom=$(render "file://$(pwd)/$OUT/basil/$story")
    grep -q '<h2 id="sources">' <<<"$dom" && grep -q 'class="sources"' <<<"$dom" || fail "BASIL $story: does not render"
    ok "BASIL: $(ls "$OUT/basil" | grep -c '^story-') story pages; $story renders with its sources"
else
    echo "skip  BASIL ($SHARED/eval/basil not found)"
fi
