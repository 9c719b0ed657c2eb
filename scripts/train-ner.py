#!/usr/bin/env python3
"""Train the named-entity tagger's weights (an averaged perceptron, greedy left-to-right BIO
decoding) from the CoNLL-2003 TRAIN split, and write them as the lexicon
Sources/NewsKBExtraction/Lexicons/ner-model.txt (feature weights only: no corpus text).

The features must match Sources/NewsKBExtraction/Entities/NERTagger.swift exactly:
templates and values are documented in both files. Tokens are CoNLL's (space-separated);
at run time the Swift tokenizer produces the same tokens on such text.

  python3 scripts/train-ner.py [--data /work/shared/eval/conll2003] [--epochs 6] [--dev]
  python3 scripts/embed-resources.py

Re-run both after changing the gazetteer, first-name, title or name-head lexicons (they are
features). It also writes common-words.txt (words seen mostly in lower case outside names).
Training is deterministic (fixed shuffle seed); 6 epochs take about 10 s.
"""
import argparse, collections, json, os, random, re, sys

sys.dont_write_bytecode = True  # no scripts/__pycache__ in the working tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from perceptron import AveragedPerceptron  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "Sources/NewsKBExtraction/Lexicons")
TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
QUOTES = set("\"“”‘’„«»‹›‚‟'")


def fold(s):
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s)


def entries(name):
    out = []
    for line in open(os.path.join(LEX, name), encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        line = re.split(r"[ \t]#", line)[0]
        fields = [f.strip() for f in re.split(r"[\t|]", line)]
        if not fields or not fields[0]:
            continue
        out.append(fields)
    return out


TOK_RE = re.compile(r"[^\W\d_](?:[\w]|[-'’](?=\w)|&(?=[A-Z]))*(?:\.(?=\s|$))?|\d[\w.,:/-]*\w|\d|['’]s\b|\S")


def simple_tokens(s):
    # approximation of the Swift tokenizer for gazetteer entries
    toks = TOK_RE.findall(s)
    out = []
    for t in toks:
        if t.endswith(".") and len(t) > 1 and not re.fullmatch(r"(?:[A-Za-z]\.)+|[A-Z][a-z]{0,4}\.", t):
            out += [t[:-1], "."]
        elif re.fullmatch(r"\w+['’]s", t):
            out += [t[:-2], t[-2:]]
        else:
            out.append(t)
    return out


GAZ_FILES = [("gazetteer-countries.txt", "GPE"), ("gazetteer-cities.txt", "GPE"), ("gazetteer-regions.txt", "GPE"),
             ("gazetteer-locations.txt", "LOC"), ("gazetteer-norp.txt", "NORP"), ("gazetteer-organizations.txt", "ORG"),
             ("gazetteer-facilities.txt", "FACILITY")]


def load_lexicons():
    gaz = {}
    maxlen = 1
    for fname, typ in GAZ_FILES:
        for fields in entries(fname):
            for form in fields:
                toks = simple_tokens(form)
                if not toks:
                    continue
                key = " ".join(fold(t) for t in toks)
                upper_only = not any(c.islower() for c in form)
                gaz.setdefault(key, (typ, upper_only))  # first file wins
                maxlen = max(maxlen, len(toks))
    first = set(f[0] for f in entries("first-names.txt"))
    titles = set()
    for f in entries("titles.txt"):
        w = f[0].split()
        if len(w) == 1:
            titles.add(fold(w[0].rstrip(".")))
    heads = {}
    for f in entries("name-heads.txt"):
        if len(f) > 1 and " " not in f[0] and f[0][:1].isupper():
            heads[f[0]] = f[1]
    return gaz, min(maxlen, 6), first, titles, heads


def shape(s):
    out = []
    for c in s:
        if c.isupper():
            x = "X"
        elif c.isalpha():
            x = "x"
        elif "0" <= c <= "9":
            x = "d"
        else:
            x = c
        if not out or out[-1] != x:
            out.append(x)
    return "".join(out)[:8] if len("".join(out)) <= 8 else "".join(out)[:8]


def kind(t):
    c = t[0]
    if t in ("'s", "’s", "'S", "’S"):
        return "poss"
    if c in QUOTES:
        return "quote"
    if c.isalpha():
        return "word"
    if "0" <= c <= "9":
        return "num"
    return "punct"


class Tok:
    __slots__ = ("t", "f", "kind", "cap", "allcaps", "lower", "si", "capsline", "ascii", "sh", "gaz", "fn", "ti", "hd")


def prepare(sentence_tokens, capsline, lex):
    gaz, maxlen, first, titles, heads = lex
    toks = []
    seen_word = False
    for t in sentence_tokens:
        o = Tok()
        o.t = t
        o.f = fold(t)
        o.kind = kind(t)
        letters = [c for c in t if c.isalpha()]
        ups = sum(1 for c in letters if c.isupper())
        lows = sum(1 for c in letters if c.islower())
        o.cap = o.kind == "word" and t[0].isupper()
        o.allcaps = o.kind == "word" and ups > 0 and lows == 0
        o.lower = o.kind == "word" and lows > 0 and ups == 0
        o.si = False
        if o.kind in ("word", "num") and not seen_word:
            o.si = True
            seen_word = True
        o.capsline = capsline
        o.ascii = all(ord(c) < 128 for c in t)
        o.sh = shape(t)
        o.gaz = None
        o.fn = t in first
        o.hd = heads.get(t)
        toks.append(o)
    for i in range(len(toks)):
        o = toks[i]
        o.ti = i > 0 and toks[i - 1].f.rstrip(".") in titles and toks[i - 1].kind == "word"
    i = 0
    n = len(toks)
    while i < n:
        if toks[i].cap or (toks[i].kind == "num" and False):
            found = 0
            for L in range(min(maxlen, n - i), 0, -1):
                key = " ".join(toks[k].f for k in range(i, i + L))
                if key in gaz:
                    typ, upper_only = gaz[key]
                    if upper_only and any(toks[k].kind == "word" and not toks[k].allcaps for k in range(i, i + L)):
                        continue
                    found = L
                    break
            if found:
                for k in range(i, i + found):
                    toks[k].gaz = ("B-" if k == i else "I-") + typ
                i += found
                continue
        i += 1
    return toks


def static_features(toks, i):
    o = toks[i]
    n = len(toks)
    p = toks[i - 1] if i > 0 else None
    q = toks[i + 1] if i + 1 < n else None
    p2 = toks[i - 2] if i > 1 else None
    q2 = toks[i + 2] if i + 2 < n else None
    f = [("b",), ("w", o.f), ("sh", o.sh),
         ("pw", p.f if p else "<s>"), ("nw", q.f if q else "</s>"),
         ("psh", p.sh if p else "<s>"), ("nsh", q.sh if q else "</s>"),
         ("ppw", p2.f if p2 else "<s>"), ("nnw", q2.f if q2 else "</s>"),
         ("shw", o.sh, q.sh if q else "</s>"),
         ("pshw", p.sh if p else "<s>", o.sh)]
    if o.ascii and len(o.t) >= 4:
        f.append(("s3", o.f[-3:]))
        f.append(("p3", o.f[:3]))
    if o.si:
        f.append(("si", o.sh))
        f.append(("siw", o.f))
    if o.capsline:
        f.append(("cl", o.sh))
    if o.gaz:
        f.append(("g", o.gaz))
    if p and p.gaz:
        f.append(("pg", p.gaz))
    if q and q.gaz:
        f.append(("ng", q.gaz))
    if o.fn:
        f.append(("fn",))
    if p and p.fn:
        f.append(("pfn",))
    if o.ti:
        f.append(("ti",))
    if o.hd:
        f.append(("hd", o.hd))
    if q and q.hd:
        f.append(("nhd", q.hd))
    return f


def dynamic_features(toks, i, pt, pt2):
    return [("pt", pt), ("pt2", pt2, pt), ("ptsh", pt, toks[i].sh)]


def skip(o, pt):
    return pt == "O" and ((o.kind == "word" and o.lower) or o.kind in ("punct", "quote", "poss"))


def allowed(tag, pt):
    if tag.startswith("I-"):
        return pt != "O" and pt[2:] == tag[2:]
    return True


def decode(model, toks, gold=None):
    tags = []
    for i, o in enumerate(toks):
        pt = tags[-1] if tags else "<s>"
        pt2 = tags[-2] if len(tags) > 1 else "<s>"
        ptO = "O" if pt == "<s>" else pt
        if skip(o, ptO):
            tags.append("O")
            continue
        feats = static_features(toks, i) + dynamic_features(toks, i, pt, pt2)
        s = model.score(feats)
        best, bs = 0, None
        for k, t in enumerate(TAGS):
            if not allowed(t, ptO):
                continue
            if bs is None or s[k] > bs:
                best, bs = k, s[k]
        if gold is not None:
            g = TAGS.index(gold[i])
            if g != best:
                model.update(feats, g, best)
            tags.append(gold[i])  # teacher forcing keeps training stable
        else:
            tags.append(TAGS[best])
    return tags


def load(data, split, lex):
    arts = [json.loads(l) for l in open(os.path.join(data, "articles.jsonl"), encoding="utf-8")]
    arts = [a for a in arts if a["split"] == split]
    ents = collections.defaultdict(list)
    for l in open(os.path.join(data, "entities.jsonl"), encoding="utf-8"):
        e = json.loads(l)
        ents[e["article_id"]].append(e)
    out = []
    for a in arts:
        text = a["text"]
        starts = {}
        for e in ents[a["id"]]:
            starts[e["start"]] = e
        pos = 0
        sents = []
        for line in text.split("\n"):
            toks, spans = [], []
            col = 0
            for t in line.split(" "):
                if t:
                    toks.append(t)
                    spans.append((pos + col, pos + col + len(t)))
                col += len(t) + 1
            if toks:
                letters = [c for t in toks if kind(t) == "word" for c in t if c.isalpha()]
                capsline = bool(letters) and not any(c.islower() for t in toks if kind(t) == "word" for c in t)
                gold = ["O"] * len(toks)
                for e in ents[a["id"]]:
                    inside = [k for k, (s, en) in enumerate(spans) if s >= e["start"] and en <= e["end"]]
                    for j, k in enumerate(inside):
                        gold[k] = ("B-" if j == 0 else "I-") + e["type"]
                sents.append((prepare(toks, capsline, lex), gold, spans))
            pos += len(line) + 1
        out.append((a["id"], sents))
    return out


def evaluate(model, docs):
    tp = fp = fn = 0
    for _, sents in docs:
        for toks, gold, spans in sents:
            pred = decode(model, toks)
            def ents(tags):
                s = set(); cur = None
                for i, t in enumerate(tags + ["O"]):
                    if cur and not (t.startswith("I-") and t[2:] == cur[1]):
                        s.add((cur[0], i, cur[1])); cur = None
                    if t.startswith("B-") or (t.startswith("I-") and cur is None):
                        cur = (i, t[2:])
                return s
            g, p = ents(gold), ents(pred)
            tp += len(g & p); fp += len(p - g); fn += len(g - p)
    P = tp / max(1, tp + fp); R = tp / max(1, tp + fn)
    return 2 * P * R / max(1e-9, P + R)


def write_common_words(train):
    """Words used mostly in lower case outside names (a learned word list: forms and no text),
    written to common-words.txt: the recognizer trims them off names on Title-Case headlines
    and drops them when a lone one opens a sentence."""
    low = collections.Counter()
    ent = collections.Counter()
    for _, sents in train:
        for toks, gold, _ in sents:
            for o, g in zip(toks, gold):
                if o.kind != "word":
                    continue
                if o.lower:
                    low[o.f] += 1
                if g != "O":
                    ent[o.f] += 1
    words = sorted(w for w, c in low.items() if c >= 3 and c > 2 * ent[w] and len(w) >= 3 and w.isascii())
    with open(os.path.join(LEX, "common-words.txt"), "w", encoding="utf-8") as fh:
        fh.write("# Common English words: seen at least 3 times in lower case and mostly outside names in the\n")
        fh.write("# CoNLL-2003 train split. GENERATED by scripts/train-ner.py (a learned word list, no text).\n")
        fh.write("# Format: one lower-case word per line; matching ignores ASCII case.\n")
        for w in words:
            fh.write(w + "\n")
    print(f"wrote common-words.txt: {len(words)} words", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/eval/conll2003")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--min-weight", type=float, default=0.05)
    ap.add_argument("--dev", action="store_true", help="report exact-match F1 on dev after each epoch")
    args = ap.parse_args()
    lex = load_lexicons()
    train = load(args.data, "train", lex)
    dev = load(args.data, "dev", lex) if args.dev else None
    sents = [s for _, ss in train for s in ss]
    model = AveragedPerceptron(len(TAGS))
    rnd = random.Random(7)
    for ep in range(args.epochs):
        rnd.shuffle(sents)
        for toks, gold, _ in sents:
            decode(model, toks, gold)
        print(f"epoch {ep + 1} done", file=sys.stderr)
    model.average()
    if dev:
        print(f"dev exact F1 (python, CoNLL tokens): {evaluate(model, dev):.4f}", file=sys.stderr)
    write_common_words(train)
    out = os.path.join(LEX, "ner-model.txt")
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# Learned weights of the named-entity tagger (averaged perceptron, greedy BIO decoding).\n")
        fh.write("# GENERATED by scripts/train-ner.py from the CoNLL-2003 train split: feature weights only.\n")
        fh.write("# Format: TEMPLATE[ VALUE[ VALUE2]] TAB TAG=WEIGHT[ TAG=WEIGHT...]  (weights x1000, integers)\n")
        fh.write("# Tags: " + " ".join(TAGS) + "\n")
        for f in sorted(model.w, key=lambda f: tuple(str(x) for x in f)):
            ws = [(k, v) for k, v in sorted(model.w[f].items()) if abs(v) >= args.min_weight]
            if not ws:
                continue
            fh.write(" ".join(f) + "\t" + " ".join(f"{TAGS[k]}={round(v * 1000)}" for k, v in ws) + "\n")
            n += 1
    print(f"wrote {out}: {n} features", file=sys.stderr)


if __name__ == "__main__":
    main()
