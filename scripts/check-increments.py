#!/usr/bin/env python3
"""make check-increments: a corpus imported in increments in random order against one import (#17).

Imports CORPUS (JSONL; default Reuters-21578) into a fresh store in one go, then into another in
N increments of a random order (a seed argument draws another), and compares stories, claim
groups and disagreements as sets: each story as its documents, each group as its evidence
(document, span), each disagreement as its kind and positions, and what derives from each document
(scripts/compare-stores.py). Ids are left out: a store built in
several imports keeps the ids it gave. Prints what each increment recomputed and the differences;
exits 1 when the views differ. Standard library only.

Then documents change in the incremental store, as in a newsroom's archive (skipped with
`--no-churn`):
  1. 0.1 % of its documents are replaced (their last sentence cut, as a correction would) in one
     import: fewer changes than the 2 % after which the key counts are taken again, so the import
     recomputes only the documents they reach, weighed by the stored counts, and must hold exactly
     what recomputing everything with those counts gives (`newskb check --recompute`: stories,
     claim groups and disagreements, members and ids); then 0.9 % more in another import (which
     may recompute the whole store with the stored counts: they may be compared with most of it),
     checked the same way;
  2. 1.5 % more are deleted in SQL (`DELETE FROM documents`) and an import of nothing completes
     the corpus phase: 2.5 % changed in all, so everything is recomputed with new counts, and the
     store must equal, as sets, one import of the final documents (the corpus with the
     replacements and without the deletions).
Only documents whose body no other key repeats are replaced or deleted (a repeated body is kept
under its smallest key, `DocumentWriter`; deleting that one would bring back no twin).

  check-increments.py [--shared ../shared] [--corpus FILE] [--parts 20] [--seed 17] [--no-churn] [--bin .build/release/newskb]
"""
import argparse
import importlib.util
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time


def compare_stores():
    """scripts/compare-stores.py, loaded as a module."""
    spec = importlib.util.spec_from_file_location("compare_stores", os.path.join(os.path.dirname(__file__), "compare-stores.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--corpus")
    ap.add_argument("--parts", type=int, default=20)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--bin", default=".build/release/newskb")
    ap.add_argument("--no-churn", action="store_true", help="skip the replacements and deletions")
    a = ap.parse_args()
    corpus = a.corpus or os.path.join(a.shared, "corpora", "reuters21578.jsonl")
    lines = [l for l in open(corpus, encoding="utf-8").read().split("\n") if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        one, inc = os.path.join(tmp, "one.db"), os.path.join(tmp, "inc.db")
        t0 = time.time()
        subprocess.run([a.bin, "import", "--quiet", "--db", one, corpus], check=True)
        print(f"one import: {len(lines)} articles in {time.time() - t0:.1f} s")
        random.Random(a.seed).shuffle(lines)
        n = len(lines)
        for k in range(a.parts):
            part = os.path.join(tmp, f"part{k}.jsonl")
            with open(part, "w", encoding="utf-8") as f:
                f.write("\n".join(lines[k * n // a.parts:(k + 1) * n // a.parts]) + "\n")
            timings = os.path.join(tmp, "t.json")
            t0 = time.time()
            subprocess.run([a.bin, "import", "--quiet", "--db", inc, "--timings", timings, part], check=True)
            scope = json.load(open(timings)).get("corpus", {}).get("scope", "")
            print(f"increment {k + 1:2}/{a.parts}: {time.time() - t0:5.1f} s, recomputed: {scope}")
        compare = compare_stores()
        same = compare.report(compare.parts(one), compare.parts(inc), "one import", "increments")
        print("SAME as sets" if same else "DIFFERENT")
        if not a.no_churn:
            same = churn(a, lines, inc, tmp, compare) and same
    sys.exit(0 if same else 1)


def cut_last_sentence(text):
    """The text without its last sentence (a correction); with a word more when it has one only."""
    body = text.rstrip()
    cut = max(body.rfind(". ", 0, len(body) - 1), body.rfind(".\n", 0, len(body) - 1))
    return body[:cut + 1] if cut > len(body) // 3 else body + " Corrected."


def churn(a, lines, inc, tmp, compare):
    """Replacements (a region run, checked against a recomputation with the same counts), then
    deletions (a full run, checked against one import of the final documents). True when both hold."""
    records = [json.loads(l) for l in lines]
    bodies = {}
    for r in records:
        bodies.setdefault(r["text"], []).append(r["id"])
    con = sqlite3.connect(inc)
    stored = {k for (k,) in con.execute("SELECT key FROM documents")}
    con.close()
    unique = sorted(r["id"] for r in records if len(bodies[r["text"]]) == 1 and r["id"] in stored)
    rng = random.Random(a.seed + 1)
    rng.shuffle(unique)
    n = len(stored)
    replaced = set(unique[:n // 100])
    deleted = set(unique[n // 100:n // 100 + n * 3 // 200])
    final = []
    for r in records:
        if r["id"] in deleted:
            continue
        if r["id"] in replaced:
            r = dict(r, text=cut_last_sentence(r["text"]))
        final.append(r)
    # A few replaced first (0.1 %: what the changed documents reach is recomputed, not the store),
    # then the rest of the 1 % (compared with most of the store: may recompute all of it).
    few = set(sorted(replaced)[:n // 1000])
    edits, rest = os.path.join(tmp, "replaced-few.jsonl"), os.path.join(tmp, "replaced-rest.jsonl")
    with open(edits, "w", encoding="utf-8") as f, open(rest, "w", encoding="utf-8") as g:
        for r in final:
            if r["id"] in replaced:
                (f if r["id"] in few else g).write(json.dumps(r, ensure_ascii=False) + "\n")
    ok = True

    def run(label, path):
        timings = os.path.join(tmp, "t.json")
        t0 = time.time()
        subprocess.run([a.bin, "import", "--quiet", "--db", inc, "--timings", timings, path], check=True)
        corpus = json.load(open(timings)).get("corpus", {})
        print(f"{label}: {time.time() - t0:5.1f} s, recomputed: {corpus.get('scope', '')}")
        return corpus.get("scope", "")

    def recompute_check():
        check = subprocess.run([a.bin, "check", "--recompute", "--db", inc], capture_output=True, text=True)
        print("newskb check --recompute: " + ("ok" if check.returncode == 0 else "FAILED"))
        if check.returncode != 0:
            print(check.stdout + check.stderr)
        return check.returncode == 0

    scope = run(f"{len(few)} documents replaced (0.1 %)", edits)
    if scope.startswith("all"):
        print("FAIL: the replacements were meant to recompute only what they reach")
        ok = False
    ok = recompute_check() and ok
    run(f"{len(replaced) - len(few)} more documents replaced (1 % in all)", rest)
    ok = recompute_check() and ok

    con = sqlite3.connect(inc)
    con.executemany("DELETE FROM documents WHERE key = ?", [(k,) for k in sorted(deleted)])
    con.commit()
    con.close()
    empty = os.path.join(tmp, "nothing.jsonl")
    open(empty, "w").close()
    scope = run(f"{len(deleted)} documents deleted in SQL (1.5 %), then an import of nothing", empty)
    if not scope.startswith("all"):
        print("FAIL: 2.5 % changed in all was meant to recompute everything with new counts")
        ok = False
    final_path, fresh = os.path.join(tmp, "final.jsonl"), os.path.join(tmp, "final.db")
    with open(final_path, "w", encoding="utf-8") as f:
        for r in final:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    subprocess.run([a.bin, "import", "--quiet", "--db", fresh, final_path], check=True)
    same = compare.report(compare.parts(fresh), compare.parts(inc), "one import of the final documents", "the changed store")
    print("SAME as sets after replacements and deletions" if same else "DIFFERENT after replacements and deletions")
    return ok and same


if __name__ == "__main__":
    main()
