#!/usr/bin/env bash
# Regenerates README.md's schema section from the schema_docs of a fresh database, so the README,
# `newskb schema` and the database itself say the same thing. A test fails when they drift.
set -euo pipefail
BIN=${NEWSKB_BIN:-.build/debug/newskb}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'x\n' > "$tmp/x.txt"
"$BIN" import --quiet --db "$tmp/s.db" "$tmp/x.txt"
"$BIN" schema --db "$tmp/s.db" --format markdown > "$tmp/schema.md"
python3 - "$tmp/schema.md" <<'PY'
import re, sys
schema = open(sys.argv[1]).read()
readme = open("README.md").read()
begin, end = "<!-- schema:begin -->\n", "<!-- schema:end -->"
i, j = readme.index(begin) + len(begin), readme.index(end)
open("README.md", "w").write(readme[:i] + schema + readme[j:])
PY
echo "README.md schema section updated"
