"""Which order files the engine reads itself, without the importer's pandas copy of the rows.

A Parquet file whose date column holds dates or timestamps, whose amount column holds numbers
and whose customer id is an integer or text column needs none of the importer's work (no title
rows, no Dutch numbers or dates, no text to parse): DuckDB reads it directly
(:meth:`~clvdesk.core.orderlog.OrderLog.from_file`), out of core, which is what makes a
100M-row file possible. Every other file goes through :func:`clvdesk.core.io.readers.read_orders`.
The CLI (``clvdesk summarize``) and the desktop app decide with :func:`engine_columns`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

#: Importer options that only the importer can apply (a file given any of them is read by it).
READER_OPTIONS = ("sheet", "header_row", "decimal", "dayfirst", "encoding", "delimiter")


def engine_columns(path: str | Path, mapping: Mapping[str, str | None] | None = None,
                   options: Mapping[str, Any] | None = None) -> dict[str, str] | None:
    """Canonical name -> the file's column when the engine can read ``path`` itself, else None.

    ``mapping`` (canonical -> column, as the import dialog and the ``--map`` flags give it;
    None leaves an optional column out) adds to the columns suggested from the headers
    (:func:`clvdesk.core.io.mapping.suggest_mapping`). ``options`` are importer options: any of
    :data:`READER_OPTIONS` set means the importer must read the file. A file that cannot be
    opened gives None too: the importer then words the error.
    """
    if Path(path).suffix.lower() not in (".parquet", ".pq") or any(
            (options or {}).get(name) is not None for name in READER_OPTIONS):
        return None
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return None
    from clvdesk.core.io.mapping import suggest_mapping

    try:
        schema = pq.read_schema(path)
    except (OSError, ValueError, pa.ArrowException):
        return None
    columns = suggest_mapping(schema.names)
    for role, column in (mapping or {}).items():
        if column is None or not str(column).strip():
            columns.pop(role, None)
        else:
            columns[role] = str(column).strip()
    if any(columns.get(role) not in schema.names for role in ("customer_id", "date", "amount")):
        return None
    date_type = schema.field(columns["date"]).type
    amount_type = schema.field(columns["amount"]).type
    id_type = schema.field(columns["customer_id"]).type
    if not (pa.types.is_date(date_type) or pa.types.is_timestamp(date_type)) or not (
            pa.types.is_integer(amount_type) or pa.types.is_floating(amount_type)) or not (
            pa.types.is_integer(id_type) or pa.types.is_string(id_type)
            or pa.types.is_large_string(id_type)):
        return None
    return columns


def parquet_rows(path: str | Path) -> int:
    """Rows of a Parquet file, from its footer (no data read)."""
    import pyarrow.parquet as pq

    return int(pq.ParquetFile(path).metadata.num_rows)
