"""Results as JSON-ready Python values: one conversion for ``--json``, ``to_dict()`` and files.

numpy and pandas scalars become Python numbers, NaN, infinities, ``pd.NA`` and ``NaT`` become
None (JSON ``null``), dates and times ISO 8601 text, arrays lists and DataFrames lists of
records. Neither numpy nor pandas is imported here: a value of theirs exists only where they
were imported, so the closed-form commands stay light.
"""

from __future__ import annotations

import math
import sys
from typing import Any


def json_ready(value: Any) -> Any:
    """``value`` with every container walked and every scalar a plain JSON value."""
    if isinstance(value, dict):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_ready(v) for v in value]
    np = sys.modules.get("numpy")
    pd = sys.modules.get("pandas")
    if pd is not None:
        if isinstance(value, pd.DataFrame):
            return json_ready(records(value))
        if value is pd.NA or value is pd.NaT:
            return None
    if np is not None:
        if isinstance(value, np.ndarray):
            return [json_ready(v) for v in value.tolist()]
        if isinstance(value, np.generic):
            value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def records(table) -> list[dict[str, Any]] | None:
    """The rows of a DataFrame as dicts (``None`` stays None); values are not yet converted."""
    return None if table is None else table.to_dict("records")
