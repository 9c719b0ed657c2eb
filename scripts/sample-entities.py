#!/usr/bin/env python3
"""make sample-entities: a random sample of canonical entities with two or more names, to read by hand.

Imports BBC News and Reuters-21578 (from ../shared) into .build/sample/*.db with the release binary
(again only when the binary is newer than a database; the same databases as make sample-agreement),
then prints, for each corpus, 50 random canonical entities that are written in two or more ways (the
lookup keys of their mentions' texts differ), each with its names (how many mentions each), its type,
how many documents name it, and a few contexts (the aliases' first). For each, judge:
  - merge: every name is the same real-world thing;
  - type: the type is right for that thing.
It also prints the counts a script can check (the same as `make eval`, with --counts-only):
  - entities whose name ends in a company designator (Inc, Corp, Co, Ltd, Plc, AG, SA, Group, Bank,
    Holdings) typed PERSON, and their share;
  - aliases that are not names: a designator alone, or one common word that is the head of an
    organisation's name or not in the name at all (`not_a_name`).

Usage: sample-entities.py [--seed N] [--shared DIR] [--bin PATH] [--entities 50] [--counts-only]
"""
import argparse
import os
import random
import sqlite3
import sys

sys.dont_write_bytecode = True  # no scripts/__pycache__ in the working tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mrpc_pairs import sample_db  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = [
    ("reuters", "corpora/reuters21578.jsonl"),
    ("bbc", "corpora/bbc-news.jsonl"),
]
DESIGNATORS = {"inc", "corp", "co", "ltd", "plc", "ag", "sa", "group", "bank", "holdings", "llc", "nv", "bv",
               "gmbh", "corporation", "company", "limited", "incorporated"}


def common_words():
    """The project's list of common English words (Lexicons/common-words.txt), lower-cased."""
    path = os.path.join(ROOT, "Sources", "NewsKBExtraction", "Lexicons", "common-words.txt")
    words = set()
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.split("|")[0].strip().lower())
    return words


def key(s):
    return " ".join(s.replace(".", "").replace("\u2019", "'").lower().split())


def not_a_name(alias, name, typ, common):
    """An alias that cannot be a name of its entity: a designator alone (`Co`, `Ltd`), or one common
    word (not an acronym) that is the head of an organisation's or place's name (`Securities` of
    `Shearson Lehman Securities`) or not in the name at all. A person's surname (`Ball` of `Zoe
    Ball`) and the first word of an organisation's name (`Allied` of `Allied Stores`) are names."""
    k = key(alias)
    if k in DESIGNATORS:
        return True
    if " " in k or k not in common or (alias.isupper() and len(alias) >= 2):
        return False
    words = key(name).split()
    if words and words[0] == "the":
        words = words[1:]
    if k not in words and k + "s" not in words and not (k.endswith("s") and k[:-1] in words):
        return True
    return typ != "PERSON" and len(words) >= 2 and words[-1] == k


def counts(con, common):
    """The script-checkable counts: designator names typed PERSON, designator or common-word aliases."""
    designated = person = 0
    examples = []
    # an entity is designated when one of its names (canonical or an alias as written) ends in a
    # designator: companies are named without theirs, and keep the written forms as aliases
    rows = con.execute("SELECT e.name, e.type, group_concat(a.alias, char(31)) FROM entities e "
                       "LEFT JOIN entity_aliases a ON a.entity_id = e.id GROUP BY e.id ORDER BY e.id")
    for name, typ, aliases in rows:
        names = [name] + (aliases.split("\x1f") if aliases else [])
        if any(len(w) >= 2 and w[-1] in DESIGNATORS for w in (key(n).replace(",", " ").split() for n in names)):
            designated += 1
            if typ == "PERSON":
                person += 1
                if len(examples) < 5:
                    examples.append(name)
    bad_alias = []
    for alias, name, typ in con.execute("SELECT DISTINCT a.alias, e.name, e.type FROM entity_aliases a "
                                        "JOIN entities e ON e.id = a.entity_id ORDER BY a.alias, e.name"):
        if not_a_name(alias, name, typ, common):
            bad_alias.append((alias, name))
    return designated, person, examples, bad_alias


def multi_name_entities(con):
    """Entities written in two or more ways (distinct lookup keys of their mentions' texts): the
    ones whose merge can be wrong. A company named without its designators but written one way
    only is not among them."""
    names = {}
    for eid, text in con.execute("SELECT m.entity_id, substr(d.body, m.start + 1, m.\"end\" - m.start) "
                                 "FROM mentions m JOIN documents d ON d.id = m.document_id"):
        names.setdefault(eid, set()).add(key(text))
    multi = {eid for eid, ks in names.items() if len(ks) >= 2}
    return [r for r in con.execute("SELECT id, name, type FROM entities ORDER BY id") if r[0] in multi]


def clip(text, start, end, width=90):
    a = max(0, start - width)
    b = min(len(text), end + width)
    s = text[a:start] + "[" + text[start:end] + "]" + text[end:b]
    s = " ".join(s.split())
    return ("…" if a > 0 else "") + s + ("…" if b < len(text) else "")


def describe(con, eid, name, typ, contexts=3):
    names = con.execute("SELECT substr(d.body, m.start + 1, m.end - m.start) AS t, count(*) FROM mentions m "
                        "JOIN documents d ON d.id = m.document_id WHERE m.entity_id = ? GROUP BY t ORDER BY count(*) DESC, t",
                        (eid,)).fetchall()
    docs = con.execute("SELECT count(DISTINCT document_id) FROM mentions WHERE entity_id = ?", (eid,)).fetchone()[0]
    lines = [f"{name} [{typ}] — {docs} documents; names: " + ", ".join(f"{t} ×{c}" for t, c in names)]
    shown = set()
    # one context for each name other than the canonical one first (they carry the merge), then the name
    wanted = [t for t, _ in names if t != name][:contexts - 1] + [name]
    for t in wanted:
        row = con.execute("SELECT d.key, d.body, m.start, m.end FROM mentions m JOIN documents d ON d.id = m.document_id "
                          "WHERE m.entity_id = ? AND substr(d.body, m.start + 1, m.end - m.start) = ? "
                          "ORDER BY d.key, m.start LIMIT 1", (eid, t)).fetchone()
        if row and (row[0], row[2]) not in shown:
            shown.add((row[0], row[2]))
            lines.append(f"    {row[0]}: {clip(row[1], row[2], row[3])}")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--bin", default=".build/release/newskb")
    ap.add_argument("--out", default=".build/sample")
    ap.add_argument("--entities", type=int, default=50)
    ap.add_argument("--counts-only", action="store_true", help="only the script-checkable counts")
    ap.add_argument("--db", action="append", default=[], metavar="NAME=PATH",
                    help="use this database instead of importing (repeatable)")
    args = ap.parse_args()
    common = common_words()
    if args.db:
        dbs = [tuple(d.split("=", 1)) for d in args.db]
    else:
        if not os.path.exists(args.bin):
            sys.exit(f"sample-entities: no binary at {args.bin} (make release)")
        os.makedirs(args.out, exist_ok=True)
        dbs = [(name, sample_db(args.bin, args.shared, name, rel, args.out, "sample-entities")) for name, rel in CORPORA]
    rng = random.Random(args.seed)
    for name, db in dbs:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        total = con.execute("SELECT count(*) FROM entities").fetchone()[0]
        designated, person, examples, bad = counts(con, common)
        share = person / designated if designated else 0.0
        print(f"== {name}: {total} entities; names ending in a company designator typed PERSON: "
              f"{person} of {designated} ({100 * share:.1f}%){' e.g. ' + '; '.join(examples) if examples else ''}")
        print(f"   aliases that are not names (a designator, a common word that is a head or not in the name): {len(bad)}"
              + (" e.g. " + "; ".join(f"{a} (of {n})" for a, n in bad[:6]) if bad else ""))
        if args.counts_only:
            continue
        multi = multi_name_entities(con)
        print(f"\n# {name}: {min(args.entities, len(multi))} of {len(multi)} entities with two or more names "
              f"(seed {args.seed}): is every name the same thing? is the type right?\n")
        for i, (eid, ename, typ) in enumerate(sorted(rng.sample(multi, min(args.entities, len(multi)))), 1):
            lines = describe(con, eid, ename, typ)
            print(f"E{i:02d} " + lines[0])
            for line in lines[1:]:
                print(line)
            print()


if __name__ == "__main__":
    main()
