#!/usr/bin/env python3
"""Why MRPC dev pairs are grouped or not, through the import: `make diagnose-mrpc`.

Imports the MRPC dev sentences (score.py pairs-articles) with the release binary and
NEWSKB_PAIR_FEATURES set, then, for each labelled pair, puts side by side what the whole import
decided (one claim group holds both sentences: score.py's definition) and what the learned pair
decision alone says on the pair's best claim pair (the embedded model, agreement-model.txt, at its
MRPC threshold). It prints:
  - the accuracy of both (the gap is what the grouper's rules and the merge add or lose);
  - the pairs the index never proposed (no claim pair compared), by label;
  - the pairs where the two disagree, by cause, as far as the logged features tell it (the
    grouper's own checks are finer: shared dates count once, documents' story similarity): a guard (different polarity, quantities in
    conflict, fewer than three shared keys), documents no story joins (unlinked), or the corpus
    threshold (the model agrees at its MRPC threshold but not at the one used on real corpora);
  - the bands of the best pair's probability, by label and decision.
Standard library only; deterministic. Usage:
  diagnose-mrpc.py [--shared ../shared] [--bin .build/release/newskb] [--work .build/diagnose-mrpc]
"""
import argparse
import collections
import math
import os
import sqlite3
import sys

sys.dont_write_bytecode = True  # no scripts/__pycache__ in the working tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mrpc_pairs import import_split, labelled_pairs, probability, read_model  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(ROOT, "Sources", "NewsKBExtraction", "Lexicons", "agreement-model.txt")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "newskb"))
    ap.add_argument("--work", default=os.path.join(ROOT, ".build", "diagnose-mrpc"))
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    by_pair, names, db = import_split(args.shared, args.bin, args.work, "dev")

    model = read_model(MODEL)
    con = sqlite3.connect(db)
    story = {doc: s for s, doc in con.execute("SELECT story, document FROM stories")}
    groups = collections.defaultdict(set)
    for g, doc in con.execute("SELECT claim_group, document FROM claim_evidence"):
        groups[doc].add(g)
    # A labelled pair's best claim pair: the most probable (the first of equals, in the file's order).
    best = {}
    for key, vectors in by_pair.items():
        p, values = max(((probability(model, names, v), v) for v in vectors), key=lambda pv: pv[0])
        best[key] = (p, dict(zip(names, values)))

    pairs = labelled_pairs(args.shared, "dev")
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
