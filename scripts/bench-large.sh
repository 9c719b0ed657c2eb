#!/usr/bin/env bash
# make bench-large: the large-corpus benchmark. Generates N synthetic articles from the real corpora
# (scripts/generate-corpus.py; default 1,000,000, `N=100000 make bench-large` for a quick run),
# imports them into a fresh database with the release binary (wall time, words/s, peak RSS from
# --timings and from /usr/bin/time -v, database size / input size), then times the query commands
# on that database (newskb-bench --queries: p50/p95/max per query kind).
# A measurement, not a test: it never fails for being slow. Writes bench/large-results.json.
#
# Environment: N (articles), SEED (generator seed, 1), RUNS (timed runs per query kind, 200),
# BUDGET (seconds of timed runs per query kind at most, 60),
# NEWSKB_BIN (the newskb binary), ADD (articles added after the import, another seed, timed: #17's
# daily import; 1000, 0 skips), KEEP_DB=1 keeps the database (bench/out/large-N.db) afterwards,
# REUSE_DB=1 skips generation and import when that database exists (query timings only),
# SKIP_QUERIES=1 stops after the import (and keeps the database).
set -euo pipefail
SHARED=${1:-../shared}
N=${N:-1000000}
SEED=${SEED:-1}
RUNS=${RUNS:-200}
BUDGET=${BUDGET:-60}
BIN=${NEWSKB_BIN:-.build/release/newskb}
BENCH_BIN="$(dirname "$BIN")/newskb-bench"
OUT=bench/out
mkdir -p "$OUT"
CORPUS="$OUT/large-$N-s$SEED.jsonl"
DB="$OUT/large-$N.db"
fresh() { rm -f "$1" "$1-wal" "$1-shm"; }
now() { date +%s%N; }
[ -x "$BIN" ] && [ -x "$BENCH_BIN" ] || { echo "bench-large: build first (make release): $BIN, $BENCH_BIN" >&2; exit 1; }

if [ "${REUSE_DB:-0}" = 1 ] && [ -f "$DB" ] && [ -f "$OUT/large-import.json" ]; then
  echo "bench-large: reusing $DB (REUSE_DB=1): query timings only"
else
  # 1. The corpus (reused when a complete one with the same N and seed is there).
  if [ ! -f "$CORPUS" ] || [ "$(wc -l < "$CORPUS")" != "$N" ]; then
    python3 scripts/generate-corpus.py "$N" --seed "$SEED" --corpora "$SHARED/corpora" --out "$CORPUS.part"
    mv "$CORPUS.part" "$CORPUS"
  fi
  read -r words input_bytes < <(python3 - "$CORPUS" <<'PY'
import json, os, sys
n = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        n += len(json.loads(line)["text"].split())
print(n, os.path.getsize(sys.argv[1]))
PY
)
  # 2. The import, timed, with the peak resident memory seen by the kernel.
  fresh "$DB"
  timev=()
  [ -x /usr/bin/time ] && timev=(/usr/bin/time -v -o "$OUT/large-time-v.txt")
  echo "bench-large: importing $N articles ($words words) into $DB"
  t0=$(now)
  "${timev[@]}" "$BIN" import --quiet --timings "$OUT/large-timings.json" --db "$DB" "$CORPUS"
  t1=$(now)
  db_bytes=$(( $(stat -c %s "$DB") + $(stat -c %s "$DB-wal" 2>/dev/null || echo 0) ))
  maxrss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/large-time-v.txt" 2>/dev/null || true)
  # 3. Adding ADD more articles (another seed) to the store, as a daily import would (#17); the
  # queries below then run on N + ADD articles.
  add_json="{}"
  if [ "${ADD:-1000}" -gt 0 ]; then
    ADDCORPUS="$OUT/large-add-${ADD:-1000}-s$((SEED + 1000)).jsonl"
    [ -f "$ADDCORPUS" ] && [ "$(wc -l < "$ADDCORPUS")" = "${ADD:-1000}" ] || \
      python3 scripts/generate-corpus.py "${ADD:-1000}" --seed $((SEED + 1000)) --corpora "$SHARED/corpora" --quiet --out "$ADDCORPUS"
    echo "bench-large: adding ${ADD:-1000} articles to the store"
    a0=$(now)
    "$BIN" import --quiet --timings "$OUT/large-add-timings.json" --db "$DB" "$ADDCORPUS"
    a1=$(now)
    add_json=$(python3 - "$OUT/large-add-timings.json" $(( (a1 - a0) / 1000000 )) <<'PY'
import json, sys
t = json.load(open(sys.argv[1])); c = t.get("corpus", {})
print(json.dumps({"seconds": int(sys.argv[2]) / 1000, "peak_rss_mb": round(t.get("peak_rss_bytes", 0) / 2**20, 1),
                  "scope": c.get("scope", ""), "candidates": c.get("candidates", 0), "linked": c.get("linked", 0),
                  "read": c.get("read", 0)}))
PY
)
  fi
  python3 - "$OUT/large-import.json" <<PY
import json, sys
json.dump({"articles": $N, "seed": $SEED, "words": $words, "input_bytes": $input_bytes,
           "seconds": ($t1 - $t0) / 1e9, "db_bytes": $db_bytes,
           "time_v_max_rss_kb": int("${maxrss_kb:-0}" or 0), "add": $add_json}, open(sys.argv[1], "w"))
PY
fi

if [ "${SKIP_QUERIES:-0}" = 1 ]; then
  cat "$OUT/large-import.json"; echo; cat "$OUT/large-timings.json"
  echo "bench-large: import done, queries skipped (SKIP_QUERIES=1); database kept: $DB"
  exit 0
fi

# 3. The queries.
"$BENCH_BIN" --queries "$DB" --runs "$RUNS" --budget "$BUDGET" --cli "$BIN" --json "$OUT/large-queries.json"
echo

python3 - "$OUT/large-import.json" "$OUT/large-timings.json" "$OUT/large-queries.json" <<'PY'
import json, os, platform, sys, time
imp, timings, queries = (json.load(open(p)) for p in sys.argv[1:4])
secs = imp["seconds"]
res = {
    "date": time.strftime("%Y-%m-%d"),
    "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
    "articles": imp["articles"], "generator_seed": imp["seed"], "words": imp["words"], "input_bytes": imp["input_bytes"],
    "import_seconds": round(secs, 1), "articles_per_s": round(imp["articles"] / secs), "words_per_s": round(imp["words"] / secs),
    "stages_seconds": timings.get("stages", {}),
    "peak_rss_mb_importer": round(timings.get("peak_rss_bytes", 0) / 2**20, 1),
    "peak_rss_mb_time_v": round(imp["time_v_max_rss_kb"] / 1024, 1),
    "db_bytes": imp["db_bytes"], "db_over_input": round(imp["db_bytes"] / imp["input_bytes"], 2),
    "add": imp.get("add", {}),
    "queries": queries["queries"], "documents": queries["documents"], "statements": queries["statements"],
}
os.makedirs("bench", exist_ok=True)
json.dump(res, open("bench/large-results.json", "w"), indent=1)
for k, v in res.items():
    if k != "queries":
        print(f"{k:<22}  {v}")
print()
print(f"{'query':<24}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'rows mean':>11}{'CLI p50 ms':>12}")
for name, q in queries["queries"].items():
    cli = q.get("cli_p50_ms")
    print(f"{name:<24}{q['p50_ms']:>9.2f}{q['p95_ms']:>9.2f}{q['max_ms']:>9.1f}{q['rows_mean']:>11.0f}{(cli if cli is not None else float('nan')):>12.1f}")
PY
[ "${KEEP_DB:-0}" = 1 ] || [ "${REUSE_DB:-0}" = 1 ] || { fresh "$DB"; echo "bench-large: removed $DB (KEEP_DB=1 keeps it)"; }
