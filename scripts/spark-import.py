#!/usr/bin/env python3
"""spark-import.py: import a corpus on Apache Spark in shards, then merge them (#18).

Spreads the articles of the inputs (JSONL files, .txt and .md files, folders of them) over the
executors, grouped by publication week when the articles carry a date (a shard then holds whole
weeks: the corpus phase compares articles within two-week windows), runs `newskb import
--defer-corpus` on each partition to write one shard database to --shard-dir, then runs
`newskb merge` on the driver: stories, claim groups and disagreements are computed once, for the
merged store. The result holds what `newskb import` of the same inputs on one machine holds.

Every article keeps the key a plain import gives it (the JSONL "id", else FILE:LINE with FILE as
`newskb import` names it, or the file's path under the folder given), and a bad input is
reported with its own file and line.

On one machine:
  .venv-spark/bin/python scripts/spark-import.py --master 'local[2]' --db corpus.db \\
      --bin .build/release/newskb ../shared/corpora/reuters21578.jsonl

On a cluster (shards on storage every executor and the driver see, e.g. NFS or a mounted bucket):
  spark-submit --master yarn --files .build/release/newskb scripts/spark-import.py \\
      --bin newskb --shards 64 --shard-dir /mnt/shared/shards --db /mnt/shared/corpus.db \\
      /mnt/shared/articles/

Options: --shards N (default: Spark's default parallelism), --shard-dir DIR (default:
DB.shards/), --keep-shards, --date YYYY-MM-DD (publication date of undated articles, as `import
--date`), --timings FILE (JSON: seconds of the Spark stage and of the merge). Needs pyspark
(`make scale-test` installs a pinned one in .venv-spark) and Java 17.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
import zlib

EXTENSIONS = {".txt", ".md", ".jsonl"}
DATE_FIELD = re.compile(r'"(?:date|published)"\s*:\s*"([^"]{8,40})"')
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def day_number(y, m, d):
    """Days since 1970-01-01, as newskb's CivilDate counts them."""
    y2 = y - 1 if m <= 2 else y
    era = (y2 if y2 >= 0 else y2 - 399) // 400
    yoe = y2 - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def week_of(date):
    """The week (days since 1970 // 7) of a date as newskb reads it (leading YYYY-MM-DD, or
    D-MON-YYYY as newswire archives write it), or None."""
    if not isinstance(date, str):
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", date)
    if m:
        y, mo, d = map(int, m.groups())
    else:
        m = re.match(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})", date)
        if not m or m.group(2).lower() not in MONTHS:
            return None
        d, mo, y = int(m.group(1)), MONTHS.index(m.group(2).lower()) + 1, int(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return day_number(y, mo, d) // 7


def list_inputs(paths):
    """(path, key prefix) of every file to read, as `newskb import` walks its arguments: a file
    given is named by its file name, a file in a folder by its path under the folder; hidden
    names are skipped, folders are read in sorted order."""
    out, issues = [], []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p, followlinks=True):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f.startswith(".") or os.path.splitext(f)[1].lower() not in EXTENSIONS:
                        continue
                    full = os.path.join(root, f)
                    out.append((full, os.path.relpath(full, p)))
        elif os.path.isfile(p):
            out.append((p, os.path.basename(p)))
        else:
            issues.append(f"newskb: {p}: no such file or folder")
    return out, issues


BLOCK = 64 << 20


def ranges(path, block=BLOCK):
    """Line-aligned byte ranges of a JSONL file, about `block` bytes each, with the number of the
    first line of each: (start, end, first line). The driver counts the lines before each range
    (reading the file once, at the speed of bytes.count); the executors read the ranges."""
    size = os.path.getsize(path)
    if size <= block:
        return [(0, size, 1)]
    out, start, line = [], 0, 1
    with open(path, "rb") as f:
        while start < size:
            f.seek(start)
            data = f.read(block)
            end = start + len(data)
            if end < size:
                rest = f.readline()  # up to the end of the line the block cut
                data += rest
                end += len(rest)
            out.append((start, end, line))
            line += data.count(b"\n")
            start = end
    return out


def read_range(task):
    """Executor side: the records of one input range, each with its publication week."""
    kind, path, prefix = task[:3]
    if kind == "file":
        yield (None, ("file", path, prefix))
        return
    start, end, line_no = task[3:]
    with open(path, "rb") as f:
        f.seek(start)
        data = f.read(end - start)
    for raw in data.split(b"\n"):
        text = raw.decode("utf-8", errors="surrogateescape").rstrip("\r")
        if text.strip():
            # The date is only where the article goes (whole weeks per shard): read by a pattern,
            # not by parsing the line (newskb parses it, in the shard import).
            m = DATE_FIELD.search(text)
            yield (week_of(m.group(1)) if m else None, ("line", path, prefix, line_no, text))
        line_no += 1


def records(sc, inputs):
    """An RDD of (week or None, record): a record is ("line", file, key prefix, line number, raw
    line) for a JSONL line or ("file", path, key) for a text file."""
    tasks = []
    for path, prefix in inputs:
        if path.lower().endswith(".jsonl"):
            tasks += [("line", os.path.abspath(path), prefix, a, b, n) for a, b, n in ranges(path)]
        else:
            tasks.append(("file", os.path.abspath(path), prefix))
    if not tasks:
        return sc.parallelize([])
    return sc.parallelize(tasks, len(tasks)).flatMap(read_range)


def assign_weeks(week_counts, shards):
    """Contiguous runs of weeks, one per shard, of about equal article counts."""
    weeks = sorted(w for w in week_counts if w is not None)
    total = sum(week_counts[w] for w in weeks)
    out, shard, filled = {}, 0, 0
    for w in weeks:
        if filled >= total * (shard + 1) / shards and shard < shards - 1:
            shard += 1
        out[w] = shard
        filled += week_counts[w]
    return out


def record_key(rec):
    return rec[2] if rec[0] == "file" else f"{rec[2]}:{rec[3]}"


def run_shard(index, items, bin_name, shard_dir, date):
    """Executor side: writes the partition's articles to a temporary JSONL file and a folder of
    links, imports them into shard-INDEX.db with the corpus phase left to the merge, and yields
    (index, shard path, exit code, messages, articles)."""
    from pyspark import SparkFiles
    binary = bin_name
    try:
        shipped = SparkFiles.get(os.path.basename(bin_name))
        if os.path.exists(shipped):
            binary = shipped
    except Exception:
        pass
    if not os.access(binary, os.X_OK):
        os.chmod(binary, 0o755)
    recs = sorted((rec for _, rec in items), key=lambda r: (r[1], r[3] if r[0] == "line" else 0))
    work = tempfile.mkdtemp(prefix=f"newskb-shard-{index}-")
    shard = os.path.join(shard_dir, f"shard-{index:04d}.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(shard + suffix):
            os.remove(shard + suffix)
    try:
        lines_file = os.path.join(work, "articles.jsonl")
        origin = {}  # line of the temporary file -> the article's own FILE:LINE
        n = 0
        with open(lines_file, "w", encoding="utf-8", errors="surrogateescape") as out:
            for rec in recs:
                if rec[0] == "file":
                    link = os.path.join(work, "files", rec[2])
                    os.makedirs(os.path.dirname(link), exist_ok=True)
                    os.symlink(os.path.abspath(rec[1]), link)
                    n += 1
                    continue
                _, path, prefix, line_no, raw = rec
                if line_no == 1 and raw.startswith("\ufeff"):
                    raw = raw[1:]
                if not raw.strip():
                    continue  # blank lines are allowed between records
                try:
                    obj = json.loads(raw)
                except ValueError:
                    obj = None  # newskb reports it, with the line named below
                if isinstance(obj, dict) and obj.get("id") is None:
                    # The key a plain import gives a record without an id.
                    obj["id"] = f"{prefix}:{line_no}"
                    raw = json.dumps(obj, ensure_ascii=False)
                n += 1
                out.write(raw + "\n")
                origin[len(origin) + 1] = f"{path}:{line_no}"
        cmd = [binary, "import", "--quiet", "--defer-corpus", "--db", shard]
        if date:
            cmd += ["--date", date]
        if origin:
            cmd.append(lines_file)
        if os.path.isdir(os.path.join(work, "files")):
            cmd.append(os.path.join(work, "files"))
        messages = []
        rc = 0
        t0 = time.time()
        if origin or os.path.isdir(os.path.join(work, "files")):
            proc = subprocess.run(cmd, stderr=subprocess.PIPE, text=True)
            rc = proc.returncode
            prefix_tmp = lines_file + ":"
            for m in proc.stderr.splitlines():
                # Messages about the temporary file name the article's own file and line.
                body = m[len("newskb: "):] if m.startswith("newskb: ") else m
                if body.startswith(prefix_tmp):
                    num, _, rest = body[len(prefix_tmp):].partition(":")
                    if num.isdigit() and int(num) in origin:
                        body = origin[int(num)] + ":" + rest
                messages.append("newskb: " + body.replace(os.path.join(work, "files") + "/", ""))
        yield (index, shard if rc in (0, 1) else None, rc, messages, n, time.time() - t0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--db", required=True)
    ap.add_argument("--bin", default=".build/release/newskb")
    ap.add_argument("--master")
    ap.add_argument("--shards", type=int)
    ap.add_argument("--shard-dir")
    ap.add_argument("--keep-shards", action="store_true")
    ap.add_argument("--date")
    ap.add_argument("--timings")
    a = ap.parse_args()

    t0 = time.time()
    from pyspark.sql import SparkSession
    builder = (SparkSession.builder.appName("newskb-import")
               .config("spark.ui.showConsoleProgress", "false").config("spark.ui.enabled", "false"))
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    shards = a.shards or sc.defaultParallelism
    shard_dir = os.path.abspath(a.shard_dir or a.db + ".shards")
    os.makedirs(shard_dir, exist_ok=True)
    if os.path.exists(a.bin):
        sc.addFile(os.path.abspath(a.bin))
    t_start = time.time()

    inputs, issues = list_inputs(a.paths)
    for m in issues:
        print(m, file=sys.stderr)
    recs = records(sc, inputs)
    week_counts = dict(recs.map(lambda r: r[0]).countByValue())
    t_weeks = time.time()
    week_shard = sc.broadcast(assign_weeks(week_counts, shards))

    def shard_of(pair):
        week, rec = pair
        if week is not None:
            return week_shard.value[week]
        return zlib.crc32(record_key(rec).encode("utf-8")) % shards

    bin_name, date = a.bin, a.date
    imports = (recs.map(lambda r: (shard_of(r), r))
               .partitionBy(shards, lambda k: k)
               .map(lambda kv: kv[1])
               .mapPartitionsWithIndex(lambda i, it: run_shard(i, it, bin_name, shard_dir, date)))

    # One Spark job per shard, submitted together from driver threads (the shuffle that groups
    # the articles by shard runs once; the scheduler runs as many shard imports at a time as
    # there are executor slots). Each shard is merged as soon as its import returns, with the
    # corpus phase left for the end, so that merging overlaps the imports still running;
    # merges are one at a time (one writer per store).
    lock = threading.Lock()
    failed = [bool(issues)]
    merged, merge_seconds = [], [0.0]

    def merge(args, path_list):
        t = time.time()
        proc = subprocess.run([a.bin, "merge", "--quiet", "--db", a.db] + args + path_list, stderr=subprocess.PIPE, text=True)
        sys.stderr.write(proc.stderr)
        merge_seconds[0] += time.time() - t
        if proc.returncode != 0:
            failed[0] = True
        return proc.returncode == 0

    def one(i):
        (index, path, rc, messages, n, seconds), = sc.runJob(imports, lambda it: list(it), [i])
        with lock:
            for m in messages:
                print(m, file=sys.stderr)
            if path is None:
                print(f"newskb: shard {index} failed (exit code {rc}); its articles were not imported", file=sys.stderr)
                failed[0] = True
            elif n > 0 and merge(["--defer-corpus"], [path]):
                merged.append(path)
            failed[0] |= rc != 0
        return (index, path, rc, messages, n, seconds)

    with ThreadPoolExecutor(max_workers=shards) as pool:
        results = list(pool.map(one, range(shards)))
    spark_seconds = time.time() - t_start
    spark.stop()
    # The corpus phase, once, for everything merged (a merge with no shard runs what is owed).
    t_last = time.time()
    merge([], [])
    last_seconds = time.time() - t_last
    if not a.keep_shards and not failed[0]:
        shutil.rmtree(shard_dir, ignore_errors=True)
    total = time.time() - t0
    print(f"spark-import: {len(merged)} shards imported and merged in {spark_seconds:.1f} s "
          f"(merging {merge_seconds[0] - last_seconds:.1f} s of it), corpus phase {last_seconds:.1f} s; "
          f"{total:.1f} s in all (Spark started in {t_start - t0:.1f} s)", file=sys.stderr)
    if a.timings:
        with open(a.timings, "w") as f:
            json.dump({"seconds": round(total, 3), "spark_start": round(t_start - t0, 3),
                       "shards_and_merges": round(spark_seconds, 3),
                       "merges": round(merge_seconds[0] - last_seconds, 3),
                       "corpus_phase": round(last_seconds, 3),
                       "weeks": round(t_weeks - t_start, 3),
                       "shard_imports": [round(r[5], 3) for r in sorted(results)],
                       "shard_count": len(merged)}, f, sort_keys=True)
    return 1 if failed[0] else 0


if __name__ == "__main__":
    sys.exit(main())
