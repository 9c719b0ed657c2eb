#!/usr/bin/env python3
"""make datasette-test: newskb's Datasette metadata against a real Datasette (0.65, from PyPI).

Imports seeds/ into a fresh database with the release binary, writes `newskb datasette-metadata`,
serves both with `datasette serve` on a free local port, and checks through Datasette itself:
  - /-/metadata.json: the database, every documented table and view and every column carry the
    description that schema_docs gives them;
  - the who_said page: every column header carries its description (data-column-description);
  - full-text search through the metadata's fts_table/fts_pk: who_said?_search=… finds statements;
  - /DB.json: the importer's own tables are hidden.
Prints one line per check and exits non-zero on the first failure.
Usage: datasette-check.py [--bin .build/release/newskb] [--datasette .venv-browser/bin/datasette]
"""
import argparse
import html
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read().decode("utf-8")


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        sys.exit(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "newskb"))
    ap.add_argument("--datasette", default=os.path.join(ROOT, ".venv-browser", "bin", "datasette"))
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="newskb-datasette-")
    db = os.path.join(work, "newskb.db")
    subprocess.run([args.bin, "import", "--quiet", "--db", db, os.path.join(ROOT, "seeds")], check=True)
    meta = os.path.join(work, "metadata.json")
    with open(meta, "w") as f:
        subprocess.run([args.bin, "datasette-metadata", "--db", db], check=True, stdout=f)
    port = free_port()
    server = subprocess.Popen([args.datasette, "serve", db, "--metadata", meta, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                get(base + "/-/versions.json")
                break
            except OSError:
                time.sleep(0.1)
        versions = json.loads(get(base + "/-/versions.json"))
        print(f"datasette {versions['datasette']['version']}, SQLite {versions['sqlite']['version']}")
        docs = sqlite3.connect(db).execute("SELECT object, column_name, doc FROM schema_docs").fetchall()

        served = json.loads(get(base + "/-/metadata.json"))
        tables = served["databases"]["newskb"]["tables"]
        check(bool(served["databases"]["newskb"].get("description")), "the database has a description")
        missing = [f"{o}.{c}" for o, c, d in docs
                   if (tables.get(o, {}).get("description") if not c else tables.get(o, {}).get("columns", {}).get(c)) != d]
        check(not missing, f"/-/metadata.json: all {len(docs)} schema_docs lines are descriptions"
              + (f" (missing: {missing[:5]})" if missing else ""))

        page = get(base + "/newskb/who_said")
        shown = {html.unescape(m.group(2)): html.unescape(m.group(1))
                 for m in re.finditer(r'data-column-description="([^"]*)"[^>]*data-column="([^"]*)"', page)}
        want = {c: d for o, c, d in docs if o == "who_said" and c}
        check(all(shown.get(c) == d for c, d in want.items()),
              f"who_said page: all {len(want)} column headers carry their description")

        found = json.loads(get(base + "/newskb/who_said.json?" + urllib.parse.urlencode({"_search": "Peskov", "_shape": "objects"})))
        check(len(found["rows"]) > 0 and all("Peskov" in (r["speaker"] or "") + r["quote"] for r in found["rows"]),
              f"who_said full-text search through the metadata: {len(found['rows'])} statements for Peskov")

        listing = json.loads(get(base + "/newskb.json"))
        hidden = {t["name"] for t in listing["tables"] if t["hidden"]}
        check({"schema_migrations", "corpus_pending", "deferred_indexes"} <= hidden,
              "the importer's tables are hidden: " + ", ".join(sorted(hidden)))
        check("who_said" not in hidden and "documents" not in hidden, "public tables and views are listed")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
