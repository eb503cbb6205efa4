"""Ranges with a header row read as the core's tables: orders, customer summaries, parameters.

An orders range has one row per order under headers the core's column mapping recognises in
English or Dutch (``klantnummer``, ``orderdatum``, ``bedrag``...; see
:mod:`clvdesk.core.io.mapping`). A summary range has ``frequency``, ``recency`` and ``T`` (and
optionally ``monetary_value``) per customer, as :func:`CLV_SUMMARY` spills it. A parameter
range is two columns, name and value, as :func:`CLV_FIT` spills it (extra columns ignored).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core.errors import InputError
from clvdesk.core.io.mapping import NUMERIC, resolve_mapping
from clvdesk.core.summary_rows import SourceRows, attach, check_summary_columns, located
from excel_addin.cells import (
    CellError,
    as_grid,
    excel_error_in,
    is_empty,
    parse_number_text,
    to_number,
    to_text,
)
from excel_addin.columns import (
    dates_column,
    find_column,
    header_name,
    numbers_column,
    table_from_grid,
)

#: Headers of a customer summary range (any case; ``T`` may also be ``age``).
SUMMARY_COLUMNS: dict[str, tuple[str, ...]] = {
    "frequency": ("frequency", "x", "frequentie"),
    "recency": ("recency", "t_x", "recentheid"),
    "T": ("T", "age", "leeftijd"),
    "monetary_value": ("monetary_value", "zbar", "m", "avg_spend"),
    "periods": ("periods", "n_periods", "n", "opportunities", "perioden"),
    "weights": ("weights", "weight", "count", "customers", "n_customers", "aantal"),
}
#: Headers of the column of alive counts for sBG, best first.
ALIVE_HEADERS = ("alive", "active", "customers", "pct_active", "actief", "klanten")
#: Rows of a parameter range that are not model parameters.
INFO_ROWS = ("model", "period", "log_likelihood", "log-likelihood", "aic", "bic", "customers",
             "n_customers", "parameter", "name")
_INFO_KEYS = frozenset(header_name(r) for r in INFO_ROWS)


def orders_from_range(value: Any, name: str = "orders") -> pd.DataFrame:
    """An orders range as the canonical order table (``customer_id``, ``date``, ``amount``...).

    Columns the mapping does not recognise are kept as text under their own header (so any
    column can be a segment).
    Customer ids typed as numbers (``1001``, read by Excel as ``1001.0``) become ``"1001"``.
    Bad cells raise :class:`InputError` naming the row: ``"orders: row 7: amount must be a
    number"``.
    """
    raw = table_from_grid(value, name)
    mapping = resolve_mapping(raw.columns)
    orders = pd.DataFrame(index=pd.RangeIndex(len(raw)))
    for canonical, source in mapping.items():
        column = raw[source].tolist()
        if canonical == "date":
            orders["date"] = dates_column(column, name, source)
        elif canonical in NUMERIC:
            orders[canonical] = numbers_column(column, name, source)
        else:
            orders[canonical] = _text_column(column, name, source)
    mapped = set(mapping.values())
    for source in raw.columns:
        if source not in mapped and source not in orders.columns:
            orders[source] = _optional_text_column(raw[source].tolist())
    return orders


def _optional_text_column(values: list[Any]) -> pd.Series:
    """An extra column (a segment such as ``Regio``) as text; empty cells stay missing."""
    out = [None if is_empty(v) else to_text(v, "value") if excel_error_in(v) is None else None
           for v in values]
    return pd.Series(out, dtype="str")


def _text_column(values: list[Any], name: str, column: str,
                 rows: np.ndarray | None = None) -> pd.Series:
    """Cells as text; a bad cell names its row in the range (``rows``: each value's row,
    default the rows right under the header)."""
    out = []
    for i, v in enumerate(values):
        try:
            out.append(to_text(v, column))
        except InputError as exc:
            row = i + 2 if rows is None else int(rows[i])
            raise InputError(f"{name}: row {row}: {exc}") from None
    return pd.Series(out, dtype="str")


def is_summary_range(value: Any, required: tuple[str, ...] = ("frequency", "recency", "T")
                     ) -> bool:
    """True when the range's header row has the ``required`` summary columns (by default
    frequency, recency and T: a customer summary)."""
    header = {header_name(v) for v in as_grid(value)[0]}
    return all(any(header_name(a) in header for a in SUMMARY_COLUMNS[c]) for c in required)


def summary_from_range(value: Any, name: str = "summary",
                       required: tuple[str, ...] = ("frequency", "recency", "T")) -> pd.DataFrame:
    """A customer summary range as a DataFrame with the ``required`` columns and whichever
    other :data:`SUMMARY_COLUMNS` it has (``monetary_value``, ``periods``, ``weights``...), in
    whatever time unit the range was made in."""
    raw = table_from_grid(value, name)
    rows = SourceRows("range_row", numbers=raw.attrs["range_rows"])
    customer = find_column(raw, ("customer_id", "customer", "klant", "id"), "customer", name,
                           required=False)
    ids = None if customer is None else _text_column(raw[customer].tolist(), name, customer,
                                                     raw.attrs["range_rows"])

    def locate(position: int, problem: InputError) -> InputError:
        return located(problem, None if ids is None else ids.to_numpy(), rows, position)

    summary = pd.DataFrame(index=pd.RangeIndex(len(raw)))
    labels = {}
    for canonical, aliases in SUMMARY_COLUMNS.items():
        column = find_column(raw, aliases, canonical, name, required=canonical in required)
        if column is not None:
            labels[canonical] = column
            numbers = numbers_column(raw[column].tolist(), name, column, locate=locate)
            missing = np.flatnonzero(np.isnan(numbers))
            if missing.size:
                error = locate(int(missing[0]),
                               InputError(code="summary_missing_value", column=column))
                error.excel_code = "#N/A"
                raise error
            summary[canonical] = numbers
    if ids is not None:
        summary.index = pd.Index(ids, name="customer_id")
    rows.named = ids is not None
    attach(summary, rows)
    check_summary_columns({c: summary[c].to_numpy() for c in summary.columns},
                          None if ids is None else ids.to_numpy(), rows, labels)
    return summary


def params_from_range(value: Any, name: str = "parameters") -> tuple[dict[str, float], dict[str, str]]:
    """A parameter range as ``(params, info)``: ``{"r": 0.24, ...}`` and ``{"model": "bgnbd",
    "period": "weeks"}``.

    Takes the first two columns as name and value (or, for two rows, the names across the
    first row and the values below); a header row (``parameter | value``), blank rows and the
    fit statistics rows (log-likelihood, AIC...) are skipped.
    """
    grid = as_grid(value)
    if len(grid) == 2 and len(grid[0]) > 2 and all(isinstance(v, str) for v in grid[0]):
        grid = [list(col) for col in zip(*grid, strict=True)]  # names across a row, values below
    if len(grid[0]) < 2:
        raise InputError(f"{name} must be two columns: parameter name and value")
    params: dict[str, float] = {}
    info: dict[str, str] = {}
    for row in grid:
        key, cell = row[0], row[1]
        if is_empty(key):
            continue
        code = excel_error_in(key) or excel_error_in(cell)
        if code:
            raise CellError(code, f"{name} contain {code}")
        label = str(key).strip()
        lowered = header_name(label)
        if lowered in ("model", "period"):
            info[lowered] = to_text(cell, f"{name}: {label}")
            continue
        if lowered in _INFO_KEYS:
            continue
        number = to_number(cell, f"{name}: {label}")
        if not math.isfinite(number):
            raise InputError(f"{name}: {label} must be a finite number")
        params[label] = number
    if not params:
        raise InputError(f"{name} holds no parameter values")
    return params, info


#: Names accepted for scenario inputs (English and Dutch), by the core's input name.
SCENARIO_INPUTS: dict[str, tuple[str, ...]] = {
    "aov": ("aov", "average_order_value", "gemiddelde_orderwaarde", "orderwaarde"),
    "frequency": ("frequency", "purchases_per_year", "frequentie", "aankopen_per_jaar"),
    "lifespan": ("lifespan", "lifespan_years", "levensduur", "levensduur_jaren"),
    "cac": ("cac", "acquisition_cost", "acquisitiekosten", "wervingskosten"),
    "margin": ("margin", "gross_margin", "marge", "brutomarge"),
    "referral_value": ("referral_value", "referral", "verwijswaarde"),
    "growth_rate": ("growth_rate", "growth", "groei"),
    "discount_rate": ("discount_rate", "discount", "disconteringsvoet", "rente"),
}
_SCENARIO_NAME_HEADERS = ("scenario", "name", "naam")


def scenarios_from_range(value: Any, name: str = "scenarios") -> tuple[list[dict[str, Any]], bool]:
    """A scenario range as a list of ``{"name": ..., "aov": ..., ...}`` and whether the
    scenarios run across the columns.

    Either layout works: one scenario per row under a header row (``scenario | aov |
    frequency | lifespan | cac | margin``), or one per column with the input names in the first
    column and the scenario names in the first row. Empty optional inputs take their defaults.
    """
    grid = as_grid(value)
    by_alias = {header_name(a): key for key, aliases in SCENARIO_INPUTS.items() for a in aliases}
    header_keys = [by_alias.get(header_name(v)) for v in grid[0]]
    first_col_keys = [by_alias.get(header_name(row[0])) for row in grid]
    across_columns = "aov" not in header_keys and "aov" in first_col_keys
    if across_columns:
        grid = [list(col) for col in zip(*grid, strict=True)]
        header_keys = [by_alias.get(header_name(v)) for v in grid[0]]
    if "aov" not in header_keys:
        raise InputError(f"{name}: no 'aov' input found; label the inputs aov, frequency, "
                         "lifespan (and optionally cac, margin) in the first row or column")
    name_col = next((j for j, v in enumerate(grid[0])
                     if header_name(v) in _SCENARIO_NAME_HEADERS or
                     (j == 0 and header_keys[0] is None)), None)
    entries = []
    for number, row in enumerate(grid[1:], start=1):
        if all(is_empty(v) for v in row):
            continue
        label = row[name_col] if name_col is not None else None
        entry: dict[str, Any] = {
            "name": f"Scenario {number}" if is_empty(label) else to_text(label, "scenario name")}
        for key, cell in zip(header_keys, row, strict=True):
            if key is not None and not is_empty(cell):
                entry[key] = to_number(cell, f"{name}: {entry['name']}: {key}")
        entries.append(entry)
    if not entries:
        raise InputError(f"{name} holds no scenarios")
    return entries, across_columns


def alive_counts_from_range(value: Any, name: str = "data") -> list[float]:
    """Customers still active at period 0, 1, 2, ... (for sBG) from one column or row, or
    from a table with a header row (the column headed ``alive``/``active``..., else the last).
    Percentages (100, 63.1, ...) work as well as counts."""
    grid = as_grid(value)
    if len(grid) == 1:  # one row: the counts run across
        grid = [[v] for v in grid[0]]
    first = grid[0]
    has_header = any(isinstance(v, str) and parse_number_text(v) is None
                     and excel_error_in(v) is None for v in first)
    column = len(first) - 1
    if has_header:
        keys = [header_name(v) for v in first]
        column = next((keys.index(h) for h in ALIVE_HEADERS if h in keys),
                      next((j for j in range(len(keys) - 1, -1, -1)
                            if any(h in keys[j] for h in ALIVE_HEADERS)), column))
        grid = grid[1:]
    elif len(first) > 1:
        raise InputError(f"{name}: give one column of customers still active per period, or a "
                         "header such as 'alive'")
    counts = [to_number(row[column], f"{name}: alive") for row in grid if not is_empty(row[column])]
    if len(counts) < 2:
        raise InputError(f"{name} needs the customers active at period 0 and at least one later "
                         "period")
    return counts
