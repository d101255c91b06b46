"""Reference values for the from-scratch recurrent networks (workbook.scratch), computed by PyTorch in float64.

Run:  /usr/bin/python3 src/test/python/references/make_scratch_fixture.py
Writes src/test/resources/scratch/torch-fixture.json, read by TorchParityTest. Not run by the tests.

For each case: the state_dict (PyTorch's names), the input x [batch][time][features], initial states h0 (c0),
a target; the outputs, final states h_n (c_n); the loss
    L = mse(outputs, target) + mean(h_n^2) [+ mean(c_n^2) for the LSTM]
and the gradients of L for every parameter, for x, h0 and c0.
"""
import json
import os

import torch

torch.set_default_dtype(torch.float64)
torch.manual_seed(2024)

CASES = [
    # name, module, layers, bidirectional, nonlinearity
    ("rnn_tanh", "RNN", 1, False, "tanh"),
    ("rnn_relu", "RNN", 1, False, "relu"),
    ("lstm", "LSTM", 1, False, None),
    ("gru", "GRU", 1, False, None),
    ("rnn_tanh_2layers_bidirectional", "RNN", 2, True, "tanh"),
    ("rnn_relu_2layers", "RNN", 2, False, "relu"),
    ("lstm_2layers", "LSTM", 2, False, None),
    ("lstm_2layers_bidirectional", "LSTM", 2, True, None),
    ("gru_2layers", "GRU", 2, False, None),
    ("gru_2layers_bidirectional", "GRU", 2, True, None),
]
INPUT, HIDDEN, BATCH, TIME = 3, 5, 2, 6


def tolist(t):
    return t.detach().tolist()


def make(name, module, layers, bidirectional, nonlinearity):
    kwargs = dict(input_size=INPUT, hidden_size=HIDDEN, num_layers=layers, bidirectional=bidirectional, batch_first=True)
    if module == "RNN":
        net = torch.nn.RNN(nonlinearity=nonlinearity, **kwargs)
    else:
        net = getattr(torch.nn, module)(**kwargs)
    states = layers * (2 if bidirectional else 1)
    x = torch.randn(BATCH, TIME, INPUT, requires_grad=True)
    h0 = torch.randn(states, BATCH, HIDDEN, requires_grad=True)
    target = torch.randn(BATCH, TIME, HIDDEN * (2 if bidirectional else 1))
    if module == "LSTM":
        c0 = torch.randn(states, BATCH, HIDDEN, requires_grad=True)
        out, (h_n, c_n) = net(x, (h0, c0))
        loss = torch.nn.functional.mse_loss(out, target) + (h_n ** 2).mean() + (c_n ** 2).mean()
    else:
        c0 = c_n = None
        out, h_n = net(x, h0)
        loss = torch.nn.functional.mse_loss(out, target) + (h_n ** 2).mean()
    loss.backward()
    case = {
        "name": name,
        "kind": {"RNN": "RNN_" + (nonlinearity or "").upper(), "LSTM": "LSTM", "GRU": "GRU"}[module],
        "input_size": INPUT, "hidden_size": HIDDEN, "num_layers": layers, "bidirectional": bidirectional,
        "state_dict": {k: tolist(v) for k, v in net.state_dict().items()},
        "x": tolist(x), "h0": tolist(h0), "target": tolist(target),
        "output": tolist(out), "h_n": tolist(h_n), "loss": loss.item(),
        "grad": {k: tolist(p.grad) for k, p in net.named_parameters()},
        "grad_x": tolist(x.grad), "grad_h0": tolist(h0.grad),
    }
    if module == "LSTM":
        case.update({"c0": tolist(c0), "c_n": tolist(c_n), "grad_c0": tolist(c0.grad)})
    return case


def optimizers():
    """Three updates of a 2x3 weight from fixed gradients with each torch.optim rule; and clip_grad_norm_."""
    start = torch.randn(2, 3)
    grads = [torch.randn(2, 3) for _ in range(3)]
    rules = {
        "sgd_0.1": lambda p: torch.optim.SGD([p], lr=0.1),
        "sgd_0.1_momentum_0.9": lambda p: torch.optim.SGD([p], lr=0.1, momentum=0.9),
        "adagrad_0.1": lambda p: torch.optim.Adagrad([p], lr=0.1),
        "adam_0.01": lambda p: torch.optim.Adam([p], lr=0.01),
    }
    result = {"start": tolist(start), "grads": [tolist(g) for g in grads], "after": {}}
    for name, make_optimizer in rules.items():
        p = torch.nn.Parameter(start.clone())
        optimizer = make_optimizer(p)
        steps = []
        for g in grads:
            p.grad = g.clone()
            optimizer.step()
            steps.append(tolist(p))
        result["after"][name] = steps
    a = torch.nn.Parameter(torch.zeros(2, 3))
    b = torch.nn.Parameter(torch.zeros(4))
    a.grad = 3 * torch.randn(2, 3)
    b.grad = 3 * torch.randn(4)
    result["clip"] = {"grad_a": tolist(a.grad), "grad_b": tolist(b.grad), "max_norm": 1.5}
    total = torch.nn.utils.clip_grad_norm_([a, b], 1.5)
    result["clip"].update({"total_norm": total.item(), "clipped_a": tolist(a.grad), "clipped_b": tolist(b.grad)})
    return result


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "scratch", "torch-fixture.json")
    fixture = {"torch_version": torch.__version__, "dtype": "float64",
               "loss": "mse(outputs, target) + mean(h_n^2) [+ mean(c_n^2)]",
               "cases": [make(*c) for c in CASES], "optimizers": optimizers()}
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(fixture, f)
    print("written", os.path.normpath(out), os.path.getsize(out), "bytes")


if __name__ == "__main__":
    main()
