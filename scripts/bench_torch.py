"""Native PyTorch on the benchmark's recipe, for `npm run bench` (scripts/bench.ts runs it when
Debian's python3-torch is installed). The article's MLP and MLP + BN + dropout, batch 128, Adam,
binary cross-entropy, shuffled every epoch, pixels converted from bytes to [0, 1] per batch as the
browser does; random images of the same shape (the speed of these dense products does not depend
on the pixel values). Prints one JSON object: {"torchVersion", "measurements": [...]}.

    /usr/bin/python3 scripts/bench_torch.py --sizes 64,224 --threads 1,2 --epochs 4 --samples 1646 --samples-at-224 256
"""
import argparse
import json
import statistics
import time

import torch


def build(kind, inputs):
    layers = []
    width = inputs
    for _ in range(2):
        layers += [torch.nn.Linear(width, 100), torch.nn.Sigmoid()]
        if kind == "mlp-bn-dropout":
            # Keras's defaults: momentum 0.99 (PyTorch counts 1 - that), epsilon 1e-3.
            layers += [torch.nn.BatchNorm1d(100, eps=1e-3, momentum=0.01), torch.nn.Dropout(0.5)]
        width = 100
    layers += [torch.nn.Linear(width, 1), torch.nn.Sigmoid()]
    return torch.nn.Sequential(*layers)


def measure(kind, size, samples, epochs, batch_size):
    generator = torch.Generator().manual_seed(1)
    pixels = torch.randint(0, 256, (samples, size * size * 3), dtype=torch.uint8, generator=generator)
    labels = torch.randint(0, 2, (samples, 1), generator=generator).float()
    torch.manual_seed(1)
    model = build(kind, size * size * 3)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-5 * 224 * 224 / (size * size))
    loss_fn = torch.nn.BCELoss()
    model.train()
    seconds = []
    for _ in range(epochs):
        started = time.perf_counter()
        order = torch.randperm(samples)
        for start in range(0, samples, batch_size):
            index = order[start:start + batch_size]
            x = pixels[index].float().div_(255)
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(x), labels[index])
            loss.backward()
            optimizer.step()
        loss.item()
        seconds.append(time.perf_counter() - started)
    return {"model": kind, "size": size, "samplesPerSecond": samples / statistics.median(seconds[1:]), "epochSeconds": seconds}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="64,224")
    parser.add_argument("--models", default="mlp,mlp-bn-dropout")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--samples", type=int, default=1646)
    parser.add_argument("--samples-at-224", type=int, default=256)
    parser.add_argument("--batch-size", type=int, default=128)
    args = parser.parse_args()
    results = []
    for threads in [int(t) for t in args.threads.split(",")]:
        torch.set_num_threads(threads)
        for size in [int(s) for s in args.sizes.split(",")]:
            samples = args.samples_at_224 if size >= 224 else args.samples
            for kind in args.models.split(","):
                result = measure(kind, size, samples, args.epochs, args.batch_size)
                result["threads"] = threads
                results.append(result)
    print(json.dumps({"torchVersion": torch.__version__, "measurements": results}))


if __name__ == "__main__":
    main()
