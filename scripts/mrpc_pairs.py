"""Shared by train-agreement.py, diagnose-mrpc.py and sample-agreement.py (standard library only).

  fresh(path)          removes a database and its -wal/-shm files
  labelled_pairs(shared, split)
                       the MRPC pairs of one split ({"a", "b", "label", "split", ...})
  import_split(shared, binary, work, split)
                       imports one split's sentences with NEWSKB_PAIR_FEATURES set; returns
                       ({(doc a, doc b) sorted: [feature vectors]}, feature names, database path)
  read_model(path), probability(model, names, values)
                       the pair decision's file format (Lexicons/agreement-model.txt)
"""
import collections
import json
import math
import os
import sqlite3
import subprocess
import sys


def fresh(path):
    """Removes the database at path and its -wal and -shm files, those that exist."""
    for p in (path, path + "-wal", path + "-shm"):
        if os.path.exists(p):
            os.remove(p)


def sample_db(binary, shared, name, rel, out, tool):
    """The database OUT/NAME.db of the corpus SHARED/REL, imported with the binary again only when
    the binary is newer than it (the hand-check samples share them); `tool` names the caller in
    the error for a missing corpus."""
    src = os.path.join(shared, rel)
    db = os.path.join(out, name + ".db")
    if not os.path.exists(src):
        sys.exit(f"{tool}: {src} not found (is ../shared beside the project?)")
    if os.path.exists(db) and os.path.getmtime(db) >= os.path.getmtime(binary):
        return db
    fresh(db)
    print(f"importing {src} into {db} ...", file=sys.stderr)
    subprocess.run([binary, "import", "--quiet", "--db", db, src], check=True)
    return db


def labelled_pairs(shared, split):
    pairs = [json.loads(l) for l in open(os.path.join(shared, "eval", "mrpc", "pairs.jsonl"))]
    return [p for p in pairs if p["split"] == split]


def import_split(shared, binary, work, split):
    """Imports one split's sentences (score.py pairs-articles) into a fresh work/SPLIT.db, the corpus
    phase writing the features of every claim pair it compares to work/SPLIT.features.tsv. Returns
    {(doc a, doc b) sorted: [feature vectors, in the file's order]}, the feature names and the db."""
    mrpc = os.path.join(shared, "eval", "mrpc")
    arts = os.path.join(work, f"{split}.jsonl")
    db = os.path.join(work, f"{split}.db")
    feats = os.path.join(work, f"{split}.features.tsv")
    with open(arts, "w") as out:
        subprocess.run([sys.executable, os.path.join(shared, "eval", "score.py"), "pairs-articles",
                        os.path.join(mrpc, "pairs.jsonl"), os.path.join(mrpc, "articles.jsonl"), "--split", split],
                       stdout=out, check=True)
    fresh(db)
    if os.path.exists(feats):
        os.remove(feats)
    subprocess.run([binary, "import", "--quiet", "--db", db, arts], check=True,
                   env=dict(os.environ, NEWSKB_PAIR_FEATURES=feats))
    con = sqlite3.connect(db)
    doc_of = dict(con.execute("SELECT c.id, d.key FROM claims c JOIN documents d ON d.id = c.document_id"))
    con.close()
    by_pair = collections.defaultdict(list)
    with open(feats) as f:
        names = f.readline().rstrip("\n").split("\t")[2:]
        for line in f:
            a, b, *v = line.rstrip("\n").split("\t")
            by_pair[tuple(sorted((doc_of[int(a)], doc_of[int(b)])))].append([float(x) for x in v])
    return by_pair, names, db


def read_model(path):
    """{"threshold", "corpus_threshold", "bias": float, "features": {name: (mean, scale, weight)}}."""
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
