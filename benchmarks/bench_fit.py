"""Whole-process model fits on a 1,000,000-customer summary file: clvdesk against lifetimes.

Each side is one fresh process that reads the CSV summary file and fits, as a user runs it:
``clvdesk fit bgnbd FILE --json`` against a script that reads the file with pandas and calls
lifetimes' ``BetaGeoFitter().fit`` (``ParetoNBDFitter`` for Pareto/NBD). The data are drawn from
the model itself with the CDNOW estimates (benchmarks/synthetic.py, seeded). Both parameter sets
are then scored with lifetimes' own likelihood function, so "equal or better log-likelihood"
is judged by the peer. Goals (issue 3): BG/NBD >= 10x at equal or better LL; Pareto/NBD >= 10x.

    python benchmarks/bench_fit.py [--customers 1000000] [--runs 3] [--model bgnbd|pareto-nbd]
"""

from __future__ import annotations

import argparse
import json
import sys

import harness
import synthetic

GOAL = 10.0
PEER_TASKS = {"bgnbd": "bgnbd", "pareto-nbd": "pareto"}
GENERATORS = {"bgnbd": synthetic.bgnbd_customers, "pareto-nbd": synthetic.pareto_customers}


def bench(model: str, customers: int, runs: int) -> bool:
    label = f"{model} fit, {customers:,} customers from a CSV file"
    print(f"{label}:", flush=True)
    data = harness.cached(
        f"{PEER_TASKS[model]}_{customers}.csv",
        lambda path: GENERATORS[model](customers).to_csv(path, index=False),
    )
    peer = harness.peer_python()
    ours_s, ours = harness.best_of(
        runs, lambda: harness.timed_process(harness.clvdesk_command("fit", model, str(data),
                                                                    "--json")))
    print(f"  clvdesk   {ours_s:7.2f} s  {_shown(ours['params'])}", flush=True)
    peer_s, theirs = harness.timed_process([peer, str(harness.BENCH_DIR / "peer_lifetimes.py"),
                                            f"fit-{PEER_TASKS[model]}", str(data)])
    print(f"  lifetimes {peer_s:7.2f} s  {_shown(theirs['params'])}", flush=True)
    ll_ours = _loglik(peer, model, data, ours["params"])
    ll_peer = _loglik(peer, model, data, theirs["params"])
    better = ll_ours >= ll_peer - 1e-6 * abs(ll_peer)
    print(f"  log-likelihood by lifetimes' own function: clvdesk {ll_ours:.2f}, "
          f"lifetimes {ll_peer:.2f} ({'equal or better' if better else 'WORSE'})", flush=True)
    met = harness.report(f"{model} fit {customers:,} customers", ours_s, peer_s, GOAL,
                         note=f"LL {ll_ours - ll_peer:+.2f} vs lifetimes")
    return met and better


def _loglik(python: str, model: str, data, params: dict) -> float:
    _, result = harness.timed_process([python, str(harness.BENCH_DIR / "peer_lifetimes.py"),
                                       f"loglik-{PEER_TASKS[model]}", str(data),
                                       json.dumps(params)])
    return float(result["log_likelihood"])


def _shown(params: dict) -> str:
    return ", ".join(f"{k} {v:.4g}" for k, v in params.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3, help="clvdesk runs (the best counts)")
    parser.add_argument("--model", choices=sorted(PEER_TASKS), action="append")
    args = parser.parse_args(argv)
    ok = True
    for model in args.model or ["bgnbd", "pareto-nbd"]:
        try:
            ok = bench(model, args.customers, args.runs) and ok
        except RuntimeError as exc:
            print(f"RESULT {model} fit: not measured ({str(exc).strip().splitlines()[-1]})")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
