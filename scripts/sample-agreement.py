#!/usr/bin/env python3
"""make sample-agreement: a random sample of what newskb says agrees and disagrees, to read by hand.

Imports BASIL, BBC News and Reuters-21578 (from ../shared) into .build/sample/*.db with the release
binary (again only when the binary is newer than a database), then prints
  - 40 random pairs of evidence from one claim group (a group drawn at random, then two of its
    documents at random), spread evenly over the three corpora, with the group's reason;
  - 20 random disagreements, every position with its source and sentence.
For each item, judge: does the pair assert the same thing? Is the conflict genuine (different
sources, the same fact of the same event, values that cannot both be true)?

Usage: sample-agreement.py [--seed N] [--shared DIR] [--bin PATH] [--pairs 40] [--conflicts 20]
"""
import argparse
import os
import random
import sqlite3
import sys

sys.dont_write_bytecode = True  # no scripts/__pycache__ in the working tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mrpc_pairs import sample_db  # noqa: E402

CORPORA = [
    ("basil", "eval/basil/articles.jsonl"),
    ("bbc", "corpora/bbc-news.jsonl"),
    ("reuters", "corpora/reuters21578.jsonl"),
]


def clip(text, n=400):
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def sample_pairs(rng, dbs, count):
    out = []
    per = [count // len(dbs) + (1 if i < count % len(dbs) else 0) for i in range(len(dbs))]
    for (name, db), k in zip(dbs, per):
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        groups = [r[0] for r in con.execute("SELECT claim_group FROM claim_agreement WHERE sources >= 2 ORDER BY claim_group")]
        if not groups:
            continue
        for g in rng.sample(groups, min(k, len(groups))):
            ev = con.execute("SELECT document, text, speaker, similarity FROM claim_evidence WHERE claim_group = ? "
                             "ORDER BY document, start", (g,)).fetchall()
            docs = sorted({e[0] for e in ev})
            a, b = rng.sample(docs, 2)
            ea = next(e for e in ev if e[0] == a)
            eb = next(e for e in ev if e[0] == b)
            reason = con.execute("SELECT reason FROM claim_agreement WHERE claim_group = ?", (g,)).fetchone()[0]
            out.append((name, g, len(docs), reason, ea, eb))
    return out


def sample_conflicts(rng, dbs, count):
    pool = []
    for name, db in dbs:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        for (d,) in con.execute("SELECT DISTINCT disagreement FROM disagreements ORDER BY 1"):
            pool.append((name, db, d))
    out = []
    for name, db, d in rng.sample(pool, min(count, len(pool))):
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        rows = con.execute("SELECT kind, topic, document, position, text, reason FROM disagreements "
                           "WHERE disagreement = ? ORDER BY document, start", (d,)).fetchall()
        out.append((name, d, rows))
    return out, len(pool)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--bin", default=".build/release/newskb")
    ap.add_argument("--out", default=".build/sample")
    ap.add_argument("--pairs", type=int, default=40)
    ap.add_argument("--conflicts", type=int, default=20)
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        sys.exit(f"sample-agreement: no binary at {args.bin} (make release)")
    os.makedirs(args.out, exist_ok=True)
    dbs = [(name, sample_db(args.bin, args.shared, name, rel, args.out, "sample-agreement")) for name, rel in CORPORA]
    rng = random.Random(args.seed)

    print(f"# Claim-group pairs (seed {args.seed}): does each pair assert the same thing?\n")
    for i, (name, g, ndocs, reason, ea, eb) in enumerate(sample_pairs(rng, dbs, args.pairs), 1):
        print(f"P{i:02d} [{name}] group {g} ({ndocs} documents){' — ' + reason if reason else ''}")
        for e in (ea, eb):
            who = f" (speaker: {e[2]})" if e[2] else ""
            print(f"    {e[0]}{who}: {clip(e[1])}")
        print()

    conflicts, total = sample_conflicts(rng, dbs, args.conflicts)
    print(f"# Disagreements (seed {args.seed}; {total} in all): is each genuine?\n")
    for i, (name, d, rows) in enumerate(conflicts, 1):
        kind, topic, reason = rows[0][0], rows[0][1], rows[0][5]
        print(f"C{i:02d} [{name}] disagreement {d}: {kind} — {topic}{' — ' + reason if reason else ''}")
        for r in rows:
            print(f"    {r[2]} [{r[3]}]: {clip(r[4])}")
        print()


if __name__ == "__main__":
    main()
