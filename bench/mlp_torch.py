#!/usr/bin/env python3
"""Peer for `litmus-bench mlp`: the same task in PyTorch (CPU, float32), when torch is installed.

Prints one JSON line with the training figures, or one saying it was skipped.
"""
import argparse
import json
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=60_000)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    try:
        import torch
    except ImportError as error:
        print(json.dumps({"benchmark": "mlp", "tool": "torch", "skipped": True,
                          "reason": f"torch not installed ({error})"}), flush=True)
        return

    torch.set_num_threads(args.threads)
    generator = torch.Generator().manual_seed(2026)
    x = torch.randn(args.samples, 784, generator=generator)
    teacher = torch.randn(784, 10, generator=generator)
    labels = (x @ teacher).argmax(dim=1)
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 10))
    for layer in model:
        if isinstance(layer, torch.nn.Linear):
            torch.nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            torch.nn.init.zeros_(layer.bias)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)
    loss_function = torch.nn.CrossEntropyLoss()

    losses = []
    start = time.perf_counter()
    for _ in range(args.epochs):
        order = torch.randperm(args.samples, generator=generator)
        total = 0.0
        for begin in range(0, args.samples, args.batch):
            index = order[begin:begin + args.batch]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_function(model(x[index]), labels[index])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(index)
        losses.append(total / args.samples)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "benchmark": "mlp", "tool": "torch", "samples_per_s": args.samples * args.epochs / seconds,
        "final_loss": losses[-1], "seconds": seconds, "samples": args.samples, "epochs": args.epochs,
        "batch": args.batch, "threads": args.threads, "torch": torch.__version__, "epoch_losses": losses,
    }), flush=True)


if __name__ == "__main__":
    main()
