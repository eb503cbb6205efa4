"""Zero-copy access to the Arrow buffers of a pandas text column (used by the readers'
whitespace check)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def string_chunks(
    values: pd.Series,
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray | None]] | None:
    """The Arrow buffers of a text column, chunk by chunk, without copying: or None.

    Each chunk gives ``(offsets, data, valid)``: value ``i`` is the UTF-8 bytes
    ``data[offsets[i]:offsets[i + 1]]`` (offsets int64, rebased to start at 0), ``valid`` the
    non-missing mask (None without missing values). None if the column is not Arrow text.
    """
    import pyarrow as pa

    try:
        text = pa.array(values.array)
    except (TypeError, ValueError, pa.ArrowException):
        return None
    chunks = text.chunks if isinstance(text, pa.ChunkedArray) else [text]
    if not (pa.types.is_string(text.type) or pa.types.is_large_string(text.type)):
        return None
    item = 8 if pa.types.is_large_string(text.type) else 4
    out = []
    for chunk in chunks:
        _, offsets_buf, data_buf = chunk.buffers()
        if offsets_buf is None:  # an empty chunk
            continue
        offsets = np.frombuffer(offsets_buf, dtype=f"<i{item}", count=len(chunk) + 1,
                                offset=chunk.offset * item).astype(np.int64, copy=False)
        start = int(offsets[0])
        data = (np.frombuffer(data_buf, dtype=np.uint8)[start:int(offsets[-1])]
                if data_buf is not None else np.zeros(0, dtype=np.uint8))
        if start:
            offsets = offsets - start
        valid = chunk.is_valid().to_numpy(zero_copy_only=False) if chunk.null_count else None
        out.append((offsets, data, valid))
    return out
