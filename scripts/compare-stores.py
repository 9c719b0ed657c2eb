#!/usr/bin/env python3
"""compare-stores.py A.db B.db: do two newskb stores hold the same things? (#18)

Compares, as sets without row ids (a merged or incrementally built store numbers its rows
otherwise): documents (key, metadata, content hash), sentences, who_said rows, entity aliases and
roles, entities, claims with their keys, entities, quantities and frames, stories (as their
documents), claim groups (as their evidence), disagreements (as their kind, topic and positions)
and entity mentions. Prints one line per part and SAME or DIFFERENT; exits 1 when they differ.
Standard library only.
"""
import sqlite3
import sys

PARTS = [
    ("documents", "SELECT key, title, outlet, url, published, author, content_hash, char_count, word_count FROM documents"),
    ("sentences", 'SELECT d.key, s.position, s.paragraph, s.start, s."end" FROM sentences s JOIN documents d ON d.id = s.document_id'),
    ("who_said", 'SELECT document, speaker, cue, kind, quote, start, "end", place FROM who_said'),
    ("entity aliases", "SELECT e.name, e.type, a.alias, d.key FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
                       "JOIN documents d ON d.id = a.document_id"),
    ("entity roles", "SELECT e.name, e.type, r.role, d.key FROM entity_roles r JOIN entities e ON e.id = r.entity_id "
                     "JOIN documents d ON d.id = r.document_id"),
    ("entities", "SELECT name, type, name_key, match_key FROM entities"),
    ("entity mentions", 'SELECT document, entity, type, mention, start, "end" FROM entity_mentions'),
    ("claims", """
        SELECT d.key, c.position, c.start, c."end", c.negated, c.match_keys, hex(c.vector),
               (SELECT s.start FROM statements s WHERE s.id = c.statement_id),
               (SELECT group_concat(name, ',') FROM (SELECT e.name FROM claim_entities ce JOIN entities e ON e.id = ce.entity_id
                                                     WHERE ce.claim_id = c.id ORDER BY 1)),
               (SELECT group_concat(v, ',') FROM (SELECT q.start || ':' || q.unit || ':' || q.noun || ':' || q.value AS v
                                                  FROM claim_quantities q WHERE q.claim_id = c.id ORDER BY 1)),
               (SELECT group_concat(v, ',') FROM (SELECT f.predicate || ':' || f.role || ':' || f.value || ':' || f.start AS v
                                                  FROM claim_frames f WHERE f.claim_id = c.id ORDER BY 1))
          FROM claims c JOIN documents d ON d.id = c.document_id
        """),
]

GROUPED = [
    ("stories", "SELECT story, document FROM stories"),
    ("claim groups", "SELECT claim_group, document || ':' || start || '-' || \"end\" || ':' || similarity FROM claim_evidence"),
    ("disagreements", "SELECT disagreement, kind || ':' || topic || ':' || document || ':' || start || '-' || \"end\" || ':' || position "
                      "FROM disagreements"),
]


def parts(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    out = {}
    for name, sql in PARTS:
        out[name] = {tuple(r) for r in con.execute(sql)}
    for name, sql in GROUPED:
        sets = {}
        for i, member in con.execute(sql):
            sets.setdefault(i, set()).add(member)
        out[name] = {frozenset(v) for v in sets.values()}
    con.close()
    return out


def report(a, b, first="the first", second="the second"):
    """Prints, part by part, what only one of two stores' parts holds; True when nothing."""
    same = True
    for name in a:
        only_a, only_b = len(a[name] - b[name]), len(b[name] - a[name])
        print(f"{name}: {len(a[name])} vs {len(b[name])}; only in {first} {only_a}, only in {second} {only_b}")
        same &= only_a == 0 and only_b == 0
    return same


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    same = report(parts(sys.argv[1]), parts(sys.argv[2]))
    print("SAME" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
