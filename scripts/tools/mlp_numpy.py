#!/usr/bin/env python3
"""Fast numpy replica of the article's recipe, to tune the synthetic dataset.

Reads <prefix>.x.u8 (N x 64 x 64 x 3 uint8) and <prefix>.y.u8 (N labels) written by
scripts/tools/dump-raw.ts, then trains Dense(100, sigmoid) -> Dense(100, sigmoid) ->
Dense(1, sigmoid) with glorot-uniform weights, zero biases, binary cross-entropy,
Adam (lr 1e-5, beta1 0.9, beta2 0.999, eps 1e-7), batch 128, shuffled every epoch,
on a random 70/30 split; prints per-epoch train/val loss and accuracy.

    python3 scripts/tools/mlp_numpy.py /tmp/vehicles [--seed 0] [--epochs 50]
"""
import argparse
import sys
import time

import numpy as np

EPS = 1e-7  # Keras/TF.js clip predictions to [eps, 1 - eps] inside binary cross-entropy


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def glorot(rng, fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(np.float32)


def bce(p, y):
    p = np.clip(p, EPS, 1 - EPS)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


class Mlp:
    def __init__(self, rng, sizes):
        self.w = [glorot(rng, a, b) for a, b in zip(sizes[:-1], sizes[1:])]
        self.b = [np.zeros(b, np.float32) for b in sizes[1:]]

    def forward(self, x):
        acts = [x]
        for w, b in zip(self.w, self.b):
            acts.append(sigmoid(acts[-1] @ w + b))
        return acts

    def predict(self, x, batch=1024):
        return np.concatenate([self.forward(x[i:i + batch])[-1][:, 0] for i in range(0, len(x), batch)])

    def grads(self, x, y):
        acts = self.forward(x)
        p = acts[-1][:, 0]
        # d(mean BCE)/dz of a sigmoid output is (p - y) / batch (ignoring the clip, as the optimiser sees it)
        delta = ((p - y) / len(y))[:, None].astype(np.float32)
        gw, gb = [None] * len(self.w), [None] * len(self.w)
        for layer in range(len(self.w) - 1, -1, -1):
            gw[layer] = acts[layer].T @ delta
            gb[layer] = delta.sum(axis=0)
            if layer > 0:
                a = acts[layer]
                delta = (delta @ self.w[layer].T) * a * (1 - a)
        return gw, gb, p


class Adam:
    def __init__(self, params, lr=1e-5, b1=0.9, b2=0.999, eps=1e-7):
        self.lr, self.b1, self.b2, self.eps, self.t = lr, b1, b2, eps, 0
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]

    def step(self, params, grads):
        self.t += 1
        c1 = 1 - self.b1 ** self.t
        c2 = 1 - self.b2 ** self.t
        for p, g, m, v in zip(params, grads, self.m, self.v):
            m *= self.b1
            m += (1 - self.b1) * g
            v *= self.b2
            v += (1 - self.b2) * g * g
            p -= (self.lr * (m / c1) / (np.sqrt(v / c2) + self.eps)).astype(np.float32)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('prefix')
    ap.add_argument('--seed', type=int, default=0, help='training seed: split, init and shuffling')
    ap.add_argument('--epochs', type=int, default=50)
    ap.add_argument('--lr', type=float, default=1e-5)
    ap.add_argument('--batch', type=int, default=128)
    ap.add_argument('--hidden', type=int, default=100)
    ap.add_argument('--quiet', action='store_true', help='print only every 10th epoch')
    args = ap.parse_args()

    y = np.fromfile(args.prefix + '.y.u8', dtype=np.uint8).astype(np.float32)
    x = np.fromfile(args.prefix + '.x.u8', dtype=np.uint8)
    side = int(round((x.size / len(y) / 3) ** 0.5))
    if x.size != len(y) * side * side * 3:
        sys.exit(f'{args.prefix}.x.u8 has {x.size} bytes, expected {len(y)} x side x side x 3 (square RGB images)')
    x = x.reshape(len(y), -1).astype(np.float32) / 255.0

    rng = np.random.default_rng(args.seed)
    order = rng.permutation(len(y))
    n_train = int(round(len(y) * 0.7))
    tr, va = order[:n_train], order[n_train:]
    xtr, ytr, xva, yva = x[tr], y[tr], x[va], y[va]
    print(f'{side}x{side}x3 inputs; train {len(ytr)} ({ytr.mean():.3f} emergency), validation {len(yva)} ({yva.mean():.3f} emergency), seed {args.seed}')

    model = Mlp(rng, [x.shape[1], args.hidden, args.hidden, 1])
    params = model.w + model.b
    opt = Adam(params, lr=args.lr)
    started = time.time()
    for epoch in range(1, args.epochs + 1):
        perm = rng.permutation(len(ytr))
        run_loss = run_correct = 0.0
        for i in range(0, len(perm), args.batch):
            idx = perm[i:i + args.batch]
            gw, gb, p = model.grads(xtr[idx], ytr[idx])
            run_loss += bce(p, ytr[idx]) * len(idx)
            run_correct += float(np.sum((p > 0.5) == (ytr[idx] > 0.5)))
            opt.step(params, gw + gb)
        pv = model.predict(xva)
        val_loss, val_acc = bce(pv, yva), float(np.mean((pv > 0.5) == (yva > 0.5)))
        if not args.quiet or epoch % 10 == 0 or epoch == 1:
            print(f'epoch {epoch:3d}  loss {run_loss / len(ytr):.4f}  acc {run_correct / len(ytr):.4f}  val_loss {val_loss:.4f}  val_acc {val_acc:.4f}')
    pt = model.predict(xtr)
    train_acc = float(np.mean((pt > 0.5) == (ytr > 0.5)))
    print(f'final (seed {args.seed}, {time.time() - started:.0f} s): train_acc {train_acc:.4f} (running {run_correct / len(ytr):.4f})  val_acc {val_acc:.4f}  gap {100 * (train_acc - val_acc):.1f} pts  train_loss {bce(pt, ytr):.4f}  val_loss {val_loss:.4f}')


if __name__ == '__main__':
    main()
