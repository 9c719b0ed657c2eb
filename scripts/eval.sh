#!/usr/bin/env bash
# make eval: import the gold corpora of ../shared/eval into fresh databases and score them
# through the public views with ../shared/eval/score.py. Prints the headline figures.
set -uo pipefail
SHARED=${1:-../shared}
BIN=${NEWSKB_BIN:-.build/release/newskb}
OUT=${EVAL_OUT:-.build/eval}
mkdir -p "$OUT"
score() { python3 "$SHARED/eval/score.py" "$@"; }
if [ ! -d "$SHARED/eval" ]; then echo "eval: no $SHARED/eval here: nothing to score" >&2; exit 1; fi

fresh() { rm -f "$1" "$1-wal" "$1-shm"; }

echo "== seeds: invariants (every span round-trips through substr)"
fresh "$OUT/seeds.db"; "$BIN" import --quiet --db "$OUT/seeds.db" seeds/
score invariants "$OUT/seeds.db" | tail -1

echo "== CoNLL-2003 dev: entities"
fresh "$OUT/conll.db"
"$BIN" import --quiet --db "$OUT/conll.db" "$SHARED/eval/conll2003/articles.jsonl"
score entities "$OUT/conll.db" "$SHARED/eval/conll2003/entities.jsonl" --split dev > "$OUT/conll-dev.json"
tail -1 "$OUT/conll-dev.json"

echo "== PolNeAR dev: quotes (who said what)"
fresh "$OUT/polnear.db"
"$BIN" import --quiet --db "$OUT/polnear.db" "$SHARED/eval/polnear/articles.jsonl"
score quotes "$OUT/polnear.db" "$SHARED/eval/polnear/quotes.jsonl" --split dev > "$OUT/polnear-dev.json"
python3 - "$OUT/polnear-dev.json" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
d = json.loads(text[:text.rindex("}") + 1])
print(f"span P/R/F1 = {d['span_precision']}/{d['span_recall']}/{d['span_f1']}, speaker accuracy = {d['speaker_accuracy']}, "
      f"end-to-end F1 = {d['end_to_end_f1']}, recall by kind = {d['recall_by_kind']}")
PY
score invariants "$OUT/polnear.db" | tail -1

echo "== BASIL: stories (same-event grouping, B-cubed)"
fresh "$OUT/basil.db"
"$BIN" import --quiet --db "$OUT/basil.db" "$SHARED/eval/basil/articles.jsonl"
score stories "$OUT/basil.db" "$SHARED/eval/basil/clusters.jsonl" > "$OUT/basil-stories.json"
tail -1 "$OUT/basil-stories.json"
# The same articles without their publication dates (all of them; then every third one, drawn
# with a fixed seed): how well stories hold when the dates a feed gives are missing.
for part in none third; do
  python3 - "$SHARED/eval/basil/articles.jsonl" "$part" > "$OUT/basil-undated-$part.jsonl" <<'PY'
import json, random, sys
rng = random.Random(7)
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    if sys.argv[2] == "none" or rng.random() < 1 / 3:
        a.pop("date", None)
    print(json.dumps(a, ensure_ascii=False))
PY
  echo "== BASIL: stories, dates removed ($part)"
  fresh "$OUT/basil-undated-$part.db"
  "$BIN" import --quiet --db "$OUT/basil-undated-$part.db" "$OUT/basil-undated-$part.jsonl"
  score stories "$OUT/basil-undated-$part.db" "$SHARED/eval/basil/clusters.jsonl" | tail -1
done
echo "== MRPC dev: sentence pairs through the import (equivalent = one claim group holds both)"
score pairs-articles "$SHARED/eval/mrpc/pairs.jsonl" "$SHARED/eval/mrpc/articles.jsonl" --split dev > "$OUT/mrpc-dev.jsonl"
fresh "$OUT/mrpc.db"
"$BIN" import --quiet --db "$OUT/mrpc.db" "$OUT/mrpc-dev.jsonl"
score pairs "$OUT/mrpc.db" "$SHARED/eval/mrpc/pairs.jsonl" --split dev > "$OUT/mrpc-dev.json"
tail -1 "$OUT/mrpc-dev.json"
echo "== Entities across a corpus (Reuters-21578, BBC News): counts a script can check"
python3 scripts/sample-entities.py --counts-only --shared "$SHARED" --bin "$BIN" 2>&1 | grep -v "^importing "
echo "(full JSON reports in $OUT/)"
