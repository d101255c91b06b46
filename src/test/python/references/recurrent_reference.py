"""Reference outputs and gradients from PyTorch for workbook.djl's RecurrentBlock parity test.

Run: /usr/bin/python3 src/test/python/references/recurrent_reference.py > src/test/resources/workbook/djl/recurrent_reference.json
(Debian's python3-torch; the tests read the JSON and do not need Python.)
"""
import json

import torch

torch.manual_seed(7)
torch.set_default_dtype(torch.float64)

BATCH, TIME, INPUT, HIDDEN = 3, 5, 3, 4
cases = []
for mode in ["rnn_tanh", "rnn_relu", "lstm", "gru"]:
    for layers, bidirectional in [(1, False), (2, False), (1, True), (2, True)]:
        if mode == "lstm":
            net = torch.nn.LSTM(INPUT, HIDDEN, layers, batch_first=True, bidirectional=bidirectional)
        elif mode == "gru":
            net = torch.nn.GRU(INPUT, HIDDEN, layers, batch_first=True, bidirectional=bidirectional)
        else:
            net = torch.nn.RNN(INPUT, HIDDEN, layers, nonlinearity=mode[4:], batch_first=True,
                               bidirectional=bidirectional)
        x = torch.randn(BATCH, TIME, INPUT, requires_grad=True)
        out, state = net(x)
        h = state[0] if mode == "lstm" else state
        out_weights = torch.randn(out.shape)
        h_weights = torch.randn(h.shape)
        # A loss that touches every output and the final states, so that every gradient path is checked.
        loss = (out * out_weights).sum() + (h * h_weights).sum()
        loss.backward()
        cases.append({
            "mode": mode, "layers": layers, "bidirectional": bidirectional,
            "x": x.detach().flatten().tolist(), "x_shape": list(x.shape),
            "weights": {k: v.detach().flatten().tolist() for k, v in net.state_dict().items()},
            "output": out.detach().flatten().tolist(),
            "h": h.detach().flatten().tolist(),
            "c": state[1].detach().flatten().tolist() if mode == "lstm" else None,
            "out_weights": out_weights.flatten().tolist(),
            "h_weights": h_weights.flatten().tolist(),
            "loss": loss.item(),
            "grad_x": x.grad.flatten().tolist(),
            "grads": {k: p.grad.flatten().tolist() for k, p in net.named_parameters()},
        })
print(json.dumps({"torch": torch.__version__, "batch": BATCH, "time": TIME, "input": INPUT, "hidden": HIDDEN,
                  "cases": cases}))
