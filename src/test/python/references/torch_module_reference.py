"""Reference outputs of whole PyTorch modules (embedding?, rnn, head) for RecurrentModel.loadStateDict.

Run: /usr/bin/python3 src/test/python/references/torch_module_reference.py
Writes src/test/resources/workbook/djl/torch_modules.json (Debian's python3-torch; the tests read the JSON and do
not need Python). Each case: the module's state_dict as written by
json.dump({k: v.tolist() for k, v in module.state_dict().items()}), an input and the module's output, in float64.
The module is the one RecurrentModel describes: head(h_n of the top layer, both directions side by side) for the
last step, head(every step's output) for every step.
"""
import json
import os

import torch

torch.manual_seed(19)
torch.set_default_dtype(torch.float64)

BATCH, TIME, INPUT, HIDDEN = 3, 5, 3, 4


class Module(torch.nn.Module):
    def __init__(self, mode, layers, bidirectional, units, every_step, vocabulary=None, dimension=None):
        super().__init__()
        features = INPUT
        if vocabulary:
            self.embedding = torch.nn.Embedding(vocabulary, dimension)
            features = dimension
        kwargs = dict(num_layers=layers, batch_first=True, bidirectional=bidirectional)
        if mode == "lstm":
            self.rnn = torch.nn.LSTM(features, HIDDEN, **kwargs)
        elif mode == "gru":
            self.rnn = torch.nn.GRU(features, HIDDEN, **kwargs)
        else:
            self.rnn = torch.nn.RNN(features, HIDDEN, nonlinearity=mode[4:], **kwargs)
        self.head = torch.nn.Linear(HIDDEN * (2 if bidirectional else 1), units)
        self.mode, self.bidirectional, self.every_step = mode, bidirectional, every_step

    def forward(self, x):
        if hasattr(self, "embedding"):
            x = self.embedding(x)
        out, state = self.rnn(x)
        if self.every_step:
            return self.head(out)
        h = state[0] if self.mode == "lstm" else state
        top = torch.cat([h[-2], h[-1]], 1) if self.bidirectional else h[-1]
        return self.head(top)


CASES = [
    # name, mode, layers, bidirectional, units, every step, embedding (vocabulary, dimension)
    ("lstm", "lstm", 1, False, 2, False, None),
    ("gru_2layers_bidirectional", "gru", 2, True, 1, False, None),
    ("rnn_tanh_2layers_every_step", "rnn_tanh", 2, False, 3, True, None),
    ("rnn_relu_bidirectional_every_step", "rnn_relu", 1, True, 2, True, None),
    ("lstm_2layers_bidirectional_every_step", "lstm", 2, True, 2, True, None),
    ("gru_embedding", "gru", 1, False, 3, False, (7, 2)),
]

cases = []
for name, mode, layers, bidirectional, units, every_step, embedding in CASES:
    module = Module(mode, layers, bidirectional, units, every_step, *(embedding or (None, None)))
    if embedding:
        x = torch.randint(0, embedding[0], (BATCH, TIME))
    else:
        x = torch.randn(BATCH, TIME, INPUT)
    with torch.no_grad():
        y = module(x)
    cases.append({
        "name": name, "mode": mode, "layers": layers, "bidirectional": bidirectional, "units": units,
        "every_step": every_step, "embedding": list(embedding) if embedding else None,
        "state_dict": {k: v.tolist() for k, v in module.state_dict().items()},
        "x": x.tolist(), "output": y.tolist(),
    })

out = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "workbook", "djl", "torch_modules.json")
with open(out, "w") as f:
    json.dump({"torch": torch.__version__, "dtype": "float64", "batch": BATCH, "time": TIME, "input": INPUT,
               "hidden": HIDDEN, "cases": cases}, f)
print("written", os.path.normpath(out), os.path.getsize(out), "bytes")
