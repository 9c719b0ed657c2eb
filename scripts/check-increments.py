#!/usr/bin/env python3
"""make check-increments: a corpus imported in increments in random order against one import (#17).

Imports CORPUS (JSONL; default Reuters-21578) into a fresh store in one go, then into another in
N increments of a random order (a seed argument draws another), and compares stories, claim
groups and disagreements as sets: each story as its documents, each group as its evidence
(document, span), each disagreement as its kind and positions, and what derives from each document
(scripts/compare-stores.py). Ids are left out: a store built in
several imports keeps the ids it gave. Prints what each increment recomputed and the differences;
exits 1 when the views differ. Standard library only.

  check-increments.py [--shared ../shared] [--corpus FILE] [--parts 20] [--seed 17] [--bin .build/release/newskb]
"""
import argparse
import importlib.util
import json
import os
import random
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
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
