#!/usr/bin/env python3
"""spark-import.py: import a corpus on Apache Spark in shards, then merge them (#18).

Spreads the articles of the inputs (JSONL files, .txt and .md files, folders of them) over the
executors, grouped by publication week when the articles carry a date (a shard then holds whole
weeks: the corpus phase compares articles within two-week windows), runs `newskb import
--defer-corpus` on each shard to write one shard database to --shard-dir, then runs `newskb merge`
on the driver: stories, claim groups and disagreements are computed once, for the merged store.
The result holds what `newskb import` of the same inputs on one machine holds.

Every article keeps the key a plain import gives it (the JSONL "id", else FILE:LINE with FILE as
`newskb import` names it, or the file's path under the folder given), and a bad input is
reported with its own file and line.

How: two Spark jobs of `pipe` tasks whose command is `python3 -c SOURCE --task`, SOURCE being this
file's text (so an executor needs python3, not pyspark nor a copy of the script). The spool job
reads the inputs (line-aligned byte ranges of JSONL files, batches of text files) and writes each
article to SHARD_DIR/spool/BUCKET/TASK.jsonl, BUCKET being its publication week or, undated, a
hash of its key; the driver assigns whole weeks to shards from the bytes the tasks print; the
shard jobs (one per shard, submitted at once) gather a shard's spool files and import them. The
shuffle goes through the shard folder, which must be shared storage anyway.

On one machine:
  .venv-spark/bin/python scripts/spark-import.py --master 'local[2]' --db corpus.db \\
      --bin .build/release/newskb ../shared/corpora/reuters21578.jsonl

On a cluster (shards on storage every executor and the driver see, e.g. NFS or a mounted bucket):
  spark-submit --master yarn --files .build/release/newskb scripts/spark-import.py \\
      --bin newskb --shards 64 --shard-dir /mnt/shared/shards --db /mnt/shared/corpus.db \\
      /mnt/shared/articles/

Options: --shards N (default: Spark's default parallelism), --shard-dir DIR (default:
DB.shards/), --keep-shards, --date YYYY-MM-DD (publication date of undated articles, as `import
--date`), --timings FILE (JSON: seconds of the Spark stages and of the merge). Needs pyspark on
the driver (`make scale-test` installs a pinned one in .venv-spark), Java 17, and python3 on the
executors (PYSPARK_PYTHON names another).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib

EXTENSIONS = {".txt", ".md", ".jsonl"}
DATE_FIELD = re.compile(r'"(?:date|published)"\s*:\s*"([^"]{8,40})"')
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
FILES_PER_TASK = 1000  # text files per spool task


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
    """Executor side: the records of one input range, each with its publication week: (week or
    None, record), a record being ("line", file, key prefix, line number, raw line) for a JSONL
    line or ("file", path, key) for a text file."""
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


def spool_tasks(inputs, spool_dir, shards, block=BLOCK):
    """The elements of the spool job, one per read task: a byte range of a JSONL file with the
    number of its first line, or a batch of text files."""
    tasks, files = [], []
    for path, prefix in inputs:
        if path.lower().endswith(".jsonl"):
            for a, b, n in ranges(path, block):
                tasks.append({"kind": "line", "path": os.path.abspath(path), "prefix": prefix,
                              "start": a, "end": b, "first": n})
        else:
            files.append((os.path.abspath(path), prefix))
    for i in range(0, len(files), FILES_PER_TASK):
        tasks.append({"kind": "file", "files": files[i:i + FILES_PER_TASK]})
    for i, t in enumerate(tasks):
        t.update(op="spool", task=i, spool=spool_dir, shards=shards)
    return tasks


def assign_weeks(week_counts, shards, base=None):
    """Contiguous runs of weeks, one per shard, of about equal sizes (articles, or bytes of them),
    counting what each shard holds already (`base[k]`: its undated articles)."""
    weeks = sorted(w for w in week_counts if w is not None)
    base = base or [0] * shards
    total = sum(week_counts[w] for w in weeks)
    # The level every shard is filled to (water-filling): shards holding more than it get no week.
    lo, hi = 0.0, float(max(base) + total)
    for _ in range(60):
        level = (lo + hi) / 2
        lo, hi = (level, hi) if sum(max(0.0, level - b) for b in base) < total else (lo, level)
    room = [max(0.0, hi - b) for b in base]
    out, shard, filled = {}, 0, 0
    for w in weeks:
        # A shard is full when the weeks so far fill the room of the shards up to it.
        while shard < shards - 1 and filled >= sum(room[:shard + 1]):
            shard += 1
        out[w] = shard
        filled += week_counts[w]
    return out


def record_key(rec):
    return rec[2] if rec[0] == "file" else f"{rec[2]}:{rec[3]}"


def bucket_of(week, rec, shards):
    """The spool bucket of a record: its week, or for an undated one the shard its key hashes to."""
    if week is not None:
        return f"week-{week}"
    return f"undated-{zlib.crc32(record_key(rec).encode('utf-8', 'surrogateescape')) % shards}"


def spool_task(task):
    """Executor side: writes the records of one read task to SPOOL/BUCKET/TASK.jsonl (one JSON
    record a line) and returns the lines it prints: "BUCKET<TAB>TASK<TAB>BYTES" for each bucket
    written (BYTES: of the articles' lines, or of the text files), "!<TAB>MESSAGE" for an input it
    could not read."""
    out, buckets = [], {}
    if task["kind"] == "file":
        items = [(None, ("file", p, k)) for p, k in task["files"]]
    else:
        try:
            items = list(read_range(("line", task["path"], task["prefix"],
                                     task["start"], task["end"], task["first"])))
        except OSError as e:
            return [f"!\tnewskb: {task['path']}: {e.strerror or e}"]
    size = {}
    for week, rec in items:
        bucket = bucket_of(week, rec, task["shards"])
        buckets.setdefault(bucket, []).append(json.dumps(rec, ensure_ascii=False))
        try:
            n = os.path.getsize(rec[1]) if rec[0] == "file" else len(rec[4].encode("utf-8", "surrogateescape"))
        except OSError:
            n = 0  # the shard's import reports the file
        size[bucket] = size.get(bucket, 0) + n
    for bucket, recs in sorted(buckets.items()):
        folder = os.path.join(task["spool"], bucket)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"{task['task']}.jsonl")
        tmp = f"{path}.{os.getpid()}.tmp"  # a retried task replaces the file whole
        with open(tmp, "w", encoding="utf-8", errors="surrogateescape", newline="\n") as f:
            f.write("\n".join(recs) + "\n")
        os.replace(tmp, path)
        out.append(f"{bucket}\t{task['task']}\t{size[bucket]}")
    return out


def plan_shards(lines, spool_dir, shards):
    """Driver side: the spool files of each shard, from the lines the spool tasks printed (undated
    bucket k is shard k's; whole weeks to shards by assign_weeks on the bytes of their articles, the
    work of an import, counting the undated ones), and the messages of the inputs that could not be
    read."""
    week_bytes, bucket_files, messages = {}, {}, []
    base = [0] * shards
    for line in lines:
        fields = line.split("\t")
        if fields[0] == "!" or len(fields) != 3:
            messages.append(fields[-1])
            continue
        bucket, task, size = fields
        bucket_files.setdefault(bucket, []).append(os.path.join(spool_dir, bucket, f"{task}.jsonl"))
        kind, _, n = bucket.partition("-")
        if kind == "week":
            week_bytes[int(n)] = week_bytes.get(int(n), 0) + int(size)
        else:
            base[int(n)] += int(size)
    week_shard = assign_weeks(week_bytes, shards, base)
    shard_files = [[] for _ in range(shards)]
    for bucket, files in bucket_files.items():
        kind, _, n = bucket.partition("-")
        shard_files[week_shard[int(n)] if kind == "week" else int(n)] += files
    return [sorted(f) for f in shard_files], messages


def gather(files):
    """Executor side: the records of a shard's spool files, in the order the shard imports them
    (by file, then line)."""
    recs = []
    for path in sorted(files):
        with open(path, "rb") as f:
            data = f.read()
        for line in data.split(b"\n"):
            if line:
                recs.append(json.loads(line.decode("utf-8", errors="surrogateescape")))
    recs.sort(key=lambda r: (r[1], r[3] if r[0] == "line" else 0))
    return recs


def run_shard(index, recs, binary, shard_dir, date):
    """Executor side: writes a shard's articles to a temporary JSONL file and a folder of links,
    imports them into shard-INDEX.db with the corpus phase left to the merge, and returns
    (index, shard path, exit code, messages, articles, seconds)."""
    if not os.access(binary, os.X_OK) and os.path.isfile(binary):
        os.chmod(binary, 0o755)
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
            # stdout is the task's answer to Spark: the import's own goes to stderr.
            proc = subprocess.run(cmd, stdout=sys.stderr, stderr=subprocess.PIPE,
                                  encoding="utf-8", errors="replace")
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
        return (index, shard if rc in (0, 1) else None, rc, messages, n, time.time() - t0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def shard_task(task):
    """Executor side: one shard's import, from its spool files; returns the JSON line it prints."""
    index = task["index"]
    try:
        # The binary shipped to the executor's working folder (spark-submit --files, addFile on a
        # cluster), else the path given (local mode).
        binary = task["bin"]
        shipped = task.get("shipped")
        if shipped and os.path.isfile(os.path.join(".", shipped)):
            binary = os.path.abspath(shipped)
        result = run_shard(index, gather(task["files"]), binary, task["shard_dir"], task.get("date"))
    except Exception as e:  # reported by the driver: a task that fails would print this source
        result = (index, None, -1, [f"newskb: shard {index}: {type(e).__name__}: {e}"], 0, 0.0)
    return json.dumps(dict(zip(("index", "shard", "rc", "messages", "n", "seconds"), result)))


def task_main():
    """`python3 -c SOURCE --task`: the command of the Spark pipe tasks. Reads the task elements
    (one JSON object a line) on stdin, prints the answers on stdout; always exits 0 (a failing
    command would make Spark fail the job with this source in its message)."""
    out = []
    for line in sys.stdin.buffer.read().decode("utf-8", errors="surrogateescape").split("\n"):
        if not line.strip():
            continue
        try:
            task = json.loads(line)
            if task["op"] == "spool":
                out += spool_task(task)
            else:
                out.append(shard_task(task))
        except Exception as e:
            out.append(f"!\tnewskb: a Spark task failed: {type(e).__name__}: {e}")
    # ASCII whatever the executor's locale and the JVM's charset.
    sys.stdout.buffer.write("".join(l + "\n" for l in out).encode("ascii", errors="backslashreplace"))
    return 0


def task_command(sc):
    """The command of the pipe tasks: python3 running this file's source, given as an argument."""
    with open(__file__, encoding="utf-8") as f:
        source = f.read()
    if len(source.encode("utf-8")) > 100_000 or "\0" in source:
        # Linux limits one argument to 128 KiB.
        sys.exit("spark-import: the script is too large to be passed to python3 -c")
    python = os.environ.get("PYSPARK_PYTHON") or (sys.executable if sc.master.startswith("local") else "python3")
    return [python, "-c", source, "--task"]


def pipe(sc, elements, command):
    """The output lines of `command` run by Spark on the elements, one partition (task) each,
    without a Python worker: a JVM RDD of strings, piped."""
    from py4j.java_collections import ListConverter
    client = sc._gateway._gateway_client
    rdd = sc._jsc.parallelize(ListConverter().convert([json.dumps(e) for e in elements], client), len(elements))
    return list(rdd.pipe(ListConverter().convert(command, client)).collect())


def spark_error(e):
    """The first line of a Spark job's failure, without the task's command (this whole file)."""
    text = str(getattr(e, "java_exception", None) or e)
    return text.split("Command ran:")[0].splitlines()[0][:500] if text else type(e).__name__


def main():
    import argparse
    import threading
    from concurrent.futures import ThreadPoolExecutor
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
    spool_dir = os.path.join(shard_dir, "spool")
    shutil.rmtree(spool_dir, ignore_errors=True)  # left by a run that was stopped
    os.makedirs(shard_dir, exist_ok=True)
    local = sc.master.startswith("local")
    if os.path.exists(a.bin):
        sc.addFile(os.path.abspath(a.bin))
    # In local mode the tasks run where the driver does: the binary is the one given. On a
    # cluster, the copy shipped to the executor's working folder when there is one.
    task_bin = os.path.abspath(a.bin) if local and os.path.exists(a.bin) else a.bin
    shipped = None if local else os.path.basename(a.bin)
    command = task_command(sc)
    t_start = time.time()

    inputs, issues = list_inputs(a.paths)
    for m in issues:
        print(m, file=sys.stderr)
    failed = [bool(issues)]

    # 1. The spool job: every article written to its bucket (week, or undated by key hash), then
    # 2. whole weeks assigned to shards from the bytes each task wrote to each week.
    tasks = spool_tasks(inputs, spool_dir, shards)
    try:
        lines = pipe(sc, tasks, command) if tasks else []
    except Exception as e:
        print(f"spark-import: the spool job failed: {spark_error(e)}", file=sys.stderr)
        spark.stop()
        shutil.rmtree(spool_dir, ignore_errors=True)
        return 1
    shard_files, messages = plan_shards(lines, spool_dir, shards)
    for m in messages:
        print(m, file=sys.stderr)
        failed[0] = True
    t_spool = time.time()

    # 3. One Spark job per shard, submitted together from driver threads (the scheduler runs as
    # many shard imports at a time as there are executor slots). Each shard is merged as soon as
    # its import returns, with the corpus phase left for the end, so that merging overlaps the
    # imports still running; merges are one at a time (one writer per store).
    lock = threading.Lock()
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
        if not shard_files[i]:
            return (i, None, 0, [], 0, 0.0)
        element = {"op": "shard", "index": i, "files": shard_files[i], "bin": task_bin,
                   "shipped": shipped, "shard_dir": shard_dir, "date": a.date}
        try:
            out = pipe(sc, [element], command)
            results = [json.loads(l) for l in out if l.startswith("{")]
            r = results[0] if results else {"index": i, "shard": None, "rc": -1, "n": 0, "seconds": 0.0,
                                            "messages": [l.split("\t")[-1] for l in out]}
        except Exception as e:
            r = {"index": i, "shard": None, "rc": -1, "n": 0, "seconds": 0.0,
                 "messages": [f"spark-import: the job of shard {i} failed: {spark_error(e)}"]}
        index, path, rc, messages, n, seconds = (r[k] for k in ("index", "shard", "rc", "messages", "n", "seconds"))
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
    shutil.rmtree(spool_dir, ignore_errors=True)
    # The corpus phase, once, for everything merged (a merge with no shard runs what is owed),
    # while Spark stops.
    before = merge_seconds[0]
    last = threading.Thread(target=merge, args=([], []))
    last.start()
    spark.stop()
    last.join()
    last_seconds = merge_seconds[0] - before
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
                       "spool": round(t_spool - t_start, 3),
                       "shard_imports": [round(r[5], 3) for r in sorted(results)],
                       "shard_count": len(merged)}, f, sort_keys=True)
    return 1 if failed[0] else 0


if __name__ == "__main__":
    sys.exit(task_main() if sys.argv[1:] == ["--task"] else main())
