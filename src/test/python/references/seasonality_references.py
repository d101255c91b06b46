"""Reference periodograms for workbook.classic.Seasonality (SeasonalityTest).

Writes src/test/resources/classic/seasonality.json. Run from the repository root:
    /usr/bin/python3 src/test/python/references/seasonality_references.py
numpy's FFT is the reference; scipy.signal.periodogram (detrend='constant', scaling='spectrum',
no window) is checked to agree up to its constant factor.
"""
import csv
import json

import numpy as np


def periodogram(y):
    y = np.asarray(y, dtype=float)
    n = len(y)
    nfft = 1 << (n - 1).bit_length()
    spectrum = np.fft.rfft(y - y.mean(), nfft)
    power = np.abs(spectrum) ** 2 / n
    k = np.arange(1, nfft // 2 + 1)
    return nfft, k / nfft, power[1:nfft // 2 + 1]


def peaks(freq, power, count, n):
    idx = []
    for k in range(len(power)):
        left = k == 0 or power[k] > power[k - 1]
        right = k == len(power) - 1 or power[k] > power[k + 1]
        if left and right:
            idx.append(k)
    idx.sort(key=lambda k: -power[k])
    chosen = []
    for k in idx:   # side lobes of a stronger peak (closer than the main lobe width 2/n) are not new cycles
        if all(abs(freq[k] - freq[c]) >= 2 / n for c in chosen):
            chosen.append(k)
    return [1 / freq[k] for k in chosen[:count]]


def case(y, count=3):
    nfft, freq, power = periodogram(y)
    try:
        from scipy.signal import periodogram as sp
        f, p = sp(np.asarray(y, float), fs=1.0, window='boxcar', nfft=nfft, detrend='constant',
                  return_onesided=True, scaling='spectrum')
        # scipy 'spectrum' = |X|^2 / n^2, doubled except at 0 and Nyquist
        ratio = power[:-1] / (p[1:nfft // 2] * len(y) / 2)
        assert np.allclose(ratio, 1.0), ratio[:5]
    except ImportError:
        pass
    return {"y": list(map(float, y)), "nfft": nfft, "frequency": list(freq), "power": list(power),
            "peakPeriods": peaks(freq, power, count, len(y))}


rows = list(csv.DictReader(open("data/us-births-2000-2014.csv")))
births = [float(r["births"]) for r in rows if int(r["year"]) >= 2012]
t = np.arange(64)
sine = 3 + 2 * np.sin(2 * np.pi * t / 8) + 0.5 * np.cos(2 * np.pi * t / 4)
odd = np.sin(2 * np.pi * np.arange(50) / 7) + 0.1 * np.arange(50) % 3
out = {"sine": case(sine, 2),  # beyond two peaks the sine has only rounding noise
        "odd": case(odd), "births2012": case(births, 4)}
json.dump(out, open("src/test/resources/classic/seasonality.json", "w"), indent=0)
print({k: (v["nfft"], v["peakPeriods"]) for k, v in out.items()})
