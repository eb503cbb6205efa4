"""What the table UDFs compute, as core calls on tables read from ranges, with caching.

Each function takes the already-converted inputs (DataFrames, floats, names) and returns a
DataFrame the UDF spills; the numbers come from :mod:`clvdesk.core` (summarize, the models,
:func:`clvdesk.core.clv.predict_clv`, :func:`clvdesk.core.segments.segment_clv`). Fits and
summaries are cached by content (:mod:`excel_addin.model_cache`).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core import units
from clvdesk.core.clv import predict_clv
from clvdesk.core.errors import DataError, InputError
from clvdesk.core.io.mapping import resolve_mapping
from clvdesk.core.models import MODELS, get_model
from clvdesk.core.pipeline import TRANSACTION_MODEL_NAMES
from clvdesk.core.segments import segment_clv
from clvdesk.core.summary import summarize
from excel_addin import model_cache
from excel_addin.columns import header_name, table_from_grid
from excel_addin.model_cache import TABLES, digest
from excel_addin.ranges import (
    alive_counts_from_range,
    is_summary_range,
    orders_from_range,
    summary_from_range,
)

#: Columns CLV_SUMMARY spills, in order (the index ``customer_id`` comes first).
SUMMARY_COLUMNS = ("frequency", "recency", "T", "monetary_value", "first_purchase",
                   "last_purchase", "n_orders", "total_spend")
#: Columns CLV_PREDICT spills when present.
PREDICT_COLUMNS = ("frequency", "recency", "T", "p_alive", "expected_purchases",
                   "expected_spend", "clv", "clv_low", "clv_high")
#: Model used when parameters alone cannot tell BG/NBD from MBG/NBD (same names r, alpha, a, b).
DEFAULT_MODEL = "bgnbd"
#: Parameter draws for the CLV interval, and their seed (results are reproducible per input).
N_DRAWS = 200
SEED = 2005


def customer_summary(data: Any, *, end: pd.Timestamp | None, period: str,
                     name: str = "orders") -> pd.DataFrame:
    """A per-customer summary from an orders range, or the summary range itself as given.

    An orders range is summarised with :func:`clvdesk.core.summary.summarize` (``period`` the
    unit of recency and T, ``end`` the last day observed, default the last order); the result
    is cached by the content of the orders.
    """
    period = units.parse_unit(period)
    if is_summary_range(data):
        summary = summary_from_range(data, name)
        summary.attrs["period"] = period
        return summary
    orders = orders_from_range(data, name)
    key = ("summary", digest(orders, period, end))
    return TABLES.get_or_compute(key, lambda: summarize(orders, period=period, end=end))


def fit_table(data: Any, model_name: str, *, end: pd.Timestamp | None,
              period: str) -> pd.DataFrame:
    """The parameter table CLV_FIT spills: one row per parameter (value, standard error), then
    the log-likelihood, customers, AIC and BIC, then the model's name and the time unit.

    ``data``: orders or a customer summary (frequency, recency, T, optional monetary_value
    and weights); for ``bgbb`` a summary with frequency, recency, periods (and weights); for
    ``sbg`` the customers still active at period 0, 1, 2, ...
    """
    model_class = get_model(model_name)
    name = model_class.name
    if name == "sbg":
        model = model_cache.fitted_model(name, np.array(alive_counts_from_range(data)))
        unit = None  # periods as the user counted them
    elif name == "bgbb":
        if not is_summary_range(data, ("frequency", "recency", "periods")):
            raise InputError("bgbb fits on a summary range with columns frequency, recency, "
                             "periods (and weights: customers per row)")
        summary = summary_from_range(data, "data", ("frequency", "recency", "periods"))
        model = model_cache.fitted_model(
            name, *(summary[c].to_numpy(dtype=float) for c in ("frequency", "recency", "periods")),
            weights=_weights(summary))
        unit = None
    else:
        summary = customer_summary(data, end=end, period=period, name="data")
        _require_columns(summary, ("frequency", "recency", "T"))
        if name == "gamma-gamma":
            _require_columns(summary, ("monetary_value",))
            model = model_cache.fitted_spend_model(
                summary["frequency"].to_numpy(dtype=float),
                summary["monetary_value"].to_numpy(dtype=float), _weights(summary))
        else:
            model = model_cache.fitted_transaction_model(name, *_rfm(summary),
                                                         weights=_weights(summary))
        unit = summary.attrs.get("period", period)
    rows = [(k, v, model.std_errors.get(k, math.nan)) for k, v in model.params.items()]
    rows += [
        ("log-likelihood", model.log_likelihood, None),
        ("customers", model.n_customers, None),
        ("AIC", model.aic, None),
        ("BIC", model.bic, None),
        ("model", name, None),
    ]
    if getattr(model, "penalty", 0.0) > 0:  # regularised: the data alone do not identify it
        rows.append(("penalty", model.penalty, None))
    if unit is not None:
        rows.append(("period", unit, None))
    return pd.DataFrame(rows, columns=["parameter", "value", "std_error"], dtype=object)


def _weights(summary: pd.DataFrame) -> np.ndarray | None:
    return summary["weights"].to_numpy(dtype=float) if "weights" in summary.columns else None


#: Models whose parameters CLV_PALIVE and CLV_EXPECTED_PURCHASES take (BG/BB with T = the
#: number of purchase opportunities and horizon = future opportunities).
PURCHASE_MODELS = (*TRANSACTION_MODEL_NAMES, "bgbb")


def model_for_params(params: dict[str, float], info: dict[str, str], model_name: str | None,
                     allowed: tuple[str, ...] = PURCHASE_MODELS) -> Any:
    """The model a parameter range describes: named by the argument, else by the range's
    ``model`` row, else recognised from the parameter names (``r, alpha, a, b`` -> BG/NBD).
    Raises :class:`InputError` unless it is one of ``allowed``."""
    name = model_name or info.get("model")
    if not name:
        matching = [key for key, cls in MODELS.items() if set(cls.param_names) == set(params)]
        if not matching:
            raise InputError(f"no model has the parameters {', '.join(params)}; "
                             "give the model name")
        name = DEFAULT_MODEL if DEFAULT_MODEL in matching else matching[0]
    if get_model(name).name not in allowed:
        raise InputError(f"these are {get_model(name).name} parameters; this function needs "
                         f"{', '.join(allowed)} parameters")
    return model_cache.model_from_params(name, params)


def predictions(data: Any, *, horizon_months: float, margin: float, discount_rate: float,
                model_name: str, end: pd.Timestamp | None, period: str) -> pd.DataFrame:
    """Per-customer predictive CLV (:func:`clvdesk.core.clv.predict_clv`) over
    ``horizon_months`` months with a ``margin`` fraction and a ``discount_rate`` per year,
    from a transaction model and the Gamma-Gamma spend model fitted on the same data."""
    summary = customer_summary(data, end=end, period=period, name="orders")
    _require_columns(summary, ("frequency", "recency", "T", "monetary_value"))
    key = ("predict", digest(summary[["frequency", "recency", "T", "monetary_value"]],
                             summary.attrs.get("period"), horizon_months, margin,
                             discount_rate, get_model(model_name).name))

    def compute() -> pd.DataFrame:
        frequency, recency, T = _rfm(summary)
        if not (frequency > 0).any():
            raise DataError("no customer bought more than once: the models cannot estimate "
                            "how often customers buy again")
        model = model_cache.fitted_transaction_model(model_name, frequency, recency, T)
        spend = model_cache.fitted_spend_model(
            frequency, summary["monetary_value"].to_numpy(dtype=float))
        result = predict_clv(model, spend, summary, horizon=horizon_months,
                             horizon_unit="months", margin=margin,
                             annual_discount_rate=discount_rate, n_draws=N_DRAWS,
                             rng=np.random.default_rng(SEED))
        return result[[c for c in PREDICT_COLUMNS if c in result.columns]]

    return TABLES.get_or_compute(key, compute)


def segments_table(data: Any, segment_column: str | None, *, margin: float | None,
                   cac: float | dict[str, float] | None,
                   lifespan_years: float | dict[str, float] | None,
                   end: pd.Timestamp | None) -> pd.DataFrame:
    """Three-factor CLV per segment (:func:`clvdesk.core.segments.segment_clv`)."""
    orders = orders_from_range(data, "orders")
    column = None
    if segment_column is not None:
        column = _orders_column(orders, data, segment_column)
    return segment_clv(orders, column, end=end, lifespan_years=lifespan_years, margin=margin,
                       cac=cac)


def _orders_column(orders: pd.DataFrame, data: Any, wanted: str) -> str:
    """The order-table column for a header the user named (canonical or as in the range)."""
    if wanted in orders.columns:
        return wanted
    raw_columns = table_from_grid(data, "orders").columns
    mapping = resolve_mapping(raw_columns)
    for canonical, source in mapping.items():
        if header_name(source) == header_name(wanted):
            return canonical
    if header_name(wanted) in {header_name(c) for c in orders.columns}:
        return next(c for c in orders.columns if header_name(c) == header_name(wanted))
    raise InputError(f"segment column {wanted!r} not found; columns are: "
                     f"{', '.join(map(str, raw_columns))}")


def _rfm(summary: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (summary["frequency"].to_numpy(dtype=float),
            summary["recency"].to_numpy(dtype=float), summary["T"].to_numpy(dtype=float))


def _require_columns(summary: pd.DataFrame, columns: tuple[str, ...]) -> None:
    missing = [c for c in columns if c not in summary.columns]
    if missing:
        raise InputError(f"the summary range needs a {missing[0]} column")
