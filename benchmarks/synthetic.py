"""Synthetic benchmark data drawn from the models themselves (seeded, reproducible).

- :func:`bgnbd_customers`: a customer summary from the BG/NBD model (Fader, Hardie & Lee 2005a,
  section 2): purchase rate ``lambda ~ Gamma(r, alpha)``, dropout probability
  ``p ~ Beta(a, b)`` applied after every purchase, Poisson purchases while alive.
- :func:`pareto_customers`: the same from the Pareto/NBD model (Schmittlein, Morrison &
  Colombo 1987): ``lambda ~ Gamma(r, alpha)``, exponential lifetime with rate
  ``mu ~ Gamma(s, beta)``.
- :func:`bgnbd_transactions`: a dated order log whose purchase times follow the BG/NBD model
  and whose amounts follow the Gamma-Gamma spend model (Fader, Hardie & Lee 2005b).

Customers enter uniformly over the first ``entry_weeks`` weeks and are observed until week
``observe_weeks``; times are whole days (recency and T in weeks = days / 7), like real order
logs. Defaults are the published CDNOW estimates.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

CDNOW_BGNBD = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
CDNOW_PARETO = {"r": 0.553, "alpha": 10.58, "s": 0.606, "beta": 11.67}
CDNOW_GAMMA_GAMMA = {"p": 6.25, "q": 3.74, "gamma": 15.44}


def _ages_in_days(rng: np.random.Generator, n: int, entry_weeks: int, observe_weeks: int):
    entry_day = rng.integers(0, entry_weeks * 7, size=n)
    return observe_weeks * 7 - entry_day


def _last_of_uniforms(rng, count: np.ndarray, span: np.ndarray, n_kept: np.ndarray):
    """Time of the ``n_kept``-th of ``count`` uniform arrivals on (0, span): a Beta order stat."""
    out = np.zeros(count.size)
    has = n_kept > 0
    k, m = n_kept[has], count[has]
    out[has] = span[has] * rng.beta(k, m - k + 1)
    return out


def bgnbd_customers(n: int, seed: int = 1, params: dict | None = None, *, entry_weeks: int = 12,
                    observe_weeks: int = 39) -> pd.DataFrame:
    """``n`` customers (frequency, recency, T in weeks) drawn from the BG/NBD model."""
    p = dict(CDNOW_BGNBD if params is None else params)
    rng = np.random.default_rng(seed)
    age_days = _ages_in_days(rng, n, entry_weeks, observe_weeks)
    rate = rng.gamma(p["r"], 1.0 / p["alpha"], size=n) / 7.0  # per day
    dropout = rng.beta(p["a"], p["b"], size=n)
    arrivals = rng.poisson(rate * age_days)
    purchases_alive = rng.geometric(dropout)  # purchases up to and including the last one
    frequency = np.minimum(arrivals, purchases_alive)
    recency_days = np.floor(_last_of_uniforms(rng, arrivals, age_days.astype(float), frequency))
    return pd.DataFrame({
        "customer_id": np.arange(1, n + 1),
        "frequency": frequency,
        "recency": recency_days / 7.0,
        "T": age_days / 7.0,
    })


def pareto_customers(n: int, seed: int = 2, params: dict | None = None, *, entry_weeks: int = 12,
                     observe_weeks: int = 39) -> pd.DataFrame:
    """``n`` customers (frequency, recency, T in weeks) drawn from the Pareto/NBD model."""
    p = dict(CDNOW_PARETO if params is None else params)
    rng = np.random.default_rng(seed)
    age_days = _ages_in_days(rng, n, entry_weeks, observe_weeks).astype(float)
    rate = rng.gamma(p["r"], 1.0 / p["alpha"], size=n) / 7.0
    death_rate = rng.gamma(p["s"], 1.0 / p["beta"], size=n) / 7.0
    lifetime = rng.exponential(1.0 / death_rate)
    active = np.minimum(lifetime, age_days)
    frequency = rng.poisson(rate * active)
    recency_days = np.floor(_last_of_uniforms(rng, frequency, active, frequency))
    return pd.DataFrame({
        "customer_id": np.arange(1, n + 1),
        "frequency": frequency,
        "recency": recency_days / 7.0,
        "T": age_days / 7.0,
    })


def bgnbd_transactions(n_transactions: int, seed: int = 3, *, start: str = "2023-01-01",
                       entry_weeks: int = 26, observe_weeks: int = 104) -> pd.DataFrame:
    """About ``n_transactions`` orders (customer_id, date, amount) from BG/NBD + Gamma-Gamma.

    Purchase behaviour: r 0.5, alpha 8 (weeks), a 0.8, b 4 over two years, a realistic mix of
    one-time buyers and regulars (about four orders per customer); amounts are Gamma(p, nu) with
    nu ~ Gamma(q, gamma) per customer (the CDNOW Gamma-Gamma estimates), in currency with cents.
    """
    rng = np.random.default_rng(seed)
    per_customer = 4.1
    n = max(1, int(n_transactions / per_customer))
    age_days = _ages_in_days(rng, n, entry_weeks, observe_weeks).astype(float)
    rate = rng.gamma(0.5, 1.0 / 8.0, size=n) / 7.0
    dropout = rng.beta(0.8, 4.0, size=n)
    arrivals = rng.poisson(rate * age_days)
    repeat = np.minimum(arrivals, rng.geometric(dropout))
    # repeat purchase times: the first `repeat` of `arrivals` sorted uniforms on the age
    owner = np.repeat(np.arange(n), arrivals)
    times = rng.random(owner.size) * age_days[owner]
    order = np.lexsort((times, owner))
    owner, times = owner[order], times[order]
    rank = np.arange(owner.size) - np.repeat(np.cumsum(arrivals) - arrivals, arrivals)
    keep = rank < repeat[owner]
    owner = np.concatenate([np.arange(n), owner[keep]])
    offset = np.concatenate([np.zeros(n), np.floor(times[keep])])
    entry = observe_weeks * 7 - age_days
    dates = pd.Timestamp(start) + pd.to_timedelta(entry[owner] + offset, unit="D")
    gg = CDNOW_GAMMA_GAMMA
    scale = rng.gamma(gg["q"], 1.0 / gg["gamma"], size=n)
    amounts = np.round(rng.gamma(gg["p"], 1.0 / scale[owner]), 2) + 0.01
    frame = pd.DataFrame({
        "customer_id": pd.Series(owner + 1).map("C{:07d}".format).astype("string"),
        "date": dates.to_numpy().astype("datetime64[us]"),
        "amount": amounts,
    })
    return frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)


def bgnbd_summary_with_spend(n: int, seed: int = 7) -> pd.DataFrame:
    """``n`` customers from :func:`bgnbd_customers` with a Gamma-Gamma mean repeat spend.

    ``monetary_value`` is the mean of ``frequency`` Gamma(p, nu) amounts, nu ~ Gamma(q, gamma)
    per customer (CDNOW estimates), rounded to cents; 0 for customers without repeats.
    """
    frame = bgnbd_customers(n, seed=seed)
    rng = np.random.default_rng(seed + 1)
    gg = CDNOW_GAMMA_GAMMA
    scale = rng.gamma(gg["q"], 1.0 / gg["gamma"], size=n)
    repeats = frame["frequency"].to_numpy()
    total = rng.gamma(gg["p"] * np.maximum(repeats, 1), 1.0 / scale)
    frame["monetary_value"] = np.where(repeats > 0,
                                       np.round(total / np.maximum(repeats, 1), 2), 0.0)
    return frame
