#!/usr/bin/env python3
"""Why MRPC dev pairs are grouped or not, through the import: `make diagnose-mrpc`.

Imports the MRPC dev sentences (score.py pairs-articles) with the release binary and
NEWSKB_PAIR_FEATURES set, then, for each labelled pair, puts side by side what the whole import
decided (one claim group holds both sentences: score.py's definition) and what the learned pair
decision alone says on the pair's best claim pair (the embedded model, agreement-model.txt, at its
MRPC threshold). It prints:
  - the accuracy of both (the gap is what the grouper's rules and the merge add or lose);
  - the pairs the index never proposed (no claim pair compared), by label;
  - the pairs where the two disagree, by cause: a guard (different polarity, quantities in
    conflict, fewer than three shared keys), documents no story joins (unlinked), or the corpus
    threshold (the model agrees at its MRPC threshold but not at the one used on real corpora);
  - the bands of the best pair's probability, by label and decision.
Standard library only; deterministic. Usage:
  diagnose-mrpc.py [--shared ../shared] [--bin .build/release/newskb] [--work .build/diagnose-mrpc]
"""
import argparse
import collections
import json
import math
import os
import sqlite3
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(ROOT, "Sources", "NewsKBExtraction", "Lexicons", "agreement-model.txt")


def read_model(path):
    m = {"features": {}}
    for line in open(path):
        f = line.split()
        if not f or f[0].startswith("#"):
            continue
        if f[0] == "feature":
            m["features"][f[1]] = tuple(map(float, f[2:5]))
        else:
            m[f[0]] = float(f[1])
    return m


def probability(m, names, values):
    z = m["bias"]
    for n, x in zip(names, values):
        mean, scale, w = m["features"][n]
        z += w * (x - mean) / scale
    return 1 / (1 + math.exp(-z))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "newskb"))
    ap.add_argument("--work", default=os.path.join(ROOT, ".build", "diagnose-mrpc"))
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    mrpc = os.path.join(args.shared, "eval", "mrpc")
    score = os.path.join(args.shared, "eval", "score.py")
    arts, db, feats = (os.path.join(args.work, n) for n in ("dev.jsonl", "dev.db", "features.tsv"))
    with open(arts, "w") as out:
        subprocess.run([sys.executable, score, "pairs-articles", os.path.join(mrpc, "pairs.jsonl"),
                        os.path.join(mrpc, "articles.jsonl"), "--split", "dev"], stdout=out, check=True)
    for p in (db, db + "-wal", db + "-shm", feats):
        if os.path.exists(p):
            os.remove(p)
    subprocess.run([args.bin, "import", "--quiet", "--db", db, arts], check=True,
                   env=dict(os.environ, NEWSKB_PAIR_FEATURES=feats))

    model = read_model(MODEL)
    con = sqlite3.connect(db)
    doc_of = dict(con.execute("SELECT c.id, d.key FROM claims c JOIN documents d ON d.id = c.document_id"))
    story = {doc: s for s, doc in con.execute("SELECT story, document FROM stories")}
    groups = collections.defaultdict(set)
    for g, doc in con.execute("SELECT claim_group, document FROM claim_evidence"):
        groups[doc].add(g)
    best = {}
    with open(feats) as f:
        names = f.readline().rstrip("\n").split("\t")[2:]
        for line in f:
            a, b, *v = line.rstrip("\n").split("\t")
            values = [float(x) for x in v]
            key = tuple(sorted((doc_of[int(a)], doc_of[int(b)])))
            p = probability(model, names, values)
            if key not in best or p > best[key][0]:
                best[key] = (p, dict(zip(names, values)))

    pairs = [json.loads(l) for l in open(os.path.join(mrpc, "pairs.jsonl"))]
    pairs = [p for p in pairs if p["split"] == "dev"]
    t, tc = model["threshold"], model.get("corpus_threshold", model["threshold"])
    right_import = right_model = 0
    unproposed = collections.Counter()
    gap = collections.Counter()
    bands = collections.Counter()
    for p in pairs:
        gold = p["label"] == 1
        grouped = bool(groups[p["a"]] & groups[p["b"]])
        right_import += grouped == gold
        found = best.get(tuple(sorted((p["a"], p["b"]))))
        if found is None:
            unproposed[gold] += 1
            right_model += not gold
            continue
        prob, f = found
        said = prob >= t
        right_model += said == gold
        band = "<0.38" if prob < 0.38 else "<0.65" if prob < 0.65 else "<0.85" if prob < 0.85 else ">=0.85"
        bands[(gold, grouped, band)] += 1
        if said and not grouped:
            if f["polarity_differs"]:
                cause = "guard: polarity differs"
            elif f["quantities_conflict"]:
                cause = "guard: quantities in conflict"
            elif round(math.expm1(f["shared_keys"])) < 3:
                cause = "guard: fewer than 3 shared keys"
            elif story.get(p["a"]) is None or story.get(p["a"]) != story.get(p["b"]):
                cause = "documents no story joins"
            elif prob < tc:
                cause = f"below the corpus threshold {tc} (no other rule applies)"
            else:
                cause = "the merge (average linkage)"
            gap[("model yes, import no", cause, gold)] += 1
        elif grouped and not said:
            gap[("model no, import yes", "another rule or another member of the group", gold)] += 1
    n = len(pairs)
    print(f"MRPC dev: {n} pairs, {sum(p['label'] for p in pairs)} equivalent")
    print(f"  through the import (one claim group holds both): accuracy {right_import / n:.3f}")
    print(f"  the pair decision alone at its MRPC threshold {t}: accuracy {right_model / n:.3f}")
    print(f"  never proposed by the index: {unproposed[True]} equivalent, {unproposed[False]} not")
    print("where the two differ (what, why, gold label equivalent?):")
    for k in sorted(gap):
        print(f"  {k[0]:22} {k[1]:55} {str(k[2]):5} {gap[k]}")
    print("best claim pair's probability (gold equivalent?, grouped?, band):")
    for k in sorted(bands):
        print(f"  {str(k[0]):5} {str(k[1]):5} {k[2]:7} {bands[k]}")


if __name__ == "__main__":
    main()
