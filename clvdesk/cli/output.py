"""Shared output helpers for subcommands: JSON printing and table files by extension."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    np = sys.modules.get("numpy")  # numpy values exist only where numpy was imported
    if np is not None and isinstance(value, np.ndarray):
        return [_jsonable(v) for v in value.tolist()]
    if np is not None and isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def print_json(obj: Any) -> None:
    """Print ``obj`` as JSON (NaN/inf become null, numpy scalars become numbers, dates ISO)."""
    json.dump(_jsonable(obj), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def add_json_flag(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def output_path(text: str, inputs=(), suffixes=None) -> Path:
    """Validate an output path with the core's one check (folder exists, extension in
    ``suffixes``, not one of the ``inputs``): :func:`clvdesk.core.io.outputs.check_output`."""
    from clvdesk.core.io.outputs import check_output

    return check_output(text, inputs, suffixes=suffixes)
