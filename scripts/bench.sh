#!/usr/bin/env bash
# make bench: import speed on the Reuters-21578 corpus (19,043 articles) into a fresh database,
# against the floor: the same texts loaded with an FTS5 index by the plain sqlite3 shell.
# A measurement, not a test: it never fails for being slow. Writes bench/results.json.
set -euo pipefail
SHARED=${1:-../shared}
BIN=${NEWSKB_BIN:-.build/release/newskb}
CORPUS=${BENCH_CORPUS:-$SHARED/corpora/reuters21578.jsonl}
OUT=bench/out
mkdir -p "$OUT"
[ -f "$CORPUS" ] || { echo "bench: corpus $CORPUS not found" >&2; exit 1; }
fresh() { rm -f "$1" "$1-wal" "$1-shm"; }
now() { date +%s%N; }

articles=$(wc -l < "$CORPUS")
words=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1]) if l.strip()))" "$CORPUS")
input_bytes=$(stat -c %s "$CORPUS")

fresh "$OUT/bench.db"
t0=$(now)
"$BIN" import --quiet --timings "$OUT/timings.json" --db "$OUT/bench.db" "$CORPUS"
t1=$(now)
ours=$(( t1 - t0 ))
db_bytes=$(( $(stat -c %s "$OUT/bench.db") + $(stat -c %s "$OUT/bench.db-wal" 2>/dev/null || echo 0) ))

fresh "$OUT/floor.db"
t0=$(now)
sqlite3 "$OUT/floor.db" <<SQL
CREATE TABLE docs(id TEXT, body TEXT);
INSERT INTO docs SELECT value->>'id', value->>'text'
  FROM json_each('[' || replace(rtrim(readfile('$CORPUS'), char(10)), char(10), ',') || ']');
CREATE VIRTUAL TABLE docs_fts USING fts5(body, content='docs', content_rowid='rowid');
INSERT INTO docs_fts(docs_fts) VALUES ('rebuild');
SQL
t1=$(now)
floor=$(( t1 - t0 ))

# Adding to the store (#17): the five seed articles, as the undated files of seeds/ and with their
# publication date given (`--date`), each into a copy of the store just built.
add() {  # add NAME ARGS...: nanoseconds to import into a copy of the store
  local name=$1; shift
  fresh "$OUT/$name.db"; cp "$OUT/bench.db" "$OUT/$name.db"
  local a b; a=$(now); "$BIN" import --quiet --timings "$OUT/$name.json" --db "$OUT/$name.db" "$@"; b=$(now)
  echo $(( b - a ))
}
add_undated=$(add add-undated seeds)
add_dated=$(add add-dated --date 2023-09-13 seeds)

"$(dirname "$BIN")/newskb-bench" "$CORPUS" --json "$OUT/stages.json"
echo
python3 - "$OUT/timings.json" "$articles" "$words" "$input_bytes" "$ours" "$db_bytes" "$floor" "$add_undated" "$add_dated" <<'PY'
import json, sys, platform, os
timings = json.load(open(sys.argv[1]))
articles, words, input_bytes = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
ours, db_bytes, floor = int(sys.argv[5]) / 1e9, int(sys.argv[6]), int(sys.argv[7]) / 1e9
add_undated, add_dated = int(sys.argv[8]) / 1e9, int(sys.argv[9]) / 1e9
def scope(name):
    return json.load(open(f"bench/out/{name}.json")).get("corpus", {}).get("scope", "")
st = timings.get("stages", {})
ext = json.load(open("bench/out/stages.json"))
# Extraction stages measured alone on one core (newskb-bench), scaled to the CPU the import's
# workers spent, so the split adds up to what the import did.
one_core = {k: v["seconds"] for k, v in sorted(ext.get("stages_one_core", {}).items())}
scale = st.get("analyze_cpu", 0) / max(1e-9, sum(one_core.values())) if one_core else 0
split = {
    "read (files, JSON; wall)": st.get("read", 0),
    **{f"extraction: {k} (CPU, all cores)": v * scale for k, v in one_core.items()},
    "extraction waited for (wall)": st.get("analyze", 0),
    "SQLite writes (wall)": st.get("write", 0) - st.get("fts", 0),
    "  of which writer CPU": st.get("write_cpu", 0) - st.get("fts_cpu", 0),
    "full-text index, batch by batch (wall; 0 when set aside)": st.get("fts", 0),
    "indexes and full-text index set aside, built alongside the corpus phase (wall)": st.get("index", 0),
    "  of which CPU (its own thread)": st.get("index_cpu", 0),
    "corpus phase: stories, groups, conflicts (wall)": st.get("finish", 0),
    "  of which main-thread CPU": st.get("finish_cpu", 0),
    # The corpus phase's main-thread steps (wall), in the order they run.
    **{f"    {k}": timings.get("corpus", {}).get("steps", {}).get(k, {}).get("wall", 0)
       for k in ["count", "docs", "claims", "titles", "keys", "wait", "collect", "finish", "publish",
                 "worker compare", "worker pairs", "worker links"]
       if k in timings.get("corpus", {}).get("steps", {})},
}
res = {
    "corpus": "reuters21578.jsonl", "articles": articles, "words": words, "input_bytes": input_bytes,
    "seconds": round(ours, 3), "articles_per_s": round(articles / ours), "words_per_s": round(words / ours),
    "peak_rss_mb": round(timings.get("peak_rss_bytes", 0) / 2**20, 1),
    "db_bytes": db_bytes, "db_over_input": round(db_bytes / input_bytes, 2),
    "sqlite3_floor_seconds": round(floor, 3), "ratio_to_floor": round(ours / floor, 2),
    "add_seeds_undated": {"seconds": round(add_undated, 3), "of_full_import": round(add_undated / ours, 3), "scope": scope("add-undated")},
    "add_seeds_dated": {"seconds": round(add_dated, 3), "of_full_import": round(add_dated / ours, 3), "scope": scope("add-dated")},
    "stages_seconds": {k: round(v, 3) for k, v in split.items()},
    "corpus_phase": timings.get("corpus", {}),
    "extraction_one_core": ext,
    "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
}
os.makedirs("bench", exist_ok=True)
json.dump(res, open("bench/results.json", "w"), indent=1)
w = max(len(k) for k in list(res) + list(split))
for k, v in res.items():
    if k == "stages_seconds":
        print("time by stage (s):")
        for sk, sv in split.items():
            print(f"  {sk:<{w}}  {sv:.2f}")
    else:
        print(f"{k:<{w}}  {v}")
PY
