#!/usr/bin/env python3
"""Tests of scripts/spark-import.py's planning, without Spark (run by `make test`; standard library).

- Byte ranges cut a JSONL file at line ends, and reading every range gives every non-blank line
  once, numbered as `newskb import` numbers it (1-based, blank lines counted).
- Publication weeks: an ISO date and the newswire form (26-FEB-1987) of one day give one week; what
  newskb does not read as a date gives none.
- Shards are contiguous runs of weeks.
"""
import importlib.util
import os
import random
import sys
import tempfile
import unittest

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


if __name__ == "__main__":
    sys.exit(unittest.main())
