"""Reference values for workbook.classic.SarimaModel and LjungBox, computed with statsmodels
(Debian python3-statsmodels).

Run from the repository root:  /usr/bin/python3 src/test/python/references/sarima_references.py
Writes src/test/resources/classic/sarima.json. The Java tests read that file; they never run Python.

SARIMAX's defaults (simple_differencing=False, concentrate_scale=False, diffuse start of the
differenced states with the first d + sD observations left out of the likelihood) give the same
log-likelihood as the exact likelihood of the differenced series (simple_differencing=True), which
is what SarimaModel computes; both are stored so the test shows it.
"""
import json
import warnings

import numpy as np
import pandas as pd
import statsmodels
from statsmodels.stats.diagnostic import acorr_ljungbox
from statsmodels.tsa.arima.model import ARIMA
from statsmodels.tsa.statespace.sarimax import SARIMAX

warnings.simplefilter("ignore")

air = pd.read_csv("data/AirPassengers.csv")["value"].to_numpy(dtype=float)
nottem = pd.read_csv("data/nottem.csv")["value"].to_numpy(dtype=float)
series = {"log_air": np.log(air), "nottem": nottem}

out = {"statsmodels": statsmodels.__version__}


def best_of_random_starts(model, default_llf, starts=20):
    """The best log-likelihood statsmodels reaches from random (transformed) starts: tells whether its
    default start found the global maximum."""
    rng = np.random.default_rng(0)
    k = len(model.start_params)
    best = default_llf
    for _ in range(starts):
        start = model.transform_params(rng.normal(scale=1.5, size=k))
        start[-1] = model.start_params[-1]
        try:
            best = max(best, model.fit(start_params=start, disp=False).llf)
        except Exception:
            pass
    return float(best)


def sarimax_case(name, order, seasonal_order, steps=24):
    y = series[name]
    model = SARIMAX(y, order=order, seasonal_order=seasonal_order)
    res = model.fit(disp=False, maxiter=500)
    differenced = SARIMAX(y, order=order, seasonal_order=seasonal_order, simple_differencing=True)
    res_differenced = differenced.fit(disp=False, maxiter=500)
    probe = res.params.copy()
    probe[:-1] *= 0.9
    probe[-1] *= 1.1
    f = res.get_forecast(steps)
    ci = np.asarray(f.conf_int(alpha=0.05))
    return {
        "series": name, "order": list(order), "seasonal_order": list(seasonal_order), "trend": "n",
        "param_names": list(res.model.param_names), "params": res.params.tolist(),
        "llf": float(res.llf), "llf_simple_differencing": float(res_differenced.llf),
        "params_simple_differencing": res_differenced.params.tolist(),
        "best_llf_random_starts": best_of_random_starts(differenced, res_differenced.llf),
        "probe_params": probe.tolist(), "probe_llf": float(differenced.loglike(probe)),
        "aic": float(res.aic), "bic": float(res.bic), "nobs_likelihood": int(res.nobs - model.loglikelihood_burn),
        "forecast": np.asarray(f.predicted_mean).tolist(), "lower": ci[:, 0].tolist(), "upper": ci[:, 1].tolist(),
        # residuals of the differenced series at statsmodels' parameters, for the Ljung-Box check
        "ljung_box_residuals_24": ljung_box(res_differenced.resid, 24,
                                            order[0] + order[2] + seasonal_order[0] + seasonal_order[2]),
    }


def arima_mean_case(name, order, seasonal_order, steps=24):
    """A constant: statsmodels' ARIMA with trend "c" (d = D = 0) estimates the mean, as SarimaModel does."""
    y = series[name]
    model = ARIMA(y, order=order, seasonal_order=seasonal_order, trend="c")
    res = model.fit()
    probe = res.params.copy()
    probe[1:-1] *= 0.9
    probe[-1] *= 1.1
    f = res.get_forecast(steps)
    ci = np.asarray(f.conf_int(alpha=0.05))
    return {
        "series": name, "order": list(order), "seasonal_order": list(seasonal_order), "trend": "c",
        "param_names": list(res.model.param_names), "params": res.params.tolist(),
        "llf": float(res.llf), "best_llf_random_starts": best_of_random_starts(model, res.llf),
        "probe_params": probe.tolist(), "probe_llf": float(model.loglike(probe)),
        "aic": float(res.aic), "bic": float(res.bic), "nobs_likelihood": int(res.nobs),
        "forecast": np.asarray(f.predicted_mean).tolist(), "lower": ci[:, 0].tolist(), "upper": ci[:, 1].tolist(),
    }


def ljung_box(x, lags, model_df):
    table = acorr_ljungbox(x, lags=[lags], model_df=model_df, return_df=True)
    return {"lags": lags, "model_df": model_df, "statistic": float(table["lb_stat"].iloc[0]),
            "pvalue": float(table["lb_pvalue"].iloc[0])}


out["sarima"] = [
    sarimax_case("log_air", (0, 1, 1), (0, 1, 1, 12)),   # the airline model
    sarimax_case("log_air", (1, 1, 0), (1, 1, 0, 12)),   # seasonal AR: a product AR polynomial
    sarimax_case("log_air", (1, 0, 0), (0, 1, 1, 12)),   # seasonal differencing only
    arima_mean_case("nottem", (1, 0, 0), (2, 0, 0, 12)),   # a mean, and an AR polynomial of degree 25
]

d_log_air = np.diff(series["log_air"])
out["ljung_box"] = {
    "series": "d_log_air", "values": d_log_air.tolist(),
    "cases": [ljung_box(d_log_air, lags, df) for lags, df in ((1, 0), (6, 0), (12, 0), (24, 0), (24, 2), (12, 11))],
}

with open("src/test/resources/classic/sarima.json", "w") as fh:
    json.dump(out, fh, indent=1)
for c in out["sarima"]:
    print(c["series"], c["order"], c["seasonal_order"], dict(zip(c["param_names"], np.round(c["params"], 5))),
          "llf", round(c["llf"], 5), "simple diff", round(c.get("llf_simple_differencing", np.nan), 5),
          "best", round(c["best_llf_random_starts"], 5), "aic", round(c["aic"], 3), "bic", round(c["bic"], 3),
          "n", c["nobs_likelihood"], c.get("ljung_box_residuals_24"))
print(out["ljung_box"]["cases"])
