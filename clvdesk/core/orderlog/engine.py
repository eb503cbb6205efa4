"""The validated order table in an embedded DuckDB database, and the queries run on it.

An :class:`OrderLog` is built once from an in-memory order table (:meth:`OrderLog.from_frame`)
or from a CSV or Parquet file read by DuckDB itself (:meth:`OrderLog.from_file`). Building it
validates the rows once (:func:`clvdesk.core.orderlog.queries.validate`) into a temporary table;
the summary, cohorts, segment totals and quality counts then query that table.

DuckDB runs out of core: with ``memory_limit`` (``"4GB"``) it spills to a private temporary
folder (under ``temp_directory``, default the system's temporary folder), which is removed when
the log is closed (``close()``, the ``with`` block, or when the log is garbage-collected).
See https://duckdb.org/docs/configuration/overview (``memory_limit``, ``temp_directory``,
``threads``, ``preserve_insertion_order``).
"""

from __future__ import annotations

import functools
import re
import shutil
import tempfile
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core.errors import DataError, InputError
from clvdesk.core.orderlog import queries


@functools.cache
def _has_arrow() -> bool:
    """pyarrow (the io extra) gives zero-copy results; without it DuckDB's numpy export serves."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True

#: Optional canonical columns carried into the validated table when the source has them.
PASS_THROUGH = ("segment", "channel", "margin", "cost", "acquisition_cost")
#: Of those, the ones that hold numbers (others are labels, carried as text).
NUMERIC_PASS_THROUGH = ("margin", "cost", "acquisition_cost")
#: Further canonical columns a file log carries (an in-memory table keeps them in the frame):
#: ``nps`` for the latest score per customer, ``quantity`` so duplicates compare it too.
FILE_EXTRAS = ("quantity", "nps")
#: Formats :meth:`OrderLog.from_file` reads, by extension.
FILE_FORMATS = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".txt": "csv",
                ".tsv": "csv"}


@dataclass(frozen=True)
class EngineSettings:
    """How DuckDB may use the machine: ``memory_limit`` (DuckDB size text such as ``"4GB"``;
    None: DuckDB's default of 80 % of RAM), ``temp_directory`` (parent folder of the private
    spill folder; None: the system's temporary folder), ``threads`` (None: all cores)."""

    memory_limit: str | None = None
    temp_directory: str | Path | None = None
    threads: int | None = None


def connect(settings: EngineSettings | None = None):
    """A new in-memory DuckDB connection with its own spill folder: ``(connection, folder)``."""
    import duckdb

    settings = settings or EngineSettings()
    parent = None if settings.temp_directory is None else str(settings.temp_directory)
    if parent is not None and not Path(parent).is_dir():
        raise InputError(code="temp_dir_missing",
                         folder=parent)
    folder = tempfile.mkdtemp(prefix="clvdesk-duckdb-", dir=parent)
    config: dict[str, Any] = {"temp_directory": folder, "preserve_insertion_order": True}
    if settings.threads is not None:
        config["threads"] = int(settings.threads)
    try:
        con = duckdb.connect(":memory:", config=config)
        con.execute("SET enable_progress_bar = false")  # no bar on the user's terminal
        if settings.memory_limit is not None:
            con.execute(f"SET memory_limit = '{_size_text(settings.memory_limit)}'")
    except duckdb.Error as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise InputError(code="engine_settings", detail=str(error)) from None
    return con, folder


#: Text ids are trimmed of spaces, tabs and line breaks, blank as NULL (as the readers do),
#: after the validated copy is made: only ids that are empty or whose first or last character
#: is a space or a control character (below ``'!'``, text compares by its bytes) are
#: rewritten. TRIM with a character list on every id while copying costs 0.3 s of a 0.5 s
#: validation at 5M orders; the copy then this check cost 0.2 + 0.07 s (the first-character
#: test is answered from the table's per-block minima; ``ASCII()`` of both ends took 0.13 s).
_TRIM_IDS = (f"UPDATE {queries.VALID} SET customer_id = NULLIF(TRIM(customer_id, "
             f"{queries.WHITESPACE}), '') "
             "WHERE customer_id < '!' OR customer_id[-1] < '!'")
#: Examples recorded per reason a file row is left out (as the quality report lists them).
DROP_EXAMPLES = 5
#: The canonical column each reason of a left-out row is about (the readers' ``column``).
_DROP_COLUMN = {"missing_customer_id": "customer_id", "customer_id_too_long": "customer_id",
                "missing_date": "date", "date_out_of_range": "date", "unparseable_date": "date",
                "missing_amount": "amount", "unparseable_amount": "amount",
                "amount_out_of_range": "amount"}


@dataclass(frozen=True)
class DroppedRows:
    """The rows of a file :meth:`OrderLog.from_file` left out, recorded while it read the file.

    ``counts``: rows per reason (keys of :data:`clvdesk.core.messages.DROP_REASONS`, the
    readers' reasons; only reasons that occur, in that order); ``examples``: the first
    :data:`DROP_EXAMPLES` rows of each reason in the layout of
    :attr:`clvdesk.core.io.readers.ImportResult.dropped` (``row`` as the readers number it,
    ``reason``, ``column`` (the file's column), ``value`` (the cell as text)), sorted by row;
    ``blank_rows``: rows with every column used empty, which the readers skip and count apart.
    """

    counts: dict[str, int]
    examples: pd.DataFrame
    blank_rows: int

    @property
    def total(self) -> int:
        """Rows left out (blank rows not counted)."""
        return sum(self.counts.values())


#: A size DuckDB reads: a number with a unit (B, KB, MB, GB, TB, or KiB ... TiB) or a share.
_SIZE = re.compile(r"\d+(\.\d+)?(%|[kmgt]i?b|b)", re.IGNORECASE)


def _size_text(value: str) -> str:
    """A DuckDB size (``4GB``, ``500MB``) or share of the machine's memory (``40%``)."""
    text = str(value).strip().replace(" ", "")
    if not _SIZE.fullmatch(text):  # a bare number too: which unit is not ours to guess
        raise InputError(code="memory_limit_invalid", value=str(value))
    return text


def _close(con, folder: str) -> None:
    try:
        con.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class OrderLog:
    """A validated order table in DuckDB (module doc). Use :meth:`from_frame`/:meth:`from_file`.

    Attributes: ``rows`` (valid orders), ``dropped`` (rows without customer, date or finite
    amount), ``first_day``/``last_day`` (days since 1970-01-01 of the valid orders, None when
    there are none), ``returns`` (valid rows of amount < 0: without any, the queries skip the
    returns netting, :func:`~clvdesk.core.orderlog.queries.netting`), ``has_order_id``,
    ``extras`` (pass-through columns), ``source`` (the in-memory frame, None for a file) and
    ``columns`` (canonical -> source column name). A log read by :meth:`from_file` also has
    ``drop_record`` (:class:`DroppedRows`: why rows were left out) and ``first_row_number``
    (the row number the readers give the file's first data row, ``row_no`` 0); for other logs
    ``drop_record`` is None.
    """

    drop_record: DroppedRows | None = None
    first_row_number: int = 1

    def __init__(self, con, folder: str, *, source: pd.DataFrame | None, ids: pd.Series | None,
                 columns: dict[str, str], has_order_id: bool, extras: tuple[str, ...],
                 source_rows: int, drop_record: DroppedRows | None = None,
                 first_row_number: int = 1) -> None:
        self._con = con
        self._folder = folder
        self._finalizer = weakref.finalize(self, _close, con, folder)
        self._netting: dict[str, int] | None = None
        self.source = source
        self.drop_record = drop_record
        self.first_row_number = first_row_number
        self._ids = ids
        self.columns = columns
        self.has_order_id = has_order_id
        self.extras = extras
        row = self.fetch(queries.counts())
        self.rows = int(row["n"][0])
        self.dropped = int(source_rows) - self.rows
        self.first_day = None if self.rows == 0 else int(row["first_day"][0])
        self.last_day = None if self.rows == 0 else int(row["last_day"][0])
        self.returns = int(row["returns"][0])

    # ---------------------------------------------------------------------------------------
    # building

    @classmethod
    def of(cls, orders, *, customer_col: str = "customer_id", date_col: str = "date",
           amount_col: str = "amount", extras: Iterable[str] = ()) -> OrderLog:
        """``orders`` itself when it is an OrderLog, else :meth:`from_frame` of it."""
        if isinstance(orders, OrderLog):
            missing = [c for c in extras if c not in orders.extras]
            if missing:
                listed = ", ".join(orders.columns.values())
                raise InputError(code="column_not_found", column=missing[0], columns=listed)
            return orders
        return cls.from_frame(orders, customer_col=customer_col, date_col=date_col,
                              amount_col=amount_col, extras=extras)

    @classmethod
    def from_frame(cls, orders: pd.DataFrame, *, customer_col: str = "customer_id",
                   date_col: str = "date", amount_col: str = "amount",
                   extras: Iterable[str] = (), settings: EngineSettings | None = None,
                   ) -> OrderLog:
        """Validate an in-memory order table (pandas) into a new log.

        ``extras`` names further columns to carry (e.g. a segment column); the optional
        canonical columns of :data:`PASS_THROUGH` and ``order_id`` are carried when present.
        Customer ids keep their type; dates may be datetimes or date text.
        """
        frame, ids, has_order_id, carried = frame_columns(orders, customer_col, date_col,
                                                          amount_col, extras)
        source = pd.DataFrame(frame, copy=False)
        columns = {"customer_id": str(customer_col), "date": str(date_col),
                   "amount": str(amount_col)}
        columns.update({name: name for name in carried})
        if has_order_id:
            columns["order_id"] = "order_id"
        con, folder = connect(settings)
        try:
            con.register(queries.SOURCE, _scannable(source))
            con.execute(f"CREATE TEMP TABLE {queries.VALID} AS " + queries.validate(
                customer="customer_id", has_order_id=has_order_id, extras=tuple(carried)))
            con.unregister(queries.SOURCE)
        except Exception:
            _close(con, folder)
            raise
        return cls(con, folder, source=orders, ids=ids, columns=columns,
                   has_order_id=has_order_id, extras=tuple(carried), source_rows=len(orders))

    @classmethod
    def from_file(cls, path: str | Path, *, columns: dict[str, str] | None = None,
                  settings: EngineSettings | None = None) -> OrderLog:
        """Validate a Parquet or CSV file read by DuckDB itself (no pandas copy of the rows).

        ``columns`` maps canonical names (``customer_id``, ``date``, ``amount``, and optionally
        ``order_id`` and :data:`PASS_THROUGH`) to the file's column names; default the
        canonical names themselves. Text ids are trimmed and blank ids count as missing, as
        the readers do. CSV files must be plain: a header line, ``.`` decimals and ISO dates
        (other files go through :func:`clvdesk.core.io.readers.read_orders` and
        :meth:`from_frame`). Rows whose date or amount does not read count as dropped, and so
        do rows the readers leave out although they read (a year outside 1900-2200, an amount
        beyond 1e12, an id over 32,767 characters); ``drop_record`` says why, by the readers'
        reasons and row numbers (Parquet: the data row, 1-based; CSV: the line, counting the
        header as line 1 and no blank lines).
        """
        path = Path(path)
        kind = FILE_FORMATS.get(path.suffix.lower())
        if kind is None:
            raise InputError(code="engine_file_format", file=path.name)
        if not path.is_file():
            raise InputError(code="file_not_found", file=str(path))
        mapping = {"customer_id": "customer_id", "date": "date", "amount": "amount"}
        mapping.update(columns or {})
        literal = str(path).replace("'", "''")
        scan = (f"read_parquet('{literal}', file_row_number = true)" if kind == "parquet"
                else f"read_csv('{literal}', header = true)")
        con, folder = connect(settings)
        try:
            described = con.execute(f"DESCRIBE SELECT * FROM {scan}").fetchall()
            names = {row[0]: row[1] for row in described}
            for canonical in ("customer_id", "date", "amount"):
                if mapping[canonical] not in names:
                    listed = ", ".join(n for n in names if n != "file_row_number")
                    raise InputError(code="column_not_found",
                                     column=mapping[canonical], columns=listed)
            optional = [c for c in ("order_id", *PASS_THROUGH, *FILE_EXTRAS)
                        if mapping.get(c, c) in names and c not in ("customer_id",)]
            select = [f'"{mapping[c]}" AS "{c}"' for c in ("customer_id", "date", "amount")]
            select += [f'"{mapping.get(c, c)}" AS "{c}"' for c in optional]
            if kind == "parquet":
                con.execute(f"CREATE TEMP VIEW {queries.SOURCE} AS SELECT file_row_number "
                            f"AS row_no, {', '.join(select)} FROM {scan}")
            else:  # CSV: a copy in file order, whose rowid is the position in the file
                con.execute(f"CREATE TEMP TABLE clv_raw AS SELECT {', '.join(select)} "
                            f"FROM {scan}")
                con.execute(f"CREATE TEMP VIEW {queries.SOURCE} AS SELECT rowid AS row_no, * "
                            "FROM clv_raw")
            carried = tuple(c for c in optional if c != "order_id")
            con.execute(f"CREATE TEMP TABLE {queries.VALID} AS " + queries.validate(
                customer="customer_id", has_order_id="order_id" in optional, extras=carried))
            text_ids = names[mapping["customer_id"]].upper() == "VARCHAR"
            if text_ids:
                if _scalar(con, _TRIM_IDS):
                    _scalar(con, f"DELETE FROM {queries.VALID} WHERE customer_id IS NULL")
            _scalar(con, _beyond_limits(text_ids))
            first_row_number = 1 if kind == "parquet" else 2  # CSV: line 1 is the header
            source_rows = _scalar(con, f"SELECT COUNT(*) FROM {queries.SOURCE}")
            valid_rows = _scalar(con, f"SELECT COUNT(*) FROM {queries.VALID}")
            text = frozenset(c for c in ("customer_id", "date", "amount", *optional)
                             if names[mapping.get(c, c)].upper() == "VARCHAR")
            record = _drop_record(con, optional=tuple(optional), text=text, csv=kind == "csv",
                                  columns=mapping, first_row_number=first_row_number,
                                  ) if source_rows > valid_rows else _no_drops()
            con.execute(f"DROP VIEW {queries.SOURCE}")
            if kind == "csv":
                con.execute("DROP TABLE clv_raw")
        except InputError:
            _close(con, folder)
            raise
        except Exception as error:
            _close(con, folder)
            raise InputError(code="engine_read_failed", file=path.name,
                             detail=str(error)) from None
        used = {c: mapping.get(c, c) for c in ("customer_id", "date", "amount", *optional)}
        return cls(con, folder, source=None, ids=None, columns=used,
                   has_order_id="order_id" in optional, extras=carried,
                   source_rows=int(source_rows), drop_record=record,
                   first_row_number=first_row_number)

    # ---------------------------------------------------------------------------------------
    # querying

    def fetch(self, sql: str, *, sort_by: str | None = None) -> dict[str, Any]:
        """Run a query; its columns as numpy arrays (NULL as NaN in float columns), text
        columns as pandas arrays of pandas' default text type (Arrow-backed, no copy into
        Python strings, so 10M customer ids cost no time). ``sort_by`` names an integer
        column of distinct values (a row number) to order the rows by (ordering in
        numpy/Arrow is cheaper than an ``ORDER BY`` in the engine: 0.2 s against 0.4 s for
        1.2M customers; distinct keys need no stable sort, which takes 0.17 s against 0.07)."""
        if not _has_arrow():  # the light install: DuckDB's own numpy export
            columns = {name: _unmasked(values)
                       for name, values in self._con.sql(sql).fetchnumpy().items()}
            return _sorted(columns, sort_by)
        table = self._con.sql(sql).to_arrow_table()
        if sort_by is not None and table.num_rows > 1:
            order = np.argsort(_numpy(table.column(sort_by)))
            return {name: _numpy(table.column(name), order) for name in table.column_names}
        return {name: _numpy(table.column(name)) for name in table.column_names}

    def fetch_frame(self, sql: str) -> pd.DataFrame:
        """Run a query; the result as a pandas DataFrame."""
        if not _has_arrow():
            return self._con.sql(sql).df()
        return self._con.sql(sql).to_arrow_table().to_pandas()

    def netting_counts(self) -> dict[str, int]:
        """How the returns of the whole log were netted (one period, the whole log).

        ``returns`` (rows of amount < 0), ``by_order``, ``by_date``, ``unmatched`` (before
        any purchase of the customer), ``cancelled_days`` (purchase days netted to zero or
        less) and ``customers_without_purchase`` (customers left with no purchase day).
        """
        names = ("returns", "by_order", "by_date", "unmatched", "cancelled_days",
                 "customers_without_purchase")
        if self.rows == 0 or self.returns == 0:
            return dict.fromkeys(names, 0)
        if self._netting is None:  # the log does not change: asked once (4 s at 10M orders)
            row = self.fetch(queries.netting_counts(self.last_day,
                                                    has_order_id=self.has_order_id))
            self._netting = {name: int(row[name][0]) for name in names}
        return dict(self._netting)

    def end_day(self, end) -> int:
        """The end day (days since 1970): ``end`` (a user date) or the last order day.

        Raises :class:`DataError` without orders, or without orders on or before ``end``.
        """
        from clvdesk.core.dates import parse_date

        if self.rows == 0:
            raise DataError(code="no_orders")
        end_date = parse_date("end", end)
        end_day = self.last_day if end_date is None else int(
            np.datetime64(end_date, "D").astype(np.int64))
        if self.first_day > end_day:
            def day(number: int) -> str:
                return str(np.datetime64(number, "D"))

            raise DataError(code="no_orders_before_end", end=day(end_day),
                            first=day(self.first_day), last=day(self.last_day))
        return end_day

    def calibration_customers(self, end_day: int, *, margin: str = "amount",
                              segment: str | None = None, acquisition_cost: bool = False,
                              ) -> pd.DataFrame:
        """Per customer with a purchase day up to ``end_day``: first purchase, revenue,
        margin and the facts of their orders, indexed by ``customer`` (first source position).

        Columns: ``first_day``, ``revenue``, ``margin``
        (:func:`~clvdesk.core.orderlog.queries.customer_totals`; ``margin`` the SQL of each
        order's margin), ``orders``, ``segment`` and ``acquisition_cost``
        (:func:`~clvdesk.core.orderlog.queries.customer_facts`). One row per customer comes
        back from the engine, never one per order or day.
        """
        totals = self.fetch_frame(queries.customer_totals(
            end_day, has_order_id=self.has_order_id, value=margin, returns=self.returns > 0))
        facts = self.fetch_frame(queries.customer_facts(
            end_day, has_order_id=self.has_order_id, segment=segment,
            acquisition_cost=acquisition_cost and "acquisition_cost" in self.extras))
        return totals.set_index("customer").join(facts.set_index("customer"), how="left")

    def fetch_with(self, frame: pd.DataFrame, sql: str) -> dict[str, np.ndarray]:
        """Run ``sql`` with ``frame`` (plus its positions as ``row_no``) as the source relation
        :data:`~clvdesk.core.orderlog.queries.SOURCE`. Columns of mixed Python objects are
        compared as text."""
        columns = {"row_no": np.arange(len(frame), dtype=np.int64)}
        for name in frame.columns:
            column = frame[name]
            if pd.api.types.is_object_dtype(column.dtype):
                column = column.astype("string")
            columns[str(name)] = column
        self._con.register(queries.SOURCE, pd.DataFrame(columns, copy=False))
        try:
            return self.fetch(sql)
        finally:
            self._con.unregister(queries.SOURCE)

    def customer_ids(self, first_rows: np.ndarray, ids_column=None) -> pd.Index:
        """Customer ids as the source holds them (type kept), of the given source positions."""
        if self._ids is not None:
            return pd.Index(self._ids.array.take(first_rows), name="customer_id")
        return pd.Index(ids_column, name="customer_id")

    def head(self, rows: int) -> pd.DataFrame:
        """The first ``rows`` valid orders in source order, as the importer's canonical order
        table holds them: ``customer_id``, ``date`` (datetime64 at midnight), ``amount`` and the
        carried columns (for a preview of a log too large for memory)."""
        return _canonical(self.fetch_frame(queries.first_orders(self._order_columns(), rows)))

    def chunks(self, rows: int) -> Iterator[pd.DataFrame]:
        """Every valid order in source order as :meth:`head` gives them, ``rows`` at a time
        (memory holds one chunk; for writing a log too large for memory to a file)."""
        if not _has_arrow():
            yield self.head(self.rows)
            return
        sql = queries.first_orders(self._order_columns(), self.rows)
        relation = self._con.sql(sql)
        batches = (relation.to_arrow_reader(rows) if hasattr(relation, "to_arrow_reader")
                   else relation.fetch_record_batch(rows))  # the name of DuckDB 2 and of 1.x
        for batch in batches:
            yield _canonical(batch.to_pandas())

    def _order_columns(self) -> tuple[str, ...]:
        extra = (*(("order_id",) if self.has_order_id else ()), *self.extras)
        return ("customer_id", "day", "amount", *extra)

    def labels(self, column: str, limit: int | None = None) -> list[str]:
        """The distinct values of a carried column as trimmed text, blanks left out, sorted
        (the first ``limit`` when given)."""
        if column not in self.extras:
            return []
        return [str(value) for value in self.fetch(queries.distinct_labels(column, limit))[
            "value"]]

    def has_values(self, column: str) -> bool:
        """Whether a carried column holds a value in some valid order."""
        return column in self.extras and bool(self.fetch(queries.has_values(column))["n"][0])

    def close(self) -> None:
        """Close the database and remove its spill folder (also done when collected)."""
        self._finalizer()

    def __enter__(self) -> OrderLog:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def spill_folder(self) -> Path:
        """The private temporary folder DuckDB spills to (removed by :meth:`close`)."""
        return Path(self._folder)


def _canonical(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of :data:`~clvdesk.core.orderlog.queries.VALID` with ``day`` back as ``date``."""
    frame.insert(1, "date", pd.to_datetime(frame.pop("day").to_numpy(np.int64), unit="D"))
    return frame


def _scalar(con, sql: str):
    """The one value of a statement's result, read to the end (DuckDB takes no further query
    on a connection while a result is unread)."""
    return con.execute(sql).fetchall()[0][0]


def _beyond_limits(text_ids: bool) -> str:
    """The DELETE of valid orders the readers leave out although they read (their limits:
    :data:`~clvdesk.core.io.parse.YEAR_RANGE`, :data:`~clvdesk.core.io.readers.MAX_AMOUNT`,
    :data:`~clvdesk.core.io.readers.MAX_ID_LENGTH`). Cheap when nothing is beyond them: the
    table's per-block minima and maxima let DuckDB skip every block."""
    from clvdesk.core.io.parse import YEAR_RANGE
    from clvdesk.core.io.readers import MAX_AMOUNT, MAX_ID_LENGTH

    first, last = (np.datetime64(f"{YEAR_RANGE[0]}-01-01", "D"),
                   np.datetime64(f"{YEAR_RANGE[1]}-12-31", "D"))
    return queries.delete_beyond_limits(
        first_day=int(first.astype(np.int64)), last_day=int(last.astype(np.int64)),
        max_amount=MAX_AMOUNT, max_id_length=MAX_ID_LENGTH if text_ids else None)


def _no_drops() -> DroppedRows:
    empty = pd.DataFrame({"row": pd.Series(dtype="int64"), "reason": pd.Series(dtype="object"),
                          "column": pd.Series(dtype="object"),
                          "value": pd.Series(dtype="object")})
    return DroppedRows(counts={}, examples=empty, blank_rows=0)


def _drop_record(con, *, optional: tuple[str, ...], text: frozenset[str], csv: bool,
                 columns: dict[str, str], first_row_number: int) -> DroppedRows:
    """Why the rows of :data:`~clvdesk.core.orderlog.queries.SOURCE` missing from the valid
    table were left out (:func:`~clvdesk.core.orderlog.queries.drop_reasons`, one scan of the
    source). Values are shown as the readers show them: CSV cells as their text, Parquet cells
    as pandas holds them (a missing timestamp is ``NaT``)."""
    from clvdesk.core.io.parse import YEAR_RANGE
    from clvdesk.core.io.readers import MAX_AMOUNT, MAX_ID_LENGTH, _show
    from clvdesk.core.messages import DROP_REASONS

    sql = queries.drop_reasons(optional=optional, text=text, years=YEAR_RANGE,
                               max_amount=MAX_AMOUNT, max_id_length=MAX_ID_LENGTH,
                               limit=DROP_EXAMPLES, as_text=csv)
    relation = con.sql(sql)
    found = (relation.to_arrow_table().to_pandas(date_as_object=False) if _has_arrow()
             else relation.df())
    per_reason = found.drop_duplicates("reason").set_index("reason")["n"]
    counts = {reason: int(per_reason[reason]) for reason in DROP_REASONS
              if reason in per_reason.index}
    blank_rows = int(per_reason.get("blank", 0))
    shown = found[found["reason"] != "blank"].sort_values("row_no", kind="stable")
    canonical = shown["reason"].map(_DROP_COLUMN)
    values = [_show(shown[column].iat[i]) for i, column in enumerate(canonical)]
    examples = pd.DataFrame({
        "row": shown["row_no"].to_numpy(dtype="int64") + first_row_number,
        "reason": shown["reason"].to_numpy(dtype=object),
        "column": canonical.map(columns).to_numpy(dtype=object),
        "value": np.array(values, dtype=object),
    })
    return DroppedRows(counts=counts, examples=examples, blank_rows=blank_rows)


def _scannable(frame: pd.DataFrame):
    """``frame`` as DuckDB scans it fastest: an Arrow table (the validated copy of 5M orders
    took 0.17 s from Arrow, 0.31 s through DuckDB's pandas scan), or the frame itself without
    pyarrow or when a column does not convert."""
    if not _has_arrow():
        return frame
    import pyarrow as pa

    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowException, TypeError, ValueError):
        return frame



def frame_columns(orders: pd.DataFrame, customer_col: str, date_col: str, amount_col: str,
                  extras=()) -> tuple[dict[str, Any], pd.Series, bool, list[str]]:
    """The columns an in-memory order table hands to an engine (DuckDB or Spark), checked:
    ``row_no``, ``customer_id``, ``date``, ``amount``, ``order_id`` when present, and the
    pass-through and ``extras`` columns carried. Returns ``(frame, ids, has_order_id,
    carried)``; ``ids`` are the customer ids as given (categories decoded).
    """
    if not isinstance(orders, pd.DataFrame):
        raise InputError(code="orders_not_a_table")
    for col in (customer_col, date_col, amount_col, *extras):
        if col not in orders.columns:
            listed = ", ".join(map(str, orders.columns))
            raise InputError(code="column_not_found", column=str(col), columns=listed)
    ids = orders[customer_col]
    if isinstance(ids.dtype, pd.CategoricalDtype):
        ids = ids.astype(ids.cat.categories.dtype)
    frame = {"row_no": np.arange(len(orders), dtype=np.int64),
             "customer_id": _engine_ids(ids),
             "date": _dates(orders[date_col], date_col),
             "amount": _amounts(orders[amount_col], amount_col)}
    taken = {customer_col, date_col, amount_col}
    has_order_id = "order_id" in orders.columns and "order_id" not in taken
    if has_order_id:
        frame["order_id"] = orders["order_id"].astype("string")
    carried = []
    for name in dict.fromkeys([*PASS_THROUGH, *extras]):
        if name not in orders.columns or name in frame:
            continue
        column = orders[name]
        if name in NUMERIC_PASS_THROUGH:
            if not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(
                    column):
                continue
            frame[name] = column.to_numpy(dtype="float64")
        else:
            frame[name] = column.astype("string")
        carried.append(name)
    return frame, ids, has_order_id, carried


def _engine_ids(ids: pd.Series) -> pd.Series:
    """The id column as DuckDB can group it: numbers and text as they are; other objects as
    text (an object column of mixed types cannot be scanned as one type)."""
    if pd.api.types.is_numeric_dtype(ids.dtype) or pd.api.types.is_string_dtype(ids.dtype) and \
            not pd.api.types.is_object_dtype(ids.dtype):
        return ids
    kind = pd.api.types.infer_dtype(ids, skipna=True)
    if kind in ("string", "empty", "integer", "floating"):
        return ids
    return ids.astype("string")


def _dates(dates: pd.Series, name: str) -> pd.Series:
    if not pd.api.types.is_datetime64_any_dtype(dates):
        try:
            dates = pd.to_datetime(dates, errors="raise")
        except (ValueError, TypeError):
            raise InputError(code="column_not_dates",
                             column=str(name)) from None
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    return dates


def _amounts(amounts: pd.Series, name: str) -> np.ndarray:
    if not pd.api.types.is_numeric_dtype(amounts) or pd.api.types.is_bool_dtype(amounts):
        raise InputError(code="column_not_numbers", column=str(name))
    return amounts.to_numpy(dtype="float64", na_value=np.nan)


def _unmasked(values):
    """A column of DuckDB's ``fetchnumpy`` (masked where NULL) as :func:`_numpy` gives it:
    NULL numbers as NaN, NULL dates as NaT, text as a pandas array (NULL missing)."""
    if np.ma.isMaskedArray(values):
        if values.dtype.kind in "iufb":
            return values.astype("float64").filled(np.nan)
        if values.dtype.kind == "M":
            return values.filled(np.datetime64("NaT"))
        values = values.astype(object).filled(None)
    values = np.asarray(values)
    if values.dtype.kind == "O":
        return pd.Series(values, copy=False).array
    return values


def _numpy(column, order: np.ndarray | None = None):
    """An Arrow column as numpy (NULLs of numbers as NaN), text as a pandas array; with
    ``order``, its rows taken in that order (text gathered in Arrow: pandas' take of a chunked
    text column is about 4x slower)."""
    import pyarrow as pa

    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        if order is not None:
            column = column.combine_chunks().take(order)
        return pd.Series(column.to_pandas(), copy=False).array
    if pa.types.is_decimal(column.type):  # SUM of integers in DuckDB: HUGEINT -> decimal
        values = column.cast(pa.float64()).to_numpy()
    elif column.null_count and pa.types.is_integer(column.type):
        values = column.cast(pa.float64()).to_numpy()
    else:
        values = column.to_numpy()
    return values if order is None else values[order]


def _sorted(columns: dict[str, Any], sort_by: str | None) -> dict[str, Any]:
    """``columns`` with their rows in the order of the ``sort_by`` column (distinct values)."""
    if sort_by is None or len(columns[sort_by]) < 2:
        return columns
    order = np.argsort(columns[sort_by])
    return {name: values.take(order) for name, values in columns.items()}


class opened:
    """``with opened(orders, ...) as log``: an :class:`OrderLog` as given, or one built from a
    pandas order table (:meth:`OrderLog.of`) and closed at the end of the block."""

    def __init__(self, orders, *, customer_col: str = "customer_id", date_col: str = "date",
                 amount_col: str = "amount", extras: Iterable[str] = ()) -> None:
        self._own = not isinstance(orders, OrderLog)
        self._log = OrderLog.of(orders, customer_col=customer_col, date_col=date_col,
                                amount_col=amount_col, extras=tuple(extras))

    def __enter__(self) -> OrderLog:
        return self._log

    def __exit__(self, *exc) -> None:
        if self._own:
            self._log.close()


def margin_sql(log: OrderLog, margin: float | None) -> str:
    """The SQL of each order's gross margin (currency), as
    :func:`clvdesk.core.segments.order_margins` defines it: ``amount x margin`` for a given
    fraction, else the table's ``margin`` column, else ``amount - cost``, else the amount."""
    if margin is not None:
        return f"amount * {float(margin)!r}"
    if "margin" in log.extras:
        return "margin"
    if "cost" in log.extras:
        return "amount - cost"
    return "amount"
