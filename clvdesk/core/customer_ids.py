"""Number customer ids 0..n-1 fast, for per-customer aggregation with ``np.bincount``.

``pd.factorize`` builds a hash table, which is slow on millions of rows. Most customer ids map
onto a small range of integers: customer numbers, and short codes such as ``"C0000001"`` or
``"12345"``. Those are numbered by counting (O(n), no hashing or sorting); other ids (e-mail
addresses, long codes) fall back to ``pd.factorize``. Either way the result is exactly that of
``pd.factorize(ids, sort=False)``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Largest key range numbered by counting instead of hashing (a bool and an int64 per key).
_DENSE_KEYS = 1 << 24


def customer_codes(customers: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Number the customers 0..n-1 in order of first appearance: ``(codes, ids)``.

    Like ``pd.factorize(customers)``, but hash tables are slow on millions of rows. Ids that
    map onto a small range of integers are numbered by counting instead (O(n), no hashing or
    sorting): integers directly, and text of at most 8 bytes (``"C0000001"``, ``"12345"``)
    as a mixed-radix number of its byte pairs, each position counting only the values it
    holds. Other ids go through ``pd.factorize``.
    """
    if isinstance(customers.dtype, pd.CategoricalDtype):
        customers = customers.astype(customers.cat.categories.dtype)
    dense = _dense_key(customers)
    if dense is None:
        codes, uniques = pd.factorize(customers, sort=False)
        return codes.astype(np.int64), pd.Index(uniques, name="customer_id")
    key, size = dense
    rows = key.size
    # the first row of each key, then the keys numbered by that row (order of appearance):
    # marking the first rows and counting the marks replaces a sort
    row_type = np.int32 if rows < 2**31 - 1 else np.int64
    first_row = np.full(size, rows, dtype=row_type)
    np.minimum.at(first_row, key, np.arange(rows, dtype=row_type))
    present = first_row < rows
    first_rows = first_row[present]
    is_first = np.zeros(rows, dtype=bool)
    is_first[first_rows] = True
    rank = np.cumsum(is_first, dtype=row_type) - 1
    # a table of row_type: half the cache footprint of int64 for the gather over every row
    code_of_key = np.zeros(size, dtype=row_type)
    code_of_key[present] = rank[first_rows]
    uniques = customers.array.take(np.flatnonzero(is_first))
    return code_of_key[key].astype(np.int64), pd.Index(uniques, name="customer_id")


def _dense_key(customers: pd.Series) -> tuple[np.ndarray, int] | None:
    """Each id as an integer in ``0..size-1`` (equal ids, equal keys), or None if too wide."""
    if customers.empty:
        return None
    if pd.api.types.is_integer_dtype(customers.dtype) and not customers.hasnans:
        values = customers.to_numpy(dtype=np.int64)
        low = int(values.min())
        size = int(values.max()) - low + 1
        return (values - low, size) if size <= _DENSE_KEYS else None
    if not pd.api.types.is_string_dtype(customers.dtype):
        return None
    byte_matrix = _id_bytes(customers)
    if byte_matrix is None:
        return None
    if byte_matrix.shape[1] % 2:
        byte_matrix = np.pad(byte_matrix, ((0, 0), (0, 1)))
    # two bytes at a time: half the passes, with a 65,536-entry lookup table each
    pairs = np.ascontiguousarray(byte_matrix).view(np.uint16)
    # int32 keys (size <= _DENSE_KEYS < 2**31): half the memory traffic of int64
    key = np.zeros(pairs.shape[0], dtype=np.int32)
    size = 1
    for column in np.asfortranarray(pairs).T:
        seen = np.bincount(column, minlength=1 << 16) > 0
        radix = int(seen.sum())
        if radix == 1:
            continue
        size *= radix
        if size > _DENSE_KEYS:
            return None
        key *= radix
        key += (np.cumsum(seen, dtype=np.int32) - 1)[column]
    return key, size


def _id_bytes(customers: pd.Series) -> np.ndarray | None:
    """Text ids of at most 8 bytes as an (n, width) uint8 matrix padded with 0, or None."""
    chunks = string_chunks(customers)
    if chunks is None or any(valid is not None for _, _, valid in chunks):
        return None
    lengths = [np.diff(offsets) for offsets, _, _ in chunks]
    width = max((int(part.max()) for part in lengths if part.size), default=0)
    if width > 8:
        return None
    if width == 0:
        return np.zeros((len(customers), 1), dtype=np.uint8)
    matrices = []
    for (offsets, data, _), length in zip(chunks, lengths, strict=True):
        if data.size and data.min() == 0:
            return None  # NUL bytes, which the zero padding could not tell apart
        if (length == width).all():
            matrices.append(data.reshape(length.size, width))
            continue
        positions = offsets[:-1, None] + np.arange(width)
        matrix = data[np.minimum(positions, max(data.size - 1, 0))] if data.size else \
            np.zeros((length.size, width), dtype=np.uint8)
        matrix[np.arange(width) >= length[:, None]] = 0
        matrices.append(matrix)
    return matrices[0] if len(matrices) == 1 else np.concatenate(matrices)


def string_chunks(
    values: pd.Series,
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray | None]] | None:
    """The Arrow buffers of a text column, chunk by chunk, without copying: or None.

    Each chunk gives ``(offsets, data, valid)``: value ``i`` is the UTF-8 bytes
    ``data[offsets[i]:offsets[i + 1]]`` (offsets int64, rebased to start at 0), ``valid`` the
    non-missing mask (None without missing values). None if the column is not Arrow text, or
    without pyarrow (xlwings Lite's Pyodide, the light install): ids are then numbered by
    ``pd.factorize``, with the same result.
    """
    try:  # the io extra; without pyarrow the callers take their general path
        import pyarrow as pa
    except ImportError:
        return None
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
