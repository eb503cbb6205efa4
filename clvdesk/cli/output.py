"""Shared output helpers for subcommands: JSON printing and table files by extension."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from clvdesk.core.json_ready import json_ready


def print_json(obj: Any) -> None:
    """Print ``obj`` as JSON (NaN/inf become null, numpy scalars become numbers, dates ISO)."""
    json.dump(json_ready(obj), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def add_json_flag(parser) -> None:
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def output_path(text: str, inputs=(), suffixes=None) -> Path:
    """Validate an output path with the core's one check (folder exists, extension in
    ``suffixes``, not one of the ``inputs``): :func:`clvdesk.core.io.outputs.check_output`."""
    from clvdesk.core.io.outputs import check_output

    return check_output(text, inputs, suffixes=suffixes)
