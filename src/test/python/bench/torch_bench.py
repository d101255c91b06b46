"""PyTorch reference for workbook.bench.DjlBench: the same models and data shape, timed the same way.

Run: /usr/bin/python3 src/test/python/bench/torch_bench.py   (Debian's python3-torch; not run by the tests;
./workbook bench runs it with --json target/bench/results.json when torch is installed)
RNN/LSTM/GRU, hidden 64, dense head 1, MSE, Adam (lr 1e-3), batch 32, 50 steps x 1 feature,
one epoch = 2,000 windows, shuffled; best of 3 epochs after one warm-up epoch; 1 and 2 threads.
"""
import argparse
import json
import time

import torch

WINDOWS, STEPS, BATCH, HIDDEN = 2000, 50, 32, 64


class Model(torch.nn.Module):
    def __init__(self, kind):
        super().__init__()
        self.rnn = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind](1, HIDDEN, batch_first=True)
        self.head = torch.nn.Linear(HIDDEN, 1)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.head(out[:, -1])


def data():
    g = torch.Generator().manual_seed(1)
    i = torch.arange(WINDOWS + STEPS, dtype=torch.float32)
    series = torch.sin(i / 8.0) + 0.1 * torch.randn(WINDOWS + STEPS, generator=g)
    x = torch.stack([series[k:k + STEPS] for k in range(WINDOWS)]).unsqueeze(-1)
    y = series[STEPS:STEPS + WINDOWS].unsqueeze(-1)
    return x, y


def epoch(model, opt, x, y):
    start = time.perf_counter()
    order = torch.randperm(WINDOWS)
    for b in range(0, WINDOWS, BATCH):
        idx = order[b:b + BATCH]
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default="rnn,lstm,gru", help="comma-separated cells to time (default: all three)")
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts (default: 1,2)")
    parser.add_argument("--json", help="a results.json of ./workbook bench: add these rows to it (one-thread rows"
                        " keep the plain names, others get .threadsN); ./workbook bench then prints DJL / PyTorch")
    args = parser.parse_args()
    torch.manual_seed(42)
    x, y = data()
    print(f"torch {torch.__version__}")
    rows = []
    for threads in (int(t) for t in args.threads.split(",")):
        torch.set_num_threads(threads)
        for kind in args.kinds.split(","):
            model = Model(kind)
            opt = torch.optim.Adam(model.parameters(), lr=1e-3)
            epoch(model, opt, x, y)
            best = min(epoch(model, opt, x, y) for _ in range(3))
            print(f"threads {threads}  epoch.{kind}.torch.n{WINDOWS}.b{BATCH}.t{STEPS}.h{HIDDEN}  {best:.3f} s"
                  f"  train.{kind}.torch  {WINDOWS / best:.0f} sequences/s")
            suffix = "" if threads == 1 else f".threads{threads}"
            config = f".b{BATCH}.t{STEPS}.h{HIDDEN}"
            rows.append({"name": f"epoch.{kind}.torch.n{WINDOWS}{config}{suffix}", "unit": "s", "value": best})
            rows.append({"name": f"train.{kind}.torch{config}{suffix}", "unit": "sequences/s", "value": WINDOWS / best})
    if args.json:
        merge(args.json, rows)


def merge(path, rows):
    """Adds the rows to the benchmark's results (same names replaced); `Bench --targets` prints the ratios."""
    with open(path) as f:
        results = json.load(f)
    names = {r["name"] for r in rows}
    results = [r for r in results if r["name"] not in names] + rows
    with open(path, "w") as f:
        json.dump(results, f, indent=2)
    print(f"written: {path}")


if __name__ == "__main__":
    main()
