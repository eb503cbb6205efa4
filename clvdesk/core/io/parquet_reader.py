"""Read Parquet order files (from a data team or a warehouse export) with pyarrow."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from clvdesk.core.errors import InputError
from clvdesk.core.io.raw import CancelCheck, Progress, RawTable, check_cancel, header_names, report

PARQUET_MAGIC = b"PAR1"


def read_parquet_table(path: Path, *, nrows: int | None = None, progress: Progress | None = None,
                       cancel: CancelCheck | None = None) -> RawTable:
    """Read a Parquet file into a :class:`RawTable` with its column types kept.

    Timestamps with a time zone keep their local calendar day. ``nrows`` limits the rows read.
    """
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
        frame = table.to_pandas()
    except (pa.ArrowException, OSError, ValueError, TypeError, OverflowError) as exc:
        text = " ".join(str(exc).split())[:200]
        raise InputError(f"{path.name} could not be read as Parquet: {text}") from None
    for column in frame.columns:
        values = frame[column]
        if hasattr(values, "dt") and getattr(values.dt, "tz", None) is not None:
            frame[column] = values.dt.tz_localize(None)
    frame.columns = header_names(list(frame.columns))
    frame = frame.reset_index(drop=True)
    options = {"format": "parquet", "encoding": None, "delimiter": None, "header_row": None,
               "sheet": None}
    return RawTable(frame=frame, row_numbers=np.arange(1, len(frame) + 1), options=options)
