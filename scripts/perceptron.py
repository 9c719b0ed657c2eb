"""The averaged perceptron both taggers are trained with (train-ner.py, train-attribution.py):
weights per feature and tag, updated by +1 / -1 on a mistake, averaged over every step with the
lazy-update trick (a weight's running total is brought up to date only when it changes)."""


class AveragedPerceptron:
    def __init__(self, n_tags):
        self.n = n_tags
        self.w, self.tot, self.ts, self.c = {}, {}, {}, 0

    def score(self, feats):
        s = [0.0] * self.n
        for f in feats:
            w = self.w.get(f)
            if w:
                for k, v in w.items():
                    s[k] += v
        return s

    def update(self, feats, gold, pred):
        self.c += 1
        for f in feats:
            w = self.w.setdefault(f, {})
            for k, d in ((gold, 1.0), (pred, -1.0)):
                key = (f, k)
                old = w.get(k, 0.0)
                self.tot[key] = self.tot.get(key, 0.0) + (self.c - self.ts.get(key, 0)) * old
                self.ts[key] = self.c
                w[k] = old + d

    def averaged(self):
        """The averaged weights, {feature: {tag: weight}} (the model itself unchanged)."""
        out = {}
        for f, w in self.w.items():
            out[f] = {k: (self.tot.get((f, k), 0.0) + (self.c - self.ts.get((f, k), 0)) * v) / self.c for k, v in w.items()}
        return out

    def average(self):
        """Replaces the weights by their averages (the end of training)."""
        self.w = self.averaged()


class Weights(AveragedPerceptron):
    """Read-only weights: averaged ones, or a model file read back as the binary reads it."""
    def __init__(self, w, n_tags):
        super().__init__(n_tags)
        self.w = w
