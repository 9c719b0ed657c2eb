#!/usr/bin/env python3
"""Generate a large synthetic news corpus for the scale benchmark (make bench-large).

    python3 scripts/generate-corpus.py N [--seed S] [--out FILE] [--corpora DIR]

Writes N JSONL articles ({"id", "title", "outlet", "published", "text"}, like the input corpora)
made by recombining sentences, person names and numbers read AT RUN TIME from DIR/*.jsonl
(default ../shared/corpora); no corpus text lives in the repository.

The shape follows what newskb is for: news EVENTS covered by several outlets. Each event gets
2-6 articles (a few single-article events too), a date (2000-2025; articles within 0-2 days of it),
a cast of invented people (real first names x real surnames, Zipf-distributed so some speakers
recur across thousands of events and most are rare), a handful of "core" sentences taken from one
real article with the event's names and numbers filled in, and one or two quotations by its main
speaker. Each article of the event carries:
  - core sentences verbatim (shared word for word with its sister articles), or with one number
    changed (a numeric disagreement), or with its clauses reordered (a paraphrase);
  - the event's quotation(s), as direct quotes or reported speech, attributed to the same speaker;
  - filler sentences from other real articles, with names and numbers swapped and some spliced
    from two sentences at a comma, up to a length drawn from the real articles' lengths.
Outlets come from a weighted pool; ids are gen-SEED-NNNNNNN.

Deterministic for a given seed and corpora. Streaming: only the sentence pools (tens of MB) and a
set of 8-byte body digests (about 60 MB at 1,000,000 articles, so that no two bodies are equal and
the importer's content hash never merges two articles) stay in memory.
"""
import argparse
import bisect
import glob
import hashlib
import json
import os
import random
import re
import sys
import time

SENTENCE_END = re.compile(r'(?<=[.!?])["\u201d\']?\s+(?=["\u201c]?[A-Z])')
NAME_BEFORE_SAID = re.compile(r'\b([A-Z][a-z]{2,12}) ([A-Z][a-z]{2,14}) (?:said|says|told|added)\b')
NAME_AFTER_SAID = re.compile(r'\b(?:said|says) ([A-Z][a-z]{2,12}) ([A-Z][a-z]{2,14})\b')
TWO_CAPS = re.compile(r'(?<!^)(?<![.!?] )\b([A-Z][a-z]{2,12}) ([A-Z][a-z]{2,14})\b')
NUMBER = re.compile(r'(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w])')
AFTER_THE = re.compile(r'\b[Tt]he ([A-Z][a-z]+)\b')
TITLED = re.compile(r'\b(?:Mr|Mrs|Ms|Dr|Secretary|Minister|Senator|Governor|spokesman|spokeswoman)\.? ([A-Z][a-z]{2,14})\b')
SPEECH = re.compile(r'\b(?:said|says|told|added|according)\b')
NAME_MARK, NUM_MARK = "\x01", "\x02"
FILL = re.compile("[\x01\x02]")
STOP_CAPS = {"The", "This", "That", "These", "Those", "But", "And", "For", "With", "His", "Her", "Its",
             "Their", "Our", "New", "North", "South", "East", "West", "United", "First", "Last",
             "Sir", "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Sheikh", "Lord", "Lady", "President", "Time"}
MONTH_BEFORE = re.compile(r'(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? $')

# Outlets: a weighted pool (a few large ones, a long tail), invented names.
OUTLET_HEADS = ["Daily", "Evening", "Morning", "National", "Global", "Metro", "Capital", "Northern",
                "Southern", "Coastal", "Valley", "City", "Weekly", "Continental", "Harbour", "Union"]
OUTLET_TAILS = ["Herald", "Courier", "Ledger", "Tribune", "Gazette", "Observer", "Chronicle", "Post",
                "Times", "Dispatch", "Review", "Wire", "Record", "Monitor", "Bulletin", "Standard"]
ROLES = ["a spokesman for the ministry", "a spokeswoman for the company", "the company's chief executive",
         "an analyst at the bank", "the finance minister", "the group's chairman", "a senior official",
         "the mayor", "a union leader", "the trade minister", "the central bank governor",
         "an economist at the institute", "the party leader", "the defence secretary", "a police spokesman"]
UNNAMED = ["a senior official said", "officials said", "a government spokesman said", "analysts said",
           "a source close to the talks said", "diplomats said", "traders said", "a company spokesman said"]
INDIRECT_CUES = ["said", "told reporters", "said on Monday", "said on Tuesday", "said on Wednesday",
                 "said on Thursday", "said on Friday", "told a news conference", "said in a statement"]


def split_sentences(text):
    out = []
    for para in text.split("\n"):
        para = " ".join(para.split())
        if para:
            out.extend(s.strip() for s in SENTENCE_END.split(para) if s.strip())
    return out


def load(corpora_dir):
    """Sentence templates, titles, name parts and length distribution from the real corpora."""
    files = sorted(glob.glob(os.path.join(corpora_dir, "*.jsonl")))
    if not files:
        sys.exit(f"generate-corpus: no *.jsonl in {corpora_dir}")
    articles, titles, lengths = [], [], []
    firsts, lasts, fulls = {}, {}, set()
    pairs, after_the, titled = {}, {}, {}
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if not line:
                    continue
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                text = rec.get("text")
                if not isinstance(text, str) or len(text) < 80:
                    continue
                lengths.append(len(text.split()))
                t = rec.get("title")
                if isinstance(t, str) and 3 <= len(t.split()) <= 14:
                    titles.append(t.title() if t.isupper() else t)
                for rx in (NAME_BEFORE_SAID, NAME_AFTER_SAID):
                    for a, b in rx.findall(text):
                        if a not in STOP_CAPS and b not in STOP_CAPS:
                            pairs[(a, b)] = pairs.get((a, b), 0) + 1
                for w in AFTER_THE.findall(text):
                    after_the[w] = after_the.get(w, 0) + 1
                for w in TITLED.findall(text):
                    titled[w] = titled.get(w, 0) + 1
                articles.append(text)
    # Person names: capitalized pairs before or after `said`, whose parts do not read as
    # organisation words (`the Bank`, `the International`) and whose surname is also used alone
    # with a title (`Mr Baker`, `spokesman Baker`).
    for (a, b), n in pairs.items():
        if after_the.get(a, 0) >= 2 or after_the.get(b, 0) >= 2 or titled.get(b, 0) < 1:
            continue
        firsts[a] = firsts.get(a, 0) + n
        lasts[b] = lasts.get(b, 0) + n
        fulls.add(a + " " + b)
    # Templates: each sentence with the person names it names and its numbers marked.
    docs = []  # per real article: list of (template, numbers)
    for text in articles:
        sents = []
        for s in split_sentences(text):
            n = len(s.split())
            if n < 5 or n > 60 or s.count('"') % 2:
                continue
            s = TWO_CAPS.sub(lambda m: NAME_MARK if m.group(0) in fulls else m.group(0), s)
            nums = []

            def mark(m):
                # A day of the month stays as it is (`May 12`, not `May 37`).
                if len(m.group(0)) <= 2 and MONTH_BEFORE.search(m.string, 0, m.start()):
                    return m.group(0)
                nums.append(m.group(0))
                return NUM_MARK
            s = NUMBER.sub(mark, s)
            sents.append((s, tuple(nums)))
        if len(sents) >= 3:
            docs.append(sents)
    first_names = sorted(firsts, key=lambda k: (-firsts[k], k))
    last_names = sorted(lasts, key=lambda k: (-lasts[k], k))
    return docs, titles, lengths, first_names, last_names


def swap_number(orig, rng, year_hint):
    """A number like `orig` (same format, similar size): a year moves near the event's year."""
    digits = orig.replace(",", "")
    if "." not in digits and len(digits) == 4 and 1900 <= int(digits) <= 2030:
        return str(year_hint - rng.choice((0, 0, 0, 1, 1, 2, 5, 10)))
    if "." in digits:
        whole, frac = digits.split(".")
        v = float(digits) * rng.uniform(0.4, 1.8)
        s = f"{v:.{len(frac)}f}"
    else:
        v = int(int(digits) * rng.uniform(0.4, 1.8)) or rng.randint(2, 9)
        s = str(v)
    if "," in orig:
        whole, _, frac = s.partition(".")
        s = f"{int(whole):,}" + ("." + frac if frac else "")
    return s


def fill(template, names, numbers):
    """The sentence with its name marks and number marks replaced in order."""
    it_n, it_x = iter(names), iter(numbers)
    return FILL.sub(lambda m: next(it_n) if m.group(0) == NAME_MARK else next(it_x), template)


def reorder(sentence):
    """`Head, tail.` -> `Tail, head.`: the same words in another order (a paraphrase)."""
    body = sentence.rstrip(".")
    if sentence == body or ", " not in body or '"' in body:
        return None
    head, tail = body.split(", ", 1)
    if len(tail.split()) < 3 or len(head.split()) < 3 or not tail[:1].islower():
        return None
    keep_cap = head.split()[0] in ("I",) or head[:2].isupper()
    head = head if keep_cap or head[1:2].isupper() else head[:1].lower() + head[1:]
    return tail[:1].upper() + tail[1:] + ", " + head + "."


class Generator:
    def __init__(self, docs, titles, lengths, first_names, last_names, seed):
        self.rng = random.Random(seed)
        self.seed = seed
        self.docs, self.titles, self.lengths = docs, titles, sorted(lengths)
        self.quotable = [(d, i) for d, sents in enumerate(docs) for i, (t, _) in enumerate(sents)
                         if '"' not in t and 6 <= len(t.split()) <= 35 and t.endswith(".")
                         and not SPEECH.search(t)]
        rng = random.Random(seed * 7919 + 1)
        # People: real first names x real surnames, ranked; speakers drawn by a Zipf-like law.
        fn, ln = first_names[:400], last_names[:3000]
        people, seen = [], set()
        while len(people) < 60000 and fn and ln:
            p = rng.choice(fn) + " " + rng.choice(ln)
            if p not in seen:
                seen.add(p)
                people.append(p)
        self.people = people
        self.people_cdf = self._zipf_cdf(len(people), 1.05)
        outlets = ["Reuters", "BBC News"] + sorted({h + " " + t for h in OUTLET_HEADS for t in OUTLET_TAILS})
        rng.shuffle(outlets)
        self.outlets = outlets[:80]
        self.outlet_cdf = self._zipf_cdf(len(self.outlets), 0.9)
        self.digests = set()
        self.epoch_days = (_days(2000, 1, 1), _days(2025, 12, 31))

    @staticmethod
    def _zipf_cdf(n, s):
        acc, out = 0.0, []
        for k in range(1, n + 1):
            acc += 1.0 / k ** s
            out.append(acc)
        return [x / acc for x in out]

    def person(self):
        return self.people[bisect.bisect_left(self.people_cdf, self.rng.random())]

    def outlet(self):
        return self.outlets[min(bisect.bisect_left(self.outlet_cdf, self.rng.random()), len(self.outlets) - 1)]

    def numbers_for(self, nums, year):
        return [swap_number(x, self.rng, year) for x in nums]

    def sentence_from(self, tpl, names, year):
        """A real sentence with invented names and swapped numbers."""
        t, nums = tpl
        k = t.count(NAME_MARK)
        return fill(t, [self.rng.choice(names) for _ in range(k)], self.numbers_for(nums, year))

    def filler(self, names, year):
        """A sentence from a random real article, names and numbers swapped; sometimes spliced
        from two sentences at a comma, so fillers rarely repeat word for word."""
        rng = self.rng
        a = rng.choice(rng.choice(self.docs))
        s = self.sentence_from(a, names, year)
        if rng.random() < 0.4 and ", " in s:
            b = self.sentence_from(rng.choice(rng.choice(self.docs)), names, year)
            if ", " in b:
                head = s.split(", ", 1)[0]
                tail = b.split(", ", 1)[1]
                if len(head.split()) >= 3 and len(tail.split()) >= 3 and '"' not in head + tail:
                    s = head + ", " + tail
        return s

    def quote(self, speaker, role, content, style):
        """A statement by `speaker` in one of the usual news forms."""
        c = content.rstrip(".")
        surname = speaker.split()[-1]
        lc = c[:1].lower() + c[1:] if not c[1:2].isupper() else c
        if style == 0:
            return f'"{c}," {speaker} said.'
        if style == 1:
            return f'"{c}," said {speaker}, {role}.'
        if style == 2:
            return f"{speaker}, {role}, {self.rng.choice(INDIRECT_CUES)} that {lc}."
        if style == 3:
            return f'{speaker} said: "{c}."'
        return f'"{c}," {surname} added.'

    def event(self, first_id, count):
        """`count` articles on one invented event."""
        rng = self.rng
        day = rng.randint(*self.epoch_days)
        year = _civil(day)[0]
        cast = [self.person() for _ in range(rng.randint(2, 4))]
        speaker, role = cast[0], rng.choice(ROLES)
        base = rng.choice(self.docs)
        core_tpls = rng.sample(base, min(len(base), rng.randint(3, 6)))
        # Each core sentence with its names and numbers, so a variant can change one number.
        core_parts = []
        for t, nums in core_tpls:
            core_parts.append(([rng.choice(cast) for _ in range(t.count(NAME_MARK))], self.numbers_for(nums, year)))
        core = [fill(t, n, x) for (t, _), (n, x) in zip(core_tpls, core_parts)]
        quotes = []
        for _ in range(rng.choice((1, 1, 2))):
            d, i = rng.choice(self.quotable)
            quotes.append(self.sentence_from(self.docs[d][i], cast, year))
        title = rng.choice(self.titles)
        title_variants = [title, title.replace(" ", " " + speaker.split()[-1] + " ", 1) if len(title.split()) > 3 else title]
        out = []
        for j in range(count):
            pub = _iso(day + rng.choice((0, 0, 0, 1, 1, 2)))
            sents = []
            for k, s in enumerate(core):
                r = rng.random()
                if r < 0.25 and j > 0:
                    continue                        # not every outlet reports every fact
                if r < 0.40 and j > 0:
                    names, nums = core_parts[k]
                    if nums:                        # one number differs: a numeric disagreement
                        nums = list(nums)
                        x = rng.randrange(len(nums))
                        nums[x] = swap_number(nums[x], rng, year)
                        s = fill(core_tpls[k][0], names, nums)
                elif r < 0.50 and j > 0:
                    s = reorder(s) or s             # paraphrase: clauses in another order
                sents.append(s)
            for q in quotes:
                sents.insert(rng.randint(0, len(sents)), self.quote(speaker, role, q, rng.randint(0, 4)))
            if rng.random() < 0.3:
                d, i = rng.choice(self.quotable)
                q = self.sentence_from(self.docs[d][i], cast, year).rstrip(".")
                sents.append(f"{q}, {rng.choice(UNNAMED)}.")
            if rng.random() < 0.4 and len(cast) > 1:
                d, i = rng.choice(self.quotable)
                sents.append(self.quote(cast[1], rng.choice(ROLES), self.sentence_from(self.docs[d][i], cast, year), rng.randint(0, 4)))
            target = self.lengths[int(rng.random() * len(self.lengths))]
            words = sum(len(s.split()) for s in sents)
            while words > target * 1.5 and len(sents) > 3:   # a short article reports less
                words -= len(sents.pop().split())
            while words < target:
                f = self.filler(cast, year)
                sents.append(f)
                words += len(f.split())
            # Paragraphs of one to three sentences.
            paras, i = [], 0
            while i < len(sents):
                n = rng.randint(1, 3)
                paras.append(" ".join(sents[i:i + n]))
                i += n
            text = "\n\n".join(paras)
            digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
            while digest in self.digests:          # never two equal bodies
                text += " " + self.filler(cast, year)
                digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
            self.digests.add(digest)
            out.append({"id": f"gen-{self.seed}-{first_id + j:07d}", "title": rng.choice(title_variants),
                        "outlet": self.outlet(), "published": pub, "text": text})
        return out


def _days(y, m, d):
    """Days since 1970-01-01 (proleptic Gregorian)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil(z):
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


def _iso(z):
    y, m, d = _civil(z)
    return f"{y:04d}-{m:02d}-{d:02d}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="-", help="output JSONL file (default: stdout)")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpora", default=os.path.join(here, "..", "..", "shared", "corpora"),
                    help="folder of real *.jsonl corpora to recombine (default ../shared/corpora)")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    if a.n < 0:
        sys.exit("generate-corpus: N must be >= 0")
    t0 = time.time()
    gen = Generator(*load(a.corpora), seed=a.seed)
    out = sys.stdout if a.out == "-" else open(a.out, "w", encoding="utf-8")
    written, buf = 0, []
    rng = gen.rng
    while written < a.n:
        size = min(a.n - written, rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6)))
        for art in gen.event(written, size):
            buf.append(json.dumps(art, ensure_ascii=False))
        written += size
        if len(buf) >= 2000:
            out.write("\n".join(buf) + "\n")
            buf.clear()
            if not a.quiet and a.out != "-" and written % 100000 < 2000:
                print(f"generate-corpus: {written:,} articles, {time.time() - t0:.0f} s", file=sys.stderr)
    if buf:
        out.write("\n".join(buf) + "\n")
    if out is not sys.stdout:
        out.close()
    if not a.quiet:
        print(f"generate-corpus: wrote {written:,} articles in {time.time() - t0:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
