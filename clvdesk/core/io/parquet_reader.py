"""Read Parquet order files (from a data team or a warehouse export) with pyarrow."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from clvdesk.core.errors import InputError
from clvdesk.core.extras import optional_module, require
from clvdesk.core.io.raw import CancelCheck, Progress, RawTable, check_cancel, header_names, report

PARQUET_MAGIC = b"PAR1"
_PARQUET = "reading Parquet files"
pa = optional_module("pyarrow", _PARQUET)


def read_parquet_table(path: Path, *, nrows: int | None = None, progress: Progress | None = None,
                       cancel: CancelCheck | None = None) -> RawTable:
    """Read a Parquet file into a :class:`RawTable` with its column types kept.

    Column-wise conversion from Arrow, no per-row work: text stays Arrow-backed (pandas
    ``str``), dates (``date32``/``date64``) become datetime64, timestamps with a time zone keep
    their local calendar day, integer columns with missing values become nullable ``Int64`` (not
    float, which would round ids above 2**53). ``nrows`` limits the rows read.
    """
    pq = require("pyarrow.parquet", _PARQUET)  # here: text and workbook imports skip it

    report(progress, 0.05, "reading Parquet")
    try:
        parquet = pq.ParquetFile(path)
        if nrows is not None:
            batches = parquet.iter_batches(batch_size=max(nrows, 1))
            first = next(batches, None)
            table = (pa.Table.from_batches([first]) if first is not None
                     else parquet.schema_arrow.empty_table())
            table = table.slice(0, nrows)
        else:
            table = parquet.read()
        check_cancel(cancel)
        frame = _to_frame(table)
    except (pa.ArrowException, OSError, ValueError, TypeError, OverflowError) as exc:
        text = " ".join(str(exc).split())[:200]
        raise InputError(code="parquet_unreadable", file=path.name, problem=text) from None
    for column in frame.columns:
        values = frame[column]
        if hasattr(values, "dt") and getattr(values.dt, "tz", None) is not None:
            frame[column] = values.dt.tz_localize(None)
    frame.columns = header_names(list(frame.columns))
    frame = frame.reset_index(drop=True)
    options = {"format": "parquet", "encoding": None, "delimiter": None, "header_row": None,
               "sheet": None}
    return RawTable(frame=frame, row_numbers=np.arange(1, len(frame) + 1), options=options)


def _to_frame(table: pa.Table) -> pd.DataFrame:
    """The Arrow table as a DataFrame, converted column by column (see read_parquet_table)."""
    nested = [i for i, column in enumerate(table.columns) if pa.types.is_nested(column.type)
              or pa.types.is_dictionary(column.type) and pa.types.is_nested(column.type.value_type)]
    if nested:  # struct, list and map cells become their text (they are no order values)
        import json

        for position in nested:
            values = table.column(position).to_pylist()
            text = pa.array([None if v is None else json.dumps(v, default=str)[:1000]
                             for v in values], type=pa.string())
            table = table.set_column(position, table.field(position).name, text)
    frame = table.to_pandas(date_as_object=False)
    for position, column in enumerate(table.columns):
        if pa.types.is_integer(column.type) and column.null_count:
            frame.isetitem(position, column.to_pandas(types_mapper=_nullable_integer))
    return frame


def _nullable_integer(arrow_type: pa.DataType) -> pd.api.extensions.ExtensionDtype | None:
    if pa.types.is_unsigned_integer(arrow_type):
        return pd.UInt64Dtype()
    return pd.Int64Dtype() if pa.types.is_integer(arrow_type) else None
