"""The computations the window runs in a worker thread, each a plain function over the core.

Each job takes the core's ``progress(fraction, message)`` and ``cancel()`` callbacks (see
:mod:`clvdesk.app.workers`) and returns what the session stores. The app does no calculation of
its own: everything here is a call into :mod:`clvdesk.core`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


from clvdesk.app.project import DataSource
from clvdesk.core.errors import Cancelled, InputError

#: Keys of the session's assumptions that are UI settings, not pipeline inputs.
UI_ONLY_ASSUMPTIONS = ("currency",)

#: Most order rows the window holds (``CLVDESK_PREVIEW_ROWS`` in the environment sets another
#: number). A larger table stays in the worker: the window gets its first rows to show, and the
#: quality counts, segment lists and analysis use every row (the analysis reads the file again
#: in its own worker process).
PREVIEW_ROWS = int(os.environ.get("CLVDESK_PREVIEW_ROWS") or 1_000_000)

#: Memory the engine may use for a file it reads itself (``CLVDESK_MEMORY_LIMIT`` sets another:
#: ``8GB``, ``25%``). DuckDB's own default of 80 % leaves too little for the worker's customer
#: tables and the window: a 100M-row analysis reached 24 GB on a 24 GB machine.
ENGINE_MEMORY = os.environ.get("CLVDESK_MEMORY_LIMIT") or "40%"

#: Orders per chunk when a file read by the engine is written out (about 50 MB of pandas).
EXPORT_CHUNK_ROWS = 500_000

#: Columns a segment split can use (the Costs page's choice); their values are listed in full.
SPLIT_COLUMNS = ("segment", "channel")


@dataclass
class LoadedData:
    """A read order table with its :class:`clvdesk.core.quality.QualityReport`."""

    orders: pd.DataFrame
    quality: Any
    source: DataSource
    #: settings for a new analysis of these orders (:class:`clvdesk.core.suggest.Suggestion`)
    suggestion: Any = None
    #: canonical column -> the file's own header
    headers: dict[str, str] | None = None
    #: rows of the whole order table (``orders`` holds at most :data:`PREVIEW_ROWS` of them)
    total_rows: int = 0
    #: each split column's distinct values over the whole table, sorted
    segment_values: dict[str, list[str]] = field(default_factory=dict)

    @property
    def is_preview(self) -> bool:
        """True when ``orders`` is the first part of a larger table."""
        return self.total_rows > len(self.orders)


def read_source(source: DataSource, progress=None, cancel=None, *,
                fallback_currency: str = "€") -> LoadedData:
    """Read the orders ``source`` points at, report their quality and suggest settings.

    The suggestion (:func:`clvdesk.core.suggest.suggest_assumptions`) takes the currency from
    the amounts when they carry one, else ``fallback_currency`` (the user's locale).
    """
    _check(cancel)
    if source.kind == "demo":
        from clvdesk.core.datasets import load_cdnow

        _say(progress, 0.1, "loading the CDNOW demo data")
        orders = load_cdnow(segment=True)  # the demo segments of Assumptions.demo()
    elif source.kind == "manual":
        from clvdesk.app.order_records import records_to_orders

        orders = records_to_orders(source.records)
    elif source.kind == "file":
        from clvdesk.core.orderlog.files import parquet_rows

        columns = engine_columns_of(source)
        if columns is not None and parquet_rows(source.path) > PREVIEW_ROWS:
            return _read_with_engine(source, columns, progress, fallback_currency)
        imported = _import(source, _scaled(progress, 0.0, 0.8), cancel)
    else:
        raise InputError("no data yet: enter orders, import a file or open the demo")
    _check(cancel)
    _say(progress, 0.85, "checking data quality")
    from clvdesk.core.quality import quality_report
    from clvdesk.core.suggest import suggest_assumptions

    if source.kind == "file":
        quality = quality_report(imported)
        orders = imported.orders
        suggestion = suggest_assumptions(imported, fallback_currency=fallback_currency)
    else:
        quality = quality_report(orders)
        amounts = [row[2] for row in source.records if len(row) > 2]
        suggestion = suggest_assumptions(orders, amounts=amounts,
                                         fallback_currency=fallback_currency)
    _say(progress, 1.0, "done")
    total = len(orders)
    return LoadedData(orders=orders.head(PREVIEW_ROWS) if total > PREVIEW_ROWS else orders,
                      quality=quality, source=source, suggestion=suggestion,
                      headers=suggestion.headers, total_rows=total,
                      segment_values=split_values(orders))


def engine_columns_of(source: DataSource) -> dict[str, str] | None:
    """The columns for the engine when it reads ``source`` itself (a typed Parquet file,
    :func:`clvdesk.core.orderlog.files.engine_columns`), else None (the importer reads it)."""
    from clvdesk.core.orderlog.files import engine_columns

    if source.kind != "file" or not source.path:
        return None
    return engine_columns(source.path, source.mapping,
                          {**source.options, "sheet": source.sheet})


def _read_with_engine(source: DataSource, columns: dict[str, str], progress,
                      fallback_currency: str) -> LoadedData:
    """A typed Parquet file above :data:`PREVIEW_ROWS` orders, read by the engine out of core
    (a 100M-row file needs no pandas copy): its quality, suggestion and split values come from
    queries, the window gets its first :data:`PREVIEW_ROWS` valid orders. Cancel ends the
    worker process (the query itself has no cancel checks)."""
    from clvdesk.core.quality import quality_report
    from clvdesk.core.suggest import suggest_assumptions

    _say(progress, 0.05, "reading the order file into the engine")
    with _file_log(source, columns) as log:
        _say(progress, 0.6, "checking data quality")
        quality = quality_report(log)
        suggestion = suggest_assumptions(log, fallback_currency=fallback_currency)
        _say(progress, 0.9, "reading the first orders to show")
        orders = log.head(PREVIEW_ROWS)
        values = {column: log.labels(column) for column in SPLIT_COLUMNS
                  if column in log.extras}
        total = log.rows
    _say(progress, 1.0, "done")
    return LoadedData(orders=orders, quality=quality, source=source, suggestion=suggestion,
                      headers=suggestion.headers, total_rows=total, segment_values=values)


def _file_log(source: DataSource, columns: dict[str, str]):
    """The order file validated by the engine, within :data:`ENGINE_MEMORY` (beyond it DuckDB
    spills to a temporary folder, removed when the log closes)."""
    from clvdesk.core.orderlog import EngineSettings, OrderLog

    return OrderLog.from_file(source.path, columns=columns,
                              settings=EngineSettings(memory_limit=ENGINE_MEMORY))


def split_values(orders: pd.DataFrame) -> dict[str, list[str]]:
    """Each split column's distinct values (trimmed, blanks left out), sorted."""
    values = {}
    for column in SPLIT_COLUMNS:
        if column in orders.columns:
            found = orders[column].dropna().astype(str).str.strip()
            values[column] = sorted(found[found != ""].unique())
    return values


def pipeline_assumptions(values: dict[str, Any]):
    """The core's ``Assumptions`` from the session's assumption values."""
    from clvdesk.core.pipeline import Assumptions

    known = set(Assumptions.__dataclass_fields__)
    kwargs = {k: v for k, v in values.items() if k in known and k not in UI_ONLY_ASSUMPTIONS}
    return Assumptions(**kwargs)


def analyse(orders: pd.DataFrame | DataSource, values: dict[str, Any], progress=None,
            cancel=None):
    """Run the whole analysis (summary, fit, predictions, segments, cohorts, model check).

    ``orders``: the order table, or the source to read it from again when the window holds only
    its first rows (:data:`PREVIEW_ROWS`).
    """
    from clvdesk.core.pipeline import run_analysis

    assumptions = pipeline_assumptions(values)
    if isinstance(orders, DataSource):
        columns = engine_columns_of(orders)
        if columns is not None:  # the engine reads the file: no pandas copy of its rows
            _say(progress, 0.0, "reading the order file into the engine")
            with _file_log(orders, columns) as log:
                return run_analysis(log, assumptions, progress=_scaled(progress, 0.1, 1.0),
                                    cancel=cancel)
        orders = read_orders_of(orders, _scaled(progress, 0.0, 0.3), cancel)
        progress = _scaled(progress, 0.3, 1.0)
    return run_analysis(orders, assumptions, progress=progress, cancel=cancel)


def read_orders_of(source: DataSource, progress=None, cancel=None) -> pd.DataFrame:
    """The whole order table of a file source, read as the import read it."""
    return _import(source, progress, cancel).orders


def _import(source: DataSource, progress, cancel):
    from clvdesk.core.io.readers import read_orders

    if source.kind != "file" or not source.path:
        raise InputError(code="no_data_file")
    return read_orders(Path(source.path), sheet=source.sheet, mapping=source.mapping or None,
                       progress=progress, cancel=cancel, **source.options)


def save_orders(source: DataSource, path: Path, headers: dict[str, str], csv_style: str,
                progress=None, cancel=None) -> Path:
    """Write the whole order table of ``source`` to ``path`` (the Export page's orders table
    when the window holds only its first rows)."""
    from clvdesk.core.io.tables import XLSX_MAX_ROWS, write_table, write_table_chunks

    columns = engine_columns_of(source)
    if columns is not None:  # the engine reads the file: written in chunks, out of core
        _say(progress, 0.0, "reading the order file into the engine")
        with _file_log(source, columns) as log:
            _say(progress, 0.3, "writing the table")
            if Path(path).suffix.lower() not in (".csv", ".parquet"):
                if log.rows + 1 > XLSX_MAX_ROWS:  # said before the rows are read
                    raise InputError(code="too_many_rows_for_xlsx", rows=f"{log.rows:,}",
                                     limit=f"{XLSX_MAX_ROWS - 1:,}")
                return write_table(log.head(log.rows).rename(columns=headers), path,
                                   index=False, csv_style=csv_style)
            return write_table_chunks((chunk.rename(columns=headers)
                                       for chunk in log.chunks(EXPORT_CHUNK_ROWS)),
                                      path, csv_style=csv_style)
    orders = read_orders_of(source, _scaled(progress, 0.0, 0.8), cancel)
    _say(progress, 0.8, "writing the table")
    return write_table(orders.rename(columns=headers), path, index=False, csv_style=csv_style)


def _check(cancel) -> None:
    if cancel is not None and cancel():
        raise Cancelled()


def _say(progress, fraction: float, message: str) -> None:
    if progress is not None:
        progress(fraction, message)


def _scaled(progress, start: float, end: float):
    if progress is None:
        return None
    return lambda fraction, message="": progress(start + (end - start) * fraction, message)
