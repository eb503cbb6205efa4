"""``clvdesk fit MODEL DATA``: fit one model and print its parameters (``--json`` for scripts).

DATA is an order file (csv/tsv/txt, xlsx, parquet; read with the import flags shared by every
command that reads orders, see ``clvdesk quality --help``, and summarised on the fly in
``--period`` up to ``--end``) or a summary file with one row per customer: ``frequency``, ``recency``, ``T`` (and
``monetary_value`` for Gamma-Gamma, optional ``weights`` = customers per row; Fader & Hardie's
``x``, ``t_x``, ``zbar`` are accepted too); for ``bgbb`` ``frequency``, ``recency``,
``periods``, ``weights``. ``sbg`` fits on customers still active at
period 0, 1, 2, ...: ``--alive 1000,631,468`` or DATA, a file with those counts in a column
(``alive``, or its only column).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clvdesk.cli.arguments import amount
from clvdesk.cli.output import add_json_flag, print_json
from clvdesk.cli.quality_cmd import add_import_arguments, import_options

MODEL_NAMES = ("bgnbd", "mbgnbd", "pareto-nbd", "bgbb", "gamma-gamma", "sbg")
TRANSACTION_MODELS = ("bgnbd", "mbgnbd", "pareto-nbd")
PERIODS = ("days", "weeks", "months")

#: The notation of Fader & Hardie's data files and notes, accepted for the summary columns.
HARDIE_NAMES = {"x": "frequency", "t_x": "recency", "zbar": "monetary_value"}

#: The command-line flag of each ``read_orders`` option (for messages).
IMPORT_FLAGS = {
    "customer_col": "--customer-col", "date_col": "--date-col", "amount_col": "--amount-col",
    "mapping": "--map", "sheet": "--sheet", "header_row": "--header-row",
    "decimal": "--decimal", "dayfirst": "--dayfirst/--monthfirst", "encoding": "--encoding",
    "delimiter": "--delimiter",
}

#: ``read_orders`` options that decide where the header is and how lines split into cells.
_STRUCTURE_OPTIONS = frozenset({"sheet", "header_row", "encoding", "delimiter"})

#: Columns a summary file must have, per model.
SUMMARY_COLUMNS: dict[str, tuple[str, ...]] = {
    "bgnbd": ("frequency", "recency", "T"),
    "mbgnbd": ("frequency", "recency", "T"),
    "pareto-nbd": ("frequency", "recency", "T"),
    "gamma-gamma": ("frequency", "monetary_value"),
    "bgbb": ("frequency", "recency", "periods", "weights"),
}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "fit", help="fit a predictive model (BG/NBD, Pareto/NBD, BG/BB, Gamma-Gamma, sBG)",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("model", metavar="MODEL", type=str.lower,
                        help=f"one of {', '.join(MODEL_NAMES)}")
    parser.add_argument("data", metavar="DATA", nargs="?",
                        help="order file or summary file (sbg: file of alive counts)")
    add_period_options(parser)
    add_penalty_arguments(parser, auto=False)
    parser.add_argument("--alive", metavar="N0,N1,...",
                        help="sbg: customers still active at period 0, 1, 2, ... (comma-separated)")
    parser.add_argument("--column", metavar="NAME",
                        help="sbg with a file: the column of alive counts (default: 'alive', or "
                             "the only column)")
    add_import_arguments(parser)
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def add_period_options(parser) -> None:
    """``--period`` and ``--end``, shared with ``predict``."""
    parser.add_argument("--period", default="weeks", type=str.lower,
                        help="time unit of recency and T: days, weeks (default) or months")
    parser.add_argument("--end", metavar="YYYY-MM-DD",
                        help="last day of the observation period (default: last order date)")


def add_penalty_arguments(parser, *, auto: bool = True) -> None:
    """``--penalty`` (all fitting commands) and, with ``auto``, ``--no-auto-penalty``."""
    parser.add_argument("--penalty", type=amount, default=0.0, metavar="X",
                        help="L2 penalty per customer on the log parameters, as lifetimes' "
                             "penalizer_coef (default 0: plain maximum likelihood)")
    if auto:
        parser.add_argument("--no-auto-penalty", dest="auto_penalty", action="store_false",
                            help="do not refit with a penalty when the data do not identify "
                                 "the model (default: refit and say so)")


def run(args) -> int:
    from clvdesk.core.errors import InputError

    if args.model not in MODEL_NAMES:
        raise InputError(f"unknown model {args.model!r}; choose one of {', '.join(MODEL_NAMES)}")
    if args.model == "sbg":
        model = _fit_sbg(args, args.penalty)
        extra: dict[str, Any] = {}
    else:
        if args.alive:
            raise InputError("--alive is for the sbg model only")
        if not args.data:
            raise InputError(f"give the data file to fit {args.model} on")
        data = load_summary(args.data, SUMMARY_COLUMNS[args.model], period=args.period,
                            end=args.end, read_options=import_options(args))
        model = _fit(args.model, data, args.penalty)
        extra = data.info()
    result = model.to_dict()
    result.update(extra)
    if args.json:
        print_json(result)
    else:
        _print_text(result)
    return 0


@dataclass
class LoadedData:
    """What DATA held: customer summary columns, and the order table for an order file.

    A summary file is kept as numeric columns (``columns``, plus ``ids`` when asked for) so
    that a fit needs no pandas; :attr:`summary` builds the DataFrame on first use. ``rows``:
    the file line or row of each summary row (:class:`clvdesk.core.summary_rows.SourceRows`),
    so that later checks name them.
    """

    period: str
    columns: dict[str, Any] | None = None
    ids: Any = None
    rows: Any = None
    frame: Any = None
    orders: Any = None
    segment_col: str | None = None

    @property
    def summary(self):
        """The summary DataFrame (index ``customer_id``, or ``row`` from 1 without ids)."""
        if self.frame is None:
            import numpy as np
            import pandas as pd

            n = len(next(iter(self.columns.values())))
            ids = self.ids
            if ids is not None and not isinstance(ids, np.ndarray | list):
                ids = ids.to_pandas()  # an Arrow text column: pandas' Arrow-backed strings
            index = (pd.Index(ids, name="customer_id") if ids is not None
                     else pd.RangeIndex(1, n + 1, name="row"))
            self.frame = pd.DataFrame(self.columns, index=index)
            self.frame.attrs["period"] = self.period
            if self.rows is not None:
                from clvdesk.core.summary_rows import attach

                attach(self.frame, self.rows)
        return self.frame

    def column(self, name: str):
        """One numeric column as a float array, or None when the data have no such column."""
        if self.columns is not None:
            return self.columns.get(name)
        return self.frame[name].to_numpy(dtype=float) if name in self.frame else None

    def info(self) -> dict[str, Any]:
        """Where the summary came from, for the JSON output."""
        if self.orders is None:
            return {"source": "summary file", "period": self.period}
        return {"source": "order file", "period": self.period,
                "end": self.frame.attrs["end"].date().isoformat(), "orders": len(self.orders)}


def load_summary(path: str, required: tuple[str, ...], *, period: str, end: str | None,
                 holdout_end: str | None = None, with_ids: bool = False,
                 segment_col: str | None = None,
                 read_options: dict[str, Any] | None = None,
                 optional: tuple[str, ...] = ()) -> LoadedData:
    """A summary table from a summary file, or from an order file summarised on the fly.

    A file whose header has a ``frequency`` column is a summary file (``recency``
    and ``T`` taken to be in ``period``); anything else is read as an order file with
    :func:`clvdesk.core.io.readers.read_orders` and summarised up to ``end``. ``with_ids``: keep
    a summary file's customer ids (predictions need them, fits do not). ``segment_col``: a
    column of an order file to segment customers on, as named in the file (read as the
    ``segment`` column) or a canonical role the importer maps itself (``segment``, ``channel``);
    :attr:`LoadedData.segment_col` names it in the order table. ``read_options``: keyword
    arguments of ``read_orders`` from :func:`clvdesk.cli.quality_cmd.import_options` (for order
    files only; a summary file with any of them is refused). ``optional``: summary file columns
    read when the file has them.
    """
    from clvdesk.core import units
    from clvdesk.core.errors import InputError

    period = units.parse_unit(period)
    if period not in PERIODS:
        raise InputError("--period must be days, weeks or months")
    if end is not None or holdout_end is not None:  # before the file is read
        from clvdesk.core.dates import parse_date

        parse_date("--end", end)
        parse_date("--holdout-end", holdout_end)
    read_options = dict(read_options or {})
    columns = {c.strip().lower(): c for c in _header_columns(Path(path), read_options)}
    for alias, name in HARDIE_NAMES.items():
        if alias in columns and name.lower() not in columns:
            columns[name.lower()] = columns[alias]
    if "frequency" in columns:
        if end is not None:
            raise InputError("--end applies to order files; this is a summary file")
        if read_options:
            flags = ", ".join(IMPORT_FLAGS[key] for key in read_options)
            raise InputError(f"{flags} appl{'ies' if len(read_options) == 1 else 'y'} to order "
                             "files; this is a summary file")
        present = tuple(c for c in optional if c.lower() in columns and c not in required)
        values, ids, rows = _read_summary_file(Path(path), required + present, columns)
        rows.named = with_ids and ids is not None
        return LoadedData(period, columns=values, ids=ids if with_ids else None, rows=rows)
    from clvdesk.core.io.readers import read_orders
    from clvdesk.core.summary import summarize

    if "periods" in required:
        raise InputError("bgbb fits on a summary file with columns frequency, recency, periods, "
                         "weights")
    canonical = mapping = None
    if segment_col is not None:
        from clvdesk.core.io.mapping import CANONICAL, find_column

        canonical = segment_col.strip().lower()
        if canonical not in CANONICAL:
            source = _matching(columns.values(), segment_col)
            if source is None and not _STRUCTURE_OPTIONS & read_options.keys():
                # the first line may be a title above the header: ask the reader
                columns = {c.strip().lower(): c for c in _detected_columns(Path(path), {})}
                source = _matching(columns.values(), segment_col)
            if source is None:
                # none matches: the error names the columns
                find_column(columns.values(), segment_col, "segment column")
            mapping, canonical = {"segment": source}, "segment"
    if mapping is not None:
        read_options["mapping"] = {**read_options.get("mapping", {}), **mapping}
    orders = read_orders(path, **read_options).orders
    summary = summarize(orders, period=period, end=end, holdout_end=holdout_end)
    return LoadedData(period, frame=summary, orders=orders, segment_col=canonical)


def _header_columns(path: Path, read_options: dict[str, Any] | None = None) -> list[str]:
    """Column names of a data file: read from the header alone where the format allows.

    With options that change where the header is or how the file splits into cells
    (``sheet``, ``header_row``, ``encoding``, ``delimiter``) the reader's preview decides.
    """
    if read_options and _STRUCTURE_OPTIONS & read_options.keys():
        return _detected_columns(path, read_options)
    if path.is_file():
        with path.open("rb") as fh:
            head = fh.read(65536)
        if head.startswith(b"PAR1"):
            from clvdesk.core.extras import require

            pq = require("pyarrow.parquet", "reading Parquet files")
            try:
                return [str(name) for name in pq.read_schema(path).names]
            except (OSError, ValueError):
                pass  # let the reader give its own message
        else:
            line = _plain_first_line(head)
            if line and not _title_line(head, line):
                return [c.strip().strip('"') for c in line.split(_delimiter(line))]
    return _detected_columns(path, {})


def _title_line(head: bytes, line: str) -> bool:
    """True when the first ``line`` of a text file is a title above its header: one filled
    cell where one of the next lines has more (a one-column file has a one-cell header)."""
    def filled(text: str) -> int:
        return sum(1 for c in text.split(_delimiter(text)) if c.strip().strip('"'))

    if filled(line) > 1:
        return False
    following = head.decode("utf-8", errors="replace").splitlines()[1:10]
    return any(filled(text) > 1 for text in following)


def _detected_columns(path: Path, read_options: dict[str, Any]) -> list[str]:
    """Column names as the order reader's preview finds them (header row and format detected)."""
    from clvdesk.core.io.readers import preview_file

    structure = {k: v for k, v in read_options.items() if k in _STRUCTURE_OPTIONS}
    return [str(c) for c in preview_file(path, 5, **structure).columns]


def _plain_first_line(head: bytes) -> str:
    """The first line of a plain UTF-8 text file, or '' when it is anything else."""
    try:
        line = head.decode("utf-8").lstrip("\ufeff").splitlines()[0]
    except (UnicodeDecodeError, IndexError):
        return ""
    return line if line.strip() and "\x00" not in line else ""


def _delimiter(line: str) -> str:
    """The likeliest delimiter of a header line (a comma for a single column)."""
    return max(",;\t", key=line.count)


def _matching(columns, name: str) -> str | None:
    """The header among ``columns`` that ``name`` means (as the import mapping matches), or None."""
    from clvdesk.core.errors import InputError
    from clvdesk.core.io.mapping import find_column

    try:
        return find_column(columns, name.strip())
    except InputError:
        return None


def _read_summary_file(path: Path, required: tuple[str, ...], columns: dict[str, str]):
    """Numeric columns ``required`` (+ ``weights``) of a summary file, in one read, checked.

    Returns ``({name: float array}, ids or None, SourceRows)``: the ids are the customer id
    column (:func:`_id_column`) as text when there is one, the source rows
    each row's line (text) or row (workbook, Parquet) in the file. Plain CSV and Parquet files
    with numeric columns are read by pyarrow straight into arrays; anything else (title rows,
    blank rows, decimal commas, workbooks, odd text files) goes through the tolerant readers.
    Every error names the customer id and the line or row
    (:func:`clvdesk.core.summary_rows.check_summary_columns`).
    """
    from clvdesk.core.errors import InputError
    from clvdesk.core.summary_rows import check_summary_columns

    missing = [c for c in required if c.lower() not in columns]
    if missing:
        raise InputError(f"the summary file has no column(s) {', '.join(missing)}; columns are: "
                         f"{', '.join(columns.values())}")
    wanted = list(required) + [c for c in ("weights",) if c in columns and c not in required]
    id_column = _id_column(columns)
    sources = {name: columns[name.lower()] for name in wanted}
    names = list(dict.fromkeys([*sources.values(), *([id_column] if id_column else [])]))
    fast = _read_numeric_fast(path, names, set(sources.values()))
    if fast is not None:
        table, rows = fast
        values = {name: table[source] for name, source in sources.items()}
        ids = table.get(id_column) if id_column else None
    else:
        values, ids, rows = _read_summary_slow(path, names, sources, id_column)
    if len(values[wanted[0]]) == 0:
        raise InputError(f"{path.name} has a header but no rows")
    check_summary_columns(values, ids, rows, labels=sources)
    return values, ids, rows


def _id_column(columns: dict[str, str]) -> str | None:
    """The header of a summary file's customer id column: ``customer_id``, ``id``,
    ``customer`` or a name the order import takes for customer ids (``klantnummer``...)."""
    from clvdesk.core.io.mapping import SYNONYMS, normalize_header

    for name in ("customer_id", "id", "customer"):
        if name in columns:
            return columns[name]
    normalised = {normalize_header(header): header for header in columns.values()}
    return next((normalised[n] for n in SYNONYMS["customer_id"] if n in normalised), None)


def _read_numeric_fast(path: Path, names: list[str], numeric: set[str]):
    """``({column: array}, SourceRows)`` by pyarrow when every ``numeric`` column reads as
    numbers and no line is skipped, else None."""
    from clvdesk.core.summary_rows import SourceRows

    try:  # the io extra; without it the general readers below take over
        import pyarrow as pa
    except ImportError:
        return None
    with path.open("rb") as fh:
        head = fh.read(65536)
    try:
        if head.startswith(b"PAR1"):
            import pyarrow.parquet as pq

            table = pq.read_table(path, columns=names)
            rows = SourceRows("row", first=1)
        else:
            first_line = _plain_first_line(head)
            if not first_line:
                return None
            import pyarrow.csv as pacsv

            # a blank line fails here (no line skipped), so row i is on line i + 2
            table = pacsv.read_csv(
                path, parse_options=pacsv.ParseOptions(delimiter=_delimiter(first_line),
                                                       ignore_empty_lines=False),
                convert_options=pacsv.ConvertOptions(include_columns=names),
            )
            rows = SourceRows("line", first=2)
    except (pa.ArrowException, KeyError, OSError, ValueError):
        return None
    out = {}
    for name in names:
        column = table.column(name)
        if name in numeric:
            if not (pa.types.is_integer(column.type) or pa.types.is_floating(column.type)):
                return None
            if column.null_count:
                return None  # the slow path names the offending row
            out[name] = _arrow_numbers(column)
        else:
            out[name] = column.cast(pa.string())  # Arrow text: no Python string per row
    return out, rows


def _arrow_numbers(column) -> Any:
    """A null-free integer or float Arrow column as a float64 array, read from its buffers.

    ``ChunkedArray.to_numpy`` would import pandas (half a second of start-up) to look for
    extension types that a numeric CSV or Parquet column cannot have.
    """
    import numpy as np

    parts = [np.frombuffer(chunk.buffers()[1], dtype=np.dtype(str(chunk.type)))
             [chunk.offset:chunk.offset + len(chunk)] for chunk in column.chunks]
    return np.concatenate(parts).astype(float) if parts else np.zeros(0)


def _read_summary_slow(path: Path, names: list[str], sources: dict[str, str],
                       id_column: str | None):
    """The tolerant path of :func:`_read_summary_file` (pandas; decimal commas accepted).

    Rows whose cells are all empty are skipped; a cell that is not a number, or an empty one,
    is an error naming the customer and the line or row.
    """
    import pandas as pd

    from clvdesk.core.errors import InputError
    from clvdesk.core.summary_rows import SourceRows, located

    raw, numbers, kind = _read_raw_columns(path, names)
    text = raw.astype("string").apply(lambda c: c.str.strip())
    filled = (text.notna() & (text != "")).any(axis=1).to_numpy()
    raw, text, numbers = raw[filled], text[filled], numbers[filled]
    ids = text[id_column].to_numpy(dtype=object, na_value=None) if id_column else None
    rows = SourceRows(kind, numbers=numbers)
    values = {}
    for name, source in sources.items():
        column = raw[source]
        if column.dtype == object or pd.api.types.is_string_dtype(column):
            column = pd.to_numeric(text[source].str.replace(",", ".", regex=False),
                                   errors="coerce")
        column = pd.to_numeric(column, errors="coerce").astype(float)
        bad = column.isna().to_numpy()
        if bad.any():
            i = int(bad.argmax())
            cell = text[source].iloc[i]
            problem = (InputError(code="summary_missing_value", column=source)
                       if pd.isna(cell) or cell == "" else
                       InputError(code="summary_not_a_number", column=source,
                                  value=str(cell)))
            raise located(problem, ids, rows, i)
        values[name] = column.to_numpy()
    return values, ids, rows


def _read_raw_columns(path: Path, names: list[str]):
    """The named columns of a csv/tsv/txt, xlsx or parquet file (text cells as read).

    Returns ``(frame, numbers, kind)``: each row's line (``kind`` "line", text files) or row
    ("row": workbooks, Parquet) in the file, 1-based as an editor or spreadsheet shows it.
    """
    import numpy as np

    from clvdesk.core.errors import InputError
    from clvdesk.core.extras import require

    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"PAR1"):
        pa = require("pyarrow", "reading Parquet files")
        arrow_error: type[Exception] = pa.ArrowException
    else:
        arrow_error = ValueError  # no pyarrow below but for Parquet
    try:
        if head.startswith(b"PAR1"):
            frame = require("pyarrow.parquet").read_table(path, columns=names).to_pandas()
            return frame, np.arange(1, len(frame) + 1), "row"
        if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # zip (xlsx) or OLE (xls)
            from clvdesk.core.io.xlsx_reader import read_workbook_table

            table = read_workbook_table(path, is_header=_names_header(names))
            return table.frame[names], table.row_numbers, "row"
        frame, numbers = _read_text_columns(path, names)
        return frame, numbers, "line"
    except (arrow_error, ValueError, KeyError, OSError) as exc:
        text = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise InputError(f"{path.name} could not be read: {text}") from None


def _read_text_columns(path: Path, names: list[str]):
    """Fast path for plain UTF-8 comma/semicolon/tab files, else the tolerant text reader.

    Returns ``(frame, line of each row)``.
    """
    import numpy as np

    try:  # the io extra: pyarrow's parser is the fast path
        import pyarrow as pa
        import pyarrow.csv as pacsv
    except ImportError:
        pa = None
    with path.open("rb") as fh:
        first_line = _plain_first_line(fh.read(65536))
    if first_line and pa is not None:
        delimiter = _delimiter(first_line)
        try:
            table = pacsv.read_csv(  # a blank line fails: no line is skipped
                path, parse_options=pacsv.ParseOptions(delimiter=delimiter,
                                                       ignore_empty_lines=False),
                convert_options=pacsv.ConvertOptions(include_columns=names),
            )
            return table.to_pandas(), np.arange(2, table.num_rows + 2)
        except (pa.ArrowException, KeyError):
            pass  # not plain enough for the fast path: the tolerant reader below decides
    from clvdesk.core.io.csv_reader import read_text_table

    raw = read_text_table(path, is_header=_names_header(names))
    return raw.frame[names], raw.row_numbers


def _names_header(names: list[str]):
    wanted = {n.strip().lower() for n in names}

    def is_header(cells) -> bool:
        return wanted <= {str(c).strip().lower() for c in cells if c is not None}

    return is_header


def _fit(name: str, data: LoadedData, penalty: float = 0.0):
    from clvdesk.core.errors import DataError
    from clvdesk.core.models import get_model

    model = get_model(name)()
    weights = data.column("weights")
    frequency = data.column("frequency")
    if name in TRANSACTION_MODELS:
        return model.fit(frequency, data.column("recency"), data.column("T"), weights,
                         penalty=penalty)
    if name == "bgbb":
        return model.fit(frequency, data.column("recency"), data.column("periods"), weights,
                         penalty=penalty)
    monetary = data.column("monetary_value")
    repeat = (frequency > 0) & (monetary > 0)
    if not repeat.any():
        raise DataError("Gamma-Gamma needs customers with repeat purchases of a positive amount; "
                        "there are none")
    return model.fit(frequency[repeat], monetary[repeat],
                     None if weights is None else weights[repeat], penalty=penalty)


def _fit_sbg(args, penalty: float = 0.0):
    from clvdesk.core.errors import InputError
    from clvdesk.core.models import get_model

    if args.alive and args.data:
        raise InputError("give the alive counts either with --alive or as a file, not both")
    if args.alive:
        try:
            alive = [float(v) for v in args.alive.replace(";", ",").split(",") if v.strip()]
        except ValueError:
            raise InputError("--alive must be numbers separated by commas, e.g. "
                             "1000,631,468") from None
    elif args.data:
        alive = _read_alive_file(Path(args.data), args.column)
    else:
        raise InputError("sbg needs the customers still active per period: --alive 1000,631,...")
    return get_model("sbg")().fit(alive, penalty=penalty)


def _read_alive_file(path: Path, column: str | None) -> list[float]:
    import pandas as pd

    from clvdesk.core.errors import InputError

    columns = _header_columns(path)
    lowered = {c.strip().lower(): c for c in columns}
    if column is not None:
        if column.strip().lower() not in lowered:
            raise InputError(f"column '{column}' not found; columns are: {', '.join(columns)}")
        column = lowered[column.strip().lower()]
    else:
        column = lowered.get("alive") or (columns[0] if len(columns) == 1 else None)
    if column is None:
        raise InputError("the file needs a column 'alive' (customers still active per period) "
                         f"or --column NAME; columns are: {', '.join(columns)}")
    values = pd.to_numeric(_read_raw_columns(path, [column])[0][column], errors="coerce")
    if values.isna().any():
        raise InputError("the alive counts must all be numbers")
    return values.astype(float).tolist()


def _print_text(result: dict) -> None:
    print(f"model: {result['model']}")
    print(f"customers: {result.get('n_customers')}")
    for name, value in result["params"].items():
        se = result.get("std_errors", {}).get(name)
        shown = f"{value:.6g}" + (f"  (se {se:.3g})" if se is not None else "")
        print(f"  {name:<8}{shown}")
    ll = result.get("log_likelihood")
    if ll is not None:
        print(f"log-likelihood: {ll:.4f}")
    for key in ("aic", "bic"):
        if result.get(key) is not None:
            print(f"{key.upper()}: {result[key]:.2f}")
