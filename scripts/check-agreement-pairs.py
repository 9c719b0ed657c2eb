#!/usr/bin/env python3
"""make check-agreement-pairs: how the claim grouping treats 300 pairs that were read once.

scripts/agreement-pairs.tsv holds 300 pairs of evidence that one claim group held when session 9's
code imported BASIL, BBC News and Reuters-21578, each read once: does the pair assert the same thing
(and, when not, why: fragment, topic, stages, template, series, other)? This imports the three
corpora with the release binary (into .build/sample, again only when the binary is newer) and
counts, for the pairs read as right and as wrong, how many are still in one claim group: a pair is
when a claim group holds evidence overlapping both of its spans.

The pairs measure what a change to the rules removes, not the new groups it makes: a fresh
`make sample-agreement SEED=N` read by hand measures both. The spans are document keys and
offsets, no text of the corpora; `--show` prints the pairs whose treatment disagrees with the
reading, with their text, for a closer look.

Usage: check-agreement-pairs.py [--shared DIR] [--bin PATH] [--out DIR] [--show]
"""
import argparse
import collections
import csv
import os
import sqlite3
import sys

sys.dont_write_bytecode = True  # no scripts/__pycache__ in the working tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mrpc_pairs import sample_db  # noqa: E402
from importlib import import_module  # noqa: E402

CORPORA = import_module("sample-agreement").CORPORA


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--bin", default=".build/release/newskb")
    ap.add_argument("--out", default=".build/sample")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        sys.exit(f"check-agreement-pairs: no binary at {args.bin} (make release)")
    here = os.path.dirname(os.path.abspath(__file__))
    rows = list(csv.DictReader((l for l in open(os.path.join(here, "agreement-pairs.tsv")) if not l.startswith("#")),
                               delimiter="\t"))
    os.makedirs(args.out, exist_ok=True)
    cons = {name: sqlite3.connect(f"file:{sample_db(args.bin, args.shared, name, rel, args.out, 'check-agreement-pairs')}?mode=ro",
                                  uri=True) for name, rel in CORPORA}

    def groups(con, doc, start, end):
        return {g for (g,) in con.execute("SELECT claim_group FROM claim_evidence WHERE document = ? AND start < ? AND \"end\" > ?",
                                          (doc, int(end), int(start)))}

    kept = collections.Counter()
    total = collections.Counter()
    for r in rows:
        con = cons[r["corpus"]]
        together = bool(groups(con, r["doc_a"], r["start_a"], r["end_a"]) & groups(con, r["doc_b"], r["start_b"], r["end_b"]))
        right = r["same"] == "1"
        for key in [(r["corpus"], right), ("all", right), ("kind", r["kind"])]:
            total[key] += 1
            kept[key] += together
        if args.show and together != right:
            def text(doc, start, end):
                body = con.execute("SELECT body FROM documents WHERE key = ?", (doc,)).fetchone()
                return body[0][int(start):int(end)] if body else "(document gone)"
            print(f"[{r['corpus']}] read {'right' if right else 'wrong (' + r['kind'] + ')'}, "
                  f"{'grouped' if together else 'not grouped'}\n    {text(r['doc_a'], r['start_a'], r['end_a'])}\n"
                  f"    {text(r['doc_b'], r['start_b'], r['end_b'])}")
    print("pairs read once (scripts/agreement-pairs.tsv): still in one claim group")
    for c in ["basil", "bbc", "reuters", "all"]:
        print(f"  {c:8} read right: {kept[(c, True)]}/{total[(c, True)]}   read wrong: {kept[(c, False)]}/{total[(c, False)]}")
    kinds = sorted(k for (t, k) in total if t == "kind" and k != "ok")
    print("  wrong, by kind: " + ", ".join(f"{k} {kept[('kind', k)]}/{total[('kind', k)]}" for k in kinds))


if __name__ == "__main__":
    main()
