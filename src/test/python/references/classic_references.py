"""Reference values for workbook.classic, computed with statsmodels (Debian python3-statsmodels).

Run from the repository root:  /usr/bin/python3 src/test/python/references/classic_references.py
Writes src/test/resources/classic/references.json. The Java tests read that file; they never run Python.
"""
import json
import warnings

import numpy as np
import pandas as pd
import statsmodels
from statsmodels.tsa.ar_model import AutoReg, ar_select_order
from statsmodels.tsa.arima.model import ARIMA
from statsmodels.tsa.seasonal import seasonal_decompose
from statsmodels.tsa.stattools import acf, adfuller, pacf

warnings.simplefilter("ignore")

air = pd.read_csv("data/AirPassengers.csv")["value"].to_numpy(dtype=float)
nottem = pd.read_csv("data/nottem.csv")["value"].to_numpy(dtype=float)
gtemp = pd.read_csv("data/global-temp.csv")["temp"].to_numpy(dtype=float)
log_air = np.log(air)
series = {"log_air": log_air, "d_log_air": np.diff(log_air), "nottem": nottem, "global_temp": gtemp,
          "d_global_temp": np.diff(gtemp)}

out = {"statsmodels": statsmodels.__version__}

ar = AutoReg(log_air, 2, trend="c").fit()
fc = ar.get_prediction(start=len(log_air), end=len(log_air) + 11)
ci = fc.conf_int(alpha=0.05)
out["autoreg_log_air_p2"] = {
    "params": ar.params.tolist(), "sigma2": float(ar.sigma2), "llf": float(ar.llf),
    "aic": float(ar.aic), "bic": float(ar.bic), "nobs": int(ar.nobs),
    "forecast": fc.predicted_mean.tolist(), "lower": ci[:, 0].tolist(), "upper": ci[:, 1].tolist(),
}


def best_of_random_starts(model, default_llf, starts=30):
    """The exact-likelihood maximum can have several local optima (here: an MA root on the unit
    circle); statsmodels' default start finds one of them. Random restarts find the best."""
    rng = np.random.default_rng(0)
    k = len(model.start_params)
    best = default_llf
    for _ in range(starts):
        unconstrained = rng.normal(scale=1.5, size=k)
        start = model.transform_params(unconstrained)
        start[0] = model.start_params[0]
        start[-1] = model.start_params[-1]
        try:
            best = max(best, model.fit(start_params=start).llf)
        except Exception:
            pass
    return float(best)

# Order selection on a common sample: every AR(p) leaves out the first 13 points (hold_back).
d_log_air = series["d_log_air"]
out["autoreg_select_d_log_air"] = {
    "max_lag": 13,
    "aic": [float(AutoReg(d_log_air, p, trend="c", hold_back=13).fit().aic) for p in range(1, 14)],
    "bic": [float(AutoReg(d_log_air, p, trend="c", hold_back=13).fit().bic) for p in range(1, 14)],
    "selected_aic": len(ar_select_order(d_log_air, 13, trend="c", ic="aic").ar_lags),
    "selected_bic": len(ar_select_order(d_log_air, 13, trend="c", ic="bic").ar_lags),
}


def arima_case(name, order, trend, steps=12):
    y = series[name]
    model = ARIMA(y, order=order, trend=trend)
    res = model.fit()
    best_llf = best_of_random_starts(model, res.llf)
    # The log-likelihood at fixed parameters checks the Kalman filter apart from the optimiser.
    probe = res.params.copy()
    probe[1:-1] *= 0.9
    probe[-1] *= 1.1
    f = res.get_forecast(steps)
    ci = f.conf_int(alpha=0.05)
    return {
        "series": name, "order": list(order), "trend": trend,
        "param_names": list(res.model.param_names), "params": res.params.tolist(),
        "llf": float(res.llf), "best_llf_random_starts": best_llf,
        "statsmodels_local_optimum": bool(best_llf > res.llf + 1e-3),
        "probe_params": probe.tolist(), "probe_llf": float(model.loglike(probe)),
        "aic": float(res.aic), "bic": float(res.bic), "nobs": int(res.nobs),
        "forecast": np.asarray(f.predicted_mean).tolist(),
        "lower": np.asarray(ci)[:, 0].tolist(), "upper": np.asarray(ci)[:, 1].tolist(),
    }


out["arima"] = [
    arima_case("d_log_air", (1, 0, 1), "c"),
    arima_case("d_log_air", (0, 0, 1), "c"),
    arima_case("d_log_air", (2, 0, 2), "c"),
    arima_case("log_air", (1, 1, 1), "t"),
    arima_case("nottem", (2, 0, 1), "c"),
    arima_case("nottem", (1, 0, 0), "c"),
    arima_case("global_temp", (1, 1, 1), "t"),
    arima_case("d_global_temp", (0, 0, 2), "c"),
    # without constant, including d = 2 (two integration steps in the forecast)
    arima_case("log_air", (0, 1, 1), "n"),
    arima_case("global_temp", (1, 2, 1), "n"),
]

a, conf = acf(nottem, nlags=24, alpha=0.05)
p, pconf = pacf(nottem, nlags=24, alpha=0.05)
pm = pacf(nottem, nlags=24, method="ywm")
out["acf_nottem"] = {"acf": a.tolist(), "lower": conf[:, 0].tolist(), "upper": conf[:, 1].tolist()}
out["pacf_nottem"] = {"pacf": p.tolist(), "lower": pconf[:, 0].tolist(), "upper": pconf[:, 1].tolist(),
                      "pacf_ywm": pm.tolist()}


def nan_to_none(v):
    return [None if np.isnan(x) else float(x) for x in v]


for model in ("additive", "multiplicative"):
    d = seasonal_decompose(air, model=model, period=12)
    out["decompose_air_" + model] = {"trend": nan_to_none(d.trend), "seasonal": nan_to_none(d.seasonal),
                                     "resid": nan_to_none(d.resid)}

out["adf"] = []
for name, lag in (("log_air", 12), ("nottem", 4), ("d_log_air", 2), ("global_temp", 0)):
    stat, pvalue, usedlag, nobs, crit = adfuller(series[name], maxlag=lag, regression="c", autolag=None)
    out["adf"].append({"series": name, "lag": lag, "statistic": float(stat), "pvalue": float(pvalue),
                       "nobs": int(nobs), "crit": {k: float(v) for k, v in crit.items()}})

with open("src/test/resources/classic/references.json", "w") as fh:
    json.dump(out, fh, indent=1)
print(json.dumps(out["autoreg_log_air_p2"], indent=None)[:400])
for c in out["arima"]:
    print(c["series"], c["order"], c["trend"], dict(zip(c["param_names"], np.round(c["params"], 5))), round(c["aic"], 3),
          "llf", round(c["llf"], 4), "best", round(c["best_llf_random_starts"], 4), c["statsmodels_local_optimum"])
print(out["adf"])
