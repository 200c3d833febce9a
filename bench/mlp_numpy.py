#!/usr/bin/env python3
"""Peer for `litmus-bench mlp`: the same task in numpy (float32, OpenBLAS underneath).

784-256-128-10 MLP, ReLU, softmax cross-entropy on logits, plain SGD, batch 128, 3 epochs over
60,000 samples x ~ N(0, 1) labelled by the argmax of a random linear teacher. Prints JSON lines:
the training figures and sgemm GFLOP/s at 1024^3 (numpy's `a @ b`, i.e. its own OpenBLAS).
Run with OMP_NUM_THREADS/OPENBLAS_NUM_THREADS set (litmus-bench sets them to --threads).
"""
import argparse
import json
import time

import numpy as np


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=60_000)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    rng = np.random.default_rng(2026)
    x = rng.standard_normal((args.samples, 784), dtype=np.float32)
    teacher = rng.standard_normal((784, 10), dtype=np.float32)
    labels = np.argmax(x @ teacher, axis=1)
    y = np.eye(10, dtype=np.float32)[labels]

    # Weights stored (in, out) so the forward pass is x @ W; He initialisation, zero biases.
    sizes = [784, 256, 128, 10]
    weights = [(rng.standard_normal((i, o)) * np.sqrt(2.0 / i)).astype(np.float32) for i, o in zip(sizes, sizes[1:])]
    biases = [np.zeros(o, dtype=np.float32) for o in sizes[1:]]
    lr = np.float32(args.lr)

    losses = []
    start = time.perf_counter()
    for _ in range(args.epochs):
        order = rng.permutation(args.samples)
        total = 0.0
        for begin in range(0, args.samples, args.batch):
            index = order[begin:begin + args.batch]
            xb, yb = x[index], y[index]
            n = xb.shape[0]
            # Forward.
            z1 = xb @ weights[0] + biases[0]
            a1 = np.maximum(z1, 0)
            z2 = a1 @ weights[1] + biases[1]
            a2 = np.maximum(z2, 0)
            z3 = a2 @ weights[2] + biases[2]
            # Softmax cross-entropy on logits, stable.
            m = z3.max(axis=1, keepdims=True)
            e = np.exp(z3 - m)
            s = e.sum(axis=1, keepdims=True)
            total += float(np.sum(np.log(s) + m - np.sum(yb * z3, axis=1, keepdims=True)))
            d3 = (e / s - yb) / np.float32(n)
            # Backward (no gradient for the input layer's input).
            gw3 = a2.T @ d3
            gb3 = d3.sum(axis=0)
            d2 = (d3 @ weights[2].T) * (z2 > 0)
            gw2 = a1.T @ d2
            gb2 = d2.sum(axis=0)
            d1 = (d2 @ weights[1].T) * (z1 > 0)
            gw1 = xb.T @ d1
            gb1 = d1.sum(axis=0)
            # SGD.
            for w, g in zip(weights + biases, [gw1, gw2, gw3, gb1, gb2, gb3]):
                w -= lr * g
        losses.append(total / args.samples)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "benchmark": "mlp", "tool": "numpy", "samples_per_s": args.samples * args.epochs / seconds,
        "final_loss": losses[-1], "seconds": seconds, "samples": args.samples, "epochs": args.epochs,
        "batch": args.batch, "threads": args.threads, "numpy": np.__version__, "epoch_losses": losses,
    }), flush=True)

    n = 1024
    a = rng.random((n, n), dtype=np.float32)
    b = rng.random((n, n), dtype=np.float32)
    a @ b
    best = float("inf")
    for _ in range(15):
        t = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - t)
    print(json.dumps({"benchmark": "sgemm", "tool": "numpy", "n": n, "gflops": 2 * n ** 3 / best / 1e9,
                      "threads": args.threads}), flush=True)


if __name__ == "__main__":
    main()
