"""The peer side of the benchmarks: what a lifetimes user runs, as one process.

    python peer_lifetimes.py fit-bgnbd SUMMARY.csv
    python peer_lifetimes.py fit-pareto SUMMARY.csv
    python peer_lifetimes.py summarize ORDERS.parquet
    python peer_lifetimes.py loglik-bgnbd SUMMARY.csv '{"r": .., "alpha": .., "a": .., "b": ..}'
    python peer_lifetimes.py loglik-pareto SUMMARY.csv '{"r": .., "alpha": .., "s": .., "beta": ..}'

Prints one JSON line: the fitted parameters (natural scale), the summary size, or the total
log-likelihood of given parameters by lifetimes' own likelihood functions (the neutral judge of
"equal or better log-likelihood"), and the seconds spent inside the process. Run by the bench_*.py scripts with the interpreter that has
lifetimes (see harness.peer_python); never imported by clvdesk.
"""

from __future__ import annotations

import json
import sys
import time


def main(argv: list[str]) -> None:
    started = time.perf_counter()
    task, path = argv[0], argv[1]
    import numpy as np
    import pandas as pd

    if task == "summarize":
        from lifetimes.utils import summary_data_from_transaction_data

        orders = pd.read_parquet(path)
        summary = summary_data_from_transaction_data(
            orders, "customer_id", "date", monetary_value_col="amount", freq="D")
        result = {"customers": int(len(summary)), "repeat": int((summary["frequency"] > 0).sum())}
    elif task.startswith("loglik"):
        from lifetimes import BetaGeoFitter, ParetoNBDFitter

        data = pd.read_csv(path)
        params = json.loads(argv[2])
        f, r, t = (data[c].to_numpy(dtype=float) for c in ("frequency", "recency", "T"))
        ones = np.ones(len(f))
        if task == "loglik-bgnbd":
            log_params = np.log([params[k] for k in ("r", "alpha", "a", "b")])
            mean = BetaGeoFitter._negative_log_likelihood(log_params, f, r, t, ones, 0.0)
            total = -float(mean) * len(f)
        else:
            values = [params[k] for k in ("r", "alpha", "s", "beta")]
            total = -float(ParetoNBDFitter._negative_log_likelihood(values, f, r, t, ones, 0.0))
        result = {"log_likelihood": total}
    else:
        from lifetimes import BetaGeoFitter, ParetoNBDFitter

        np.random.seed(0)  # ParetoNBDFitter starts Nelder-Mead from a random point
        data = pd.read_csv(path)
        fitter = BetaGeoFitter() if task == "fit-bgnbd" else ParetoNBDFitter()
        fitter.fit(data["frequency"], data["recency"], data["T"])
        result = {"params": {k: float(v) for k, v in fitter.params_.items()}}
    result["seconds_inside"] = time.perf_counter() - started
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
