#!/usr/bin/env python3
"""Tests of scripts/spark-import.py's planning, without Spark (run by `make test`; standard library).

- Byte ranges cut a JSONL file at line ends, and reading every range gives every non-blank line
  once, numbered as `newskb import` numbers it (1-based, blank lines counted).
- Publication weeks: an ISO date and the newswire form (26-FEB-1987) of one day give one week; what
  newskb does not read as a date gives none.
- Shards are contiguous runs of weeks, of about equal sizes counting what each holds already.
- The spool tasks and the shard gathering (what the Spark pipe tasks run) give every non-blank
  line once, with its own line number and key prefix, and every text file once with its key; a
  shard task (`python3 -c SOURCE --task`, with a stand-in for newskb) names a bad line by its own
  file and line.
"""
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("spark_import", os.path.join(HERE, "spark-import.py"))
si = importlib.util.module_from_spec(spec)
spec.loader.exec_module(si)


class RangesTest(unittest.TestCase):
    def test_every_line_once_with_its_number(self):
        rng = random.Random(7)
        lines = []
        for i in range(400):
            kind = rng.random()
            if kind < 0.1:
                lines.append("")  # blank lines count in the numbering
            else:
                lines.append('{"id": "a%d", "text": "%s"}' % (i, "word " * rng.randint(0, 40)))
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, newline="") as f:
            for i, l in enumerate(lines):
                f.write(l + ("\r\n" if i % 7 == 0 else "\n"))
            path = f.name
        try:
            for block in (64, 97, 1000, 1 << 20):
                got = []
                for start, end, first in si.ranges(path, block=block):
                    for _, rec in si.read_range(("line", path, "x.jsonl", start, end, first)):
                        got.append((rec[3], rec[4]))
                want = [(i + 1, l) for i, l in enumerate(lines) if l.strip()]
                self.assertEqual(got, want, f"block {block}")
        finally:
            os.remove(path)


class WeeksTest(unittest.TestCase):
    def test_one_day_in_both_forms_is_one_week(self):
        self.assertEqual(si.week_of("1987-02-26"), si.week_of("26-FEB-1987 15:01:01.79"))
        self.assertEqual(si.week_of("2023-09-13T10:00:00Z"), si.day_number(2023, 9, 13) // 7)
        self.assertEqual(si.day_number(1970, 1, 1), 0)
        self.assertEqual(si.day_number(2000, 3, 1) - si.day_number(2000, 2, 28), 2)  # a leap year
        for bad in (None, "", "yesterday", "2023-13-01", "31-XYZ-1987", 20230913):
            self.assertIsNone(si.week_of(bad), bad)

    def test_the_date_field_is_found_in_a_line(self):
        m = si.DATE_FIELD.search('{"id": "r1", "date": "26-FEB-1987 15:01:01.79", "text": "x"}')
        self.assertEqual(m.group(1), "26-FEB-1987 15:01:01.79")
        m = si.DATE_FIELD.search('{"published": "2023-09-13", "text": "x"}')
        self.assertEqual(m.group(1), "2023-09-13")


class ShardsTest(unittest.TestCase):
    def test_contiguous_runs_of_weeks_of_about_equal_size(self):
        counts = {w: 10 + (w * 37) % 90 for w in range(100, 160)}
        shard_of = si.assign_weeks(counts, 4)
        order = [shard_of[w] for w in sorted(counts)]
        self.assertEqual(order, sorted(order))  # contiguous, in week order
        self.assertEqual(set(order), {0, 1, 2, 3})
        sizes = [sum(c for w, c in counts.items() if shard_of[w] == k) for k in range(4)]
        self.assertLess(max(sizes) - min(sizes), 2 * max(counts.values()))

    def test_what_a_shard_holds_already_counts(self):
        counts = {w: 10 for w in range(100, 140)}  # 400 in all
        base = [200, 0, 0, 0]  # shard 0 already holds 200 undated
        shard_of = si.assign_weeks(counts, 4, base)
        sizes = [base[k] + sum(c for w, c in counts.items() if shard_of[w] == k) for k in range(4)]
        self.assertEqual([shard_of[w] for w in sorted(counts)], sorted(shard_of[w] for w in counts))
        # Shard 0 holds more than its share already: no week; the others share the weeks evenly.
        self.assertEqual(sizes[0], 200, sizes)
        self.assertLessEqual(max(sizes[1:]) - min(sizes[1:]), 10, sizes)


def sample_lines(rng, n):
    """JSONL lines: blank ones, dated ones (ISO and newswire forms), undated ones, with and without
    ids, a malformed one, non-ASCII text and a byte that is not UTF-8."""
    lines = []
    for i in range(n):
        kind = rng.random()
        if kind < 0.1:
            lines.append(b"")
        elif kind < 0.15:
            lines.append(b"{broken line %d" % i)
        else:
            rec = {"text": "word \u00e9t\u00e9 " * rng.randint(0, 30)}
            if rng.random() < 0.5:
                rec["id"] = f"a{i}"
            if rng.random() < 0.7:
                rec["date"] = rng.choice(["1987-0%d-1%d" % (rng.randint(1, 9), rng.randint(0, 9)),
                                          "%d-MAR-1987 10:00:00.00" % rng.randint(1, 28)])
            line = json.dumps(rec, ensure_ascii=False).encode("utf-8")
            if rng.random() < 0.05:
                line = line[:-1] + b' "x\xff"}'  # not UTF-8: kept byte for byte
            lines.append(line)
    return lines


class SpoolTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)

    def corpus(self):
        rng = random.Random(11)
        self.lines = sample_lines(rng, 300)
        os.makedirs(os.path.join(self.dir, "in", "sub"))
        self.jsonl = os.path.join(self.dir, "in", "sub", "a.jsonl")
        with open(self.jsonl, "wb") as f:
            for i, l in enumerate(self.lines):
                f.write(l + (b"\r\n" if i % 5 == 0 else b"\n"))
        for k in range(7):
            with open(os.path.join(self.dir, "in", f"t{k}.txt"), "w") as f:
                f.write(f"Headline {k}\n\nBody {k}.\n")
        inputs, issues = si.list_inputs([os.path.join(self.dir, "in")])
        self.assertEqual(issues, [])
        return inputs

    def want(self):
        lines = [(self.jsonl, "sub/a.jsonl", i + 1, l.decode("utf-8", errors="surrogateescape").rstrip("\r"))
                 for i, l in enumerate(self.lines) if l.strip()]
        files = [(os.path.join(self.dir, "in", f"t{k}.txt"), f"t{k}.txt") for k in range(7)]
        return lines, files

    def test_every_line_once_with_its_number_and_key(self):
        inputs = self.corpus()
        spool = os.path.join(self.dir, "spool")
        shards = 3
        old = si.FILES_PER_TASK
        si.FILES_PER_TASK = 3  # several batches of text files
        try:
            tasks = si.spool_tasks(inputs, spool, shards, block=500)
        finally:
            si.FILES_PER_TASK = old
        self.assertGreater(len(tasks), 5)
        out = []
        for t in tasks:
            out += si.spool_task(json.loads(json.dumps(t)))  # as the task reads it
        shard_files, messages = si.plan_shards(out, spool, shards)
        self.assertEqual(messages, [])
        got_lines, got_files, weeks_of_shard = [], [], []
        for k, files in enumerate(shard_files):
            recs = si.gather(files)
            self.assertEqual(recs, sorted(recs, key=lambda r: (r[1], r[3] if r[0] == "line" else 0)))
            weeks = set()
            for r in recs:
                if r[0] == "file":
                    got_files.append((r[1], r[2]))
                    self.assertEqual(zlib.crc32(r[2].encode()) % shards, k)
                    continue
                got_lines.append(tuple(r[1:]))
                m = si.DATE_FIELD.search(r[4])
                w = si.week_of(m.group(1)) if m else None
                if w is None:
                    self.assertEqual(zlib.crc32(f"{r[2]}:{r[3]}".encode()) % shards, k)
                else:
                    weeks.add(w)
            weeks_of_shard.append(weeks)
        want_lines, want_files = self.want()
        self.assertEqual(sorted(got_lines), want_lines)
        self.assertEqual(sorted(got_files), want_files)
        # Whole weeks, contiguous runs: a week in one shard only, shards in week order.
        spans = [(min(w), max(w)) for w in weeks_of_shard if w]
        for (_, hi), (lo, _) in zip(spans, spans[1:]):
            self.assertLess(hi, lo)

    def test_the_task_command_names_bad_lines_by_their_own_line(self):
        inputs = self.corpus()
        spool = os.path.join(self.dir, "spool")
        with open(si.__file__, encoding="utf-8") as f:
            source = f.read()
        command = [sys.executable, "-c", source, "--task"]
        tasks = si.spool_tasks(inputs, spool, 1, block=700)
        run = subprocess.run(command, input="".join(json.dumps(t) + "\n" for t in tasks),
                             capture_output=True, text=True, cwd=self.dir)
        self.assertEqual(run.returncode, 0, run.stderr)
        (files,), messages = si.plan_shards(run.stdout.splitlines(), spool, 1)
        self.assertEqual(messages, [])
        # A stand-in for newskb: keeps what it was given, names line 2 of its JSONL file as bad.
        fake = os.path.join(self.dir, "fake-newskb")
        with open(fake, "w") as f:
            f.write('#!/bin/sh\nfor a; do case "$a" in *.jsonl) cp "$a" "%s/got.jsonl"; '
                    'echo "newskb: $a:2: malformed JSON" >&2;; esac; done\n'
                    'ls "$(eval echo \\${$#})" > "%s/got-files"\nexit 1\n' % (self.dir, self.dir))
        os.chmod(fake, 0o755)
        element = {"op": "shard", "index": 0, "files": files, "bin": fake, "shipped": None,
                   "shard_dir": self.dir, "date": None}
        run = subprocess.run(command, input=json.dumps(element) + "\n", capture_output=True, text=True, cwd=self.dir)
        self.assertEqual(run.returncode, 0, run.stderr)
        result = json.loads(run.stdout)
        want_lines, want_files = self.want()
        self.assertEqual(result["rc"], 1)
        self.assertEqual(result["n"], len(want_lines) + len(want_files))
        self.assertEqual(result["messages"], [f"newskb: {self.jsonl}:{want_lines[1][2]}: malformed JSON"])
        with open(os.path.join(self.dir, "got.jsonl"), encoding="utf-8", errors="surrogateescape") as f:
            got = f.read().split("\n")[:-1]
        self.assertEqual(len(got), len(want_lines))
        for g, (_, prefix, n, raw) in zip(got, want_lines):
            try:
                obj = json.loads(raw)
            except ValueError:
                self.assertEqual(g, raw)
                continue
            self.assertEqual(json.loads(g)["id"], obj.get("id") or f"{prefix}:{n}")
        with open(os.path.join(self.dir, "got-files")) as f:
            self.assertEqual(sorted(f.read().split()), [k for _, k in want_files])


if __name__ == "__main__":
    sys.exit(unittest.main())
