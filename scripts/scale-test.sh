#!/bin/bash
# make scale-test (#18): import on Apache Spark in shards, merged, against one import on one machine.
#
#   scripts/scale-test.sh [SHARED]   (SHARED defaults to ../shared)
#
# Installs what it needs: Java 17 from Debian (openjdk-17-jre-headless) when `java` is missing,
# and a pinned pyspark in .venv-spark. Then, with the release binary:
#   0. a folder of text files and a JSONL file without ids, with two bad lines, through Spark in 3
#      shards and through one import: the same store, and the bad lines named by their own file
#      and line;
#   1. BBC + Reuters imported by `newskb import` (timed);
#   2. the same inputs through scripts/spark-import.py on local[2] in 4 shards, merged (timed);
#      the two stores must hold the same things (scripts/compare-stores.py); 1 and 2 run twice,
#      back to back, and the ratio is of the sums;
#   3. Reuters cut into 4 shards by publication week, each imported with --defer-corpus, merged;
#      the merge is timed against the corpus phase of one import of Reuters, twice, back to back
#      (the ratio is of the sums), and the two stores must hold the same things.
#   4. with N set (N=100000 make scale-test), N generated articles, one import against the Spark job.
# Prints the figures and writes them to bench/scale-results.json; exits 1 when a store differs.
set -euo pipefail
SHARED=${1:-../shared}
BIN=${NEWSKB_BIN:-.build/release/newskb}
PYSPARK_VERSION=3.5.3
R=$SHARED/corpora/reuters21578.jsonl
B=$SHARED/corpora/bbc-news.jsonl
for f in "$R" "$B" "$BIN"; do [ -e "$f" ] || { echo "scale-test: missing $f" >&2; exit 2; }; done

if ! command -v java >/dev/null 2>&1; then
    echo "scale-test: installing Java 17 (openjdk-17-jre-headless)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
if ! .venv-spark/bin/python -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    echo "scale-test: installing pyspark $PYSPARK_VERSION in .venv-spark" >&2
    python3 -m venv .venv-spark
    .venv-spark/bin/pip install -q "pyspark==$PYSPARK_VERSION"
fi

OUT=$(mktemp -d /tmp/newskb-scale.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
now() { date +%s.%N; }
status=0

# 0. Keys and bad lines: text files in folders (keys are their paths, titles their headlines) and a
# JSONL file whose lines carry no id (keys FILE:LINE), with a malformed line and a record without
# text, through Spark in 3 shards and through one import.
mkdir -p "$OUT/tree/sub"
cp seeds/*.txt "$OUT/tree/"
python3 - "$B" "$OUT/tree/sub/noids.jsonl" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()][:30]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for i, r in enumerate(rows):
        r.pop("id", None)
        f.write(json.dumps(r) + "\n")
        if i == 5: f.write("{broken line\n")
        if i == 9: f.write('{"title": "no text"}\n')
EOF
"$BIN" import --quiet --db "$OUT/tree-one.db" "$OUT/tree" 2>/dev/null || true
set +e
.venv-spark/bin/python scripts/spark-import.py --master 'local[2]' --shards 3 --bin "$BIN" \
    --db "$OUT/tree-spark.db" "$OUT/tree" 2> "$OUT/tree-spark.err"
tree_rc=$?
set -e
echo "== Spark (3 shards) against one import: text files and JSONL lines without ids, two bad lines"
python3 scripts/compare-stores.py "$OUT/tree-one.db" "$OUT/tree-spark.db" || status=1
for expected in "$OUT/tree/sub/noids.jsonl:7: malformed JSON" "$OUT/tree/sub/noids.jsonl:12: record has no \"text\" field"; do
    if grep -qF "$expected" "$OUT/tree-spark.err"; then echo "reported: $expected"; else echo "NOT REPORTED: $expected"; status=1; fi
done
if [ "$tree_rc" -ne 1 ]; then echo "the Spark job exited $tree_rc, not 1, after bad lines"; status=1; fi

# 1. and 2., twice, back to back (this VM's speed drifts over minutes): one import of BBC and
# Reuters, then the Spark job on local[2] in 4 shards.
plain=0; spark=0
for run in 1 2; do
    rm -rf "$OUT/one.db"* "$OUT/spark.db"*
    t0=$(now)
    "$BIN" import --quiet --db "$OUT/one.db" "$R" "$B"
    plain=$(python3 -c "print($plain + $(now) - $t0)")
    t0=$(now)
    .venv-spark/bin/python scripts/spark-import.py --master 'local[2]' --shards 4 --bin "$BIN" \
        --db "$OUT/spark.db" --timings "$OUT/spark-$run.json" "$R" "$B"
    spark=$(python3 -c "print($spark + $(now) - $t0)")
    echo "== Spark (local[2], 4 shards) against one import: BBC + Reuters, run $run"
    python3 scripts/compare-stores.py "$OUT/one.db" "$OUT/spark.db" || status=1
done

# 3. Reuters in 4 shards by week, merged, against one import of Reuters.
python3 - "$R" "$OUT" <<'EOF'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("spark_import", "scripts/spark-import.py")
si = importlib.util.module_from_spec(spec); spec.loader.exec_module(si)
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
weeks = []
for l in lines:
    m = si.DATE_FIELD.search(l)
    weeks.append(si.week_of(m.group(1)) if m else None)
counts = {}
for w in weeks: counts[w] = counts.get(w, 0) + 1
shard_of = si.assign_weeks(counts, 4)
parts = [[] for _ in range(4)]
for i, (l, w) in enumerate(zip(lines, weeks)):
    if l.strip():
        parts[shard_of[w] if w is not None else i % 4].append(l)
for k, p in enumerate(parts):
    open(f"{sys.argv[2]}/part-{k}.jsonl", "w", encoding="utf-8").write("\n".join(p) + "\n")
print("Reuters shards by week:", [len(p) for p in parts])
EOF
for k in 0 1 2 3; do "$BIN" import --quiet --defer-corpus --db "$OUT/shard-$k.db" "$OUT/part-$k.jsonl"; done
# Twice, back to back: the corpus phase of one import, then the merge.
for run in 1 2; do
    rm -rf "$OUT/reuters.db"* "$OUT/merged.db"*
    "$BIN" import --quiet --db "$OUT/reuters.db" --timings "$OUT/reuters-$run.json" "$R"
    "$BIN" merge --quiet --db "$OUT/merged.db" --timings "$OUT/merge-$run.json" "$OUT"/shard-?.db
done
echo "== 4 Reuters shards merged against one import of Reuters"
python3 scripts/compare-stores.py "$OUT/reuters.db" "$OUT/merged.db" || status=1

# 4. Optionally (N=100000 make scale-test): N generated articles (scripts/generate-corpus.py),
# one import against the Spark job, where the engine's fixed cost weighs less.
generated=""
if [ -n "${N:-}" ]; then
    python3 scripts/generate-corpus.py "$N" --seed 1 --corpora "$SHARED/corpora" --out "$OUT/generated.jsonl"
    rm -rf "$OUT/one.db"* "$OUT/spark.db"*
    t0=$(now); "$BIN" import --quiet --db "$OUT/one.db" "$OUT/generated.jsonl"; gp=$(python3 -c "print($(now) - $t0)")
    t0=$(now)
    .venv-spark/bin/python scripts/spark-import.py --master 'local[2]' --shards 4 --bin "$BIN" \
        --db "$OUT/spark.db" --timings "$OUT/spark-generated.json" "$OUT/generated.jsonl"
    gs=$(python3 -c "print($(now) - $t0)")
    echo "== Spark (local[2], 4 shards) against one import: $N generated articles"
    python3 scripts/compare-stores.py "$OUT/one.db" "$OUT/spark.db" || status=1
    generated="$N $gp $gs"
fi

mkdir -p bench
python3 - "$OUT" "$plain" "$spark" "$status" "$generated" <<'EOF'
import json, sys
out, plain, spark, status = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
generated = sys.argv[5].split()
sj = [json.load(open(f"{out}/spark-{k}.json")) for k in (1, 2)]
ones = [json.load(open(f"{out}/reuters-{k}.json")) for k in (1, 2)]
merges = [json.load(open(f"{out}/merge-{k}.json")) for k in (1, 2)]
corpus_phase = sum(o["stages"]["finish"] for o in ones)
merge = {"seconds": sum(m["seconds"] for m in merges), "stages": {k: sum(m["stages"].get(k, 0) for m in merges) for k in merges[0]["stages"]}}
res = {
    "bbc_reuters_plain_import_seconds_two_runs": round(plain, 2),
    "bbc_reuters_spark_seconds_two_runs": round(spark, 2),
    "spark_over_plain": round(spark / plain, 2),
    "spark_steps": sj,
    "reuters_corpus_phase_seconds_two_runs": round(corpus_phase, 3),
    "reuters_merge_seconds_two_runs": round(merge["seconds"], 3),
    "reuters_merge_stages_two_runs": {k: round(v, 3) for k, v in merge["stages"].items() if not k.endswith("_cpu")},
    "merge_over_corpus_phase": round(merge["seconds"] / corpus_phase, 2),
    "views_equal": status == 0,
}
if generated:
    n, gp, gs = int(generated[0]), float(generated[1]), float(generated[2])
    res["generated"] = {"articles": n, "plain_import_seconds": round(gp, 2), "spark_seconds": round(gs, 2),
                        "spark_over_plain": round(gs / gp, 2), "spark_steps": json.load(open(f"{out}/spark-generated.json"))}
json.dump(res, open("bench/scale-results.json", "w"), indent=1, sort_keys=True)
print(f"Spark job on local[2], BBC + Reuters in 4 shards, two runs: {spark:.1f} s; one import, two runs: {plain:.1f} s: "
      f"{spark / plain:.2f}x (target <= 1.5x)")
print(f"merge of 4 Reuters shards, two runs: {merge['seconds']:.1f} s; corpus phase of one Reuters import, two runs: {corpus_phase:.1f} s: "
      f"{merge['seconds'] / corpus_phase:.2f}x (target <= 1.5x)")
if generated:
    print(f"Spark job on local[2], {n} generated articles in 4 shards: {gs:.1f} s; one import {gp:.1f} s: {gs / gp:.2f}x")
print("views: " + ("equal" if status == 0 else "DIFFERENT"))
EOF
exit $status
