#!/usr/bin/env python3
"""The lessons' plain-MLP claims on the numpy replica (scripts/tools/mlp_numpy.py), per training seed,
to tune the default dataset without the browser: the baseline's overfitting point and gap, early
stopping with patience 5 and 10 (restoring the best weights), and dropout's effect.

    python3 scripts/tools/claims_numpy.py /tmp/vehicles [--count 1200] [--noise 0.1] [--lr 1.2e-4] [--seeds 1,2,3]

--count keeps the first N images (what a smaller generated dataset gives), --noise flips that share
of the labels (the generator's labelNoise). The split is fixed (as the lessons' randomState 42).
Batch norm and augmentation are measured in the browser (npm run claims).
"""
import argparse
import math

import numpy as np
from mlp_numpy import Adam, Mlp, bce, sigmoid

MIN_DELTA = 0.01


class DropoutMlp(Mlp):
    """Mlp with inverted dropout after each hidden layer while training."""

    def __init__(self, rng, sizes, rate):
        super().__init__(rng, sizes)
        self.rate, self.mask_rng = rate, rng

    def grads(self, x, y):
        acts, masks = [x], []
        for layer, (w, b) in enumerate(zip(self.w, self.b)):
            a = sigmoid((acts[-1] if layer == 0 else acts[-1][1]) @ w + b)
            if layer < len(self.w) - 1 and self.rate:
                m = (self.mask_rng.random(a.shape) >= self.rate).astype(np.float32) / (1 - self.rate)
                masks.append(m)
                acts.append((a, a * m))
            else:
                acts.append((a, a))
        p = acts[-1][1][:, 0]
        delta = ((p - y) / len(y))[:, None].astype(np.float32)
        gw, gb = [None] * len(self.w), [None] * len(self.w)
        for layer in range(len(self.w) - 1, -1, -1):
            inp = acts[layer] if layer == 0 else acts[layer][1]
            gw[layer] = inp.T @ delta
            gb[layer] = delta.sum(axis=0)
            if layer > 0:
                a, _ = acts[layer]
                m = masks[layer - 1] if self.rate else 1
                delta = (delta @ self.w[layer].T) * m * a * (1 - a)
        return gw, gb, p


def load(prefix, count, noise):
    y = np.fromfile(prefix + '.y.u8', dtype=np.uint8).astype(np.float32)
    x = np.fromfile(prefix + '.x.u8', dtype=np.uint8).reshape(len(y), -1)
    if count:
        x, y = x[:count], y[:count]
    if noise:
        flip = np.random.default_rng(7).random(len(y)) < noise
        y = np.where(flip, 1 - y, y).astype(np.float32)
    x = x.astype(np.float32) / 255
    order = np.random.default_rng(42).permutation(len(y))
    n = int(round(len(y) * 0.7))
    return x[order[:n]], y[order[:n]], x[order[n:]], y[order[n:]]


def fit(data, seed, epochs, lr, rate=0.0, patience=None, batch=128, hidden=100):
    xtr, ytr, xva, yva = data
    rng = np.random.default_rng(seed)
    model = DropoutMlp(rng, [xtr.shape[1], hidden, hidden, 1], rate)
    params = model.w + model.b
    opt = Adam(params, lr=lr)
    hist, best, best_params, wait = [], math.inf, None, 0
    for epoch in range(1, epochs + 1):
        perm = rng.permutation(len(ytr))
        loss = correct = 0.0
        for i in range(0, len(perm), batch):
            idx = perm[i:i + batch]
            gw, gb, p = model.grads(xtr[idx], ytr[idx])
            loss += bce(p, ytr[idx]) * len(idx)
            correct += float(np.sum((p > 0.5) == (ytr[idx] > 0.5)))
            opt.step(params, gw + gb)
        pv = model.predict(xva)
        hist.append(dict(epoch=epoch, acc=correct / len(ytr), loss=loss / len(ytr), val_loss=bce(pv, yva), val_acc=float(np.mean((pv > 0.5) == (yva > 0.5)))))
        if patience is not None:
            if hist[-1]['val_loss'] < best - MIN_DELTA:
                best, wait, best_params = hist[-1]['val_loss'], 0, [p.copy() for p in params]
            else:
                wait += 1
                if wait >= patience:
                    break
    restored = None
    if patience is not None and best_params is not None:
        for p, q in zip(params, best_params):
            p[...] = q
        restored = bce(model.predict(xva), yva)
    return hist, restored


def point(hist, patience=5):
    best, at, wait = math.inf, None, 0
    for h in hist:
        if h['val_loss'] < best - MIN_DELTA:
            best, at, wait = h['val_loss'], h['epoch'], 0
        else:
            wait += 1
    return (at, best) if wait >= patience else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('prefix')
    ap.add_argument('--count', type=int, default=0)
    ap.add_argument('--noise', type=float, default=0.0)
    ap.add_argument('--lr', type=float, default=1e-5 * 224 * 224 / 64 / 64)
    ap.add_argument('--seeds', default='1,2,3')
    ap.add_argument('--epochs', type=int, default=50)
    ap.add_argument('--long', type=int, default=100)
    ap.add_argument('--only', default='base,es,dropout')
    args = ap.parse_args()
    data = load(args.prefix, args.count, args.noise)
    only = args.only.split(',')
    print(f'train {len(data[1])} validation {len(data[3])} noise {args.noise} lr {args.lr:.3g}', flush=True)
    for seed in [int(s) for s in args.seeds.split(',')]:
        out = [f'seed {seed}']
        base, _ = fit(data, seed, args.epochs, args.lr)
        e = base[-1]
        pt = point(base)
        low = min(h['val_loss'] for h in base)
        out.append(f"base gap {100 * (e['acc'] - e['val_acc']):.1f} val {100 * e['val_acc']:.1f} point {pt and pt[0]} rise {e['val_loss'] - (pt[1] if pt else low):.3f}")
        if 'es' in only:
            h5, _ = fit(data, seed, args.long, args.lr, patience=5)
            h10, restored = fit(data, seed, args.long, args.lr, patience=10)
            out.append(f"es5 {len(h5)} es10 {len(h10)} restore {h10[-1]['val_loss'] - restored:.3f}")
        if 'dropout' in only:
            plain, _ = fit(data, seed, args.long, args.lr)
            drop, _ = fit(data, seed, args.long, args.lr, rate=0.5)
            gp, gd = plain[-1]['acc'] - plain[-1]['val_acc'], drop[-1]['acc'] - drop[-1]['val_acc']
            out.append(f"dropout gap -{100 * (gp - gd):.1f} acc {100 * (drop[-1]['val_acc'] - plain[-1]['val_acc']):+.1f} ({100 * plain[-1]['val_acc']:.1f}->{100 * drop[-1]['val_acc']:.1f})")
        print(' | '.join(out), flush=True)


if __name__ == '__main__':
    main()
