"""The table a reader hands over before any mapping or parsing: source columns, source rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clvdesk.core.errors import Cancelled

#: ``is_header(cells) -> score``: 2 if this row of cells names all order columns, 1 if some,
#: 0 if none.
HeaderTest = Callable[[Sequence[object]], int]
Progress = Callable[[float, str], None]
CancelCheck = Callable[[], bool]

#: How many rows from the top are searched for the header row.
HEADER_SEARCH_ROWS = 30


@dataclass
class RawTable:
    """A table as read: ``frame`` has the source column names, text files give strings.

    ``row_numbers[i]`` is the source row of ``frame.iloc[i]`` as the user sees it (line number
    in a text file, row number in a sheet, 1-based). ``options`` holds what was detected.
    ``bad_rows`` lists ``(row number, reason)`` of rows the reader could not split into cells.
    """

    frame: pd.DataFrame
    row_numbers: np.ndarray
    options: dict[str, Any]
    sheets: list[str] = field(default_factory=list)
    bad_rows: list[tuple[int, str]] = field(default_factory=list)


def find_header_row(rows: Sequence[Sequence[object]], is_header: HeaderTest) -> int:
    """Index of the header among the first rows: the first that names all order columns,
    else the first that names some of them.

    Without such a row: the first row whose cells all fill the most common width (a title line
    above the header has fewer cells), else 0.
    """
    head = list(rows[:HEADER_SEARCH_ROWS])
    scores = [is_header(row) for row in head]
    for wanted in (2, 1):
        if wanted in scores:
            return scores.index(wanted)
    widths = [sum(1 for cell in row if filled(cell)) for row in head]
    common = Counter(w for w in widths if w > 1).most_common(1)
    if common:
        return widths.index(common[0][0])
    return 0


def filled(cell: object) -> bool:
    """True for a cell with content (not None, not empty or whitespace text)."""
    return cell is not None and str(cell).strip() != ""


def header_names(cells: Sequence[object]) -> list[str]:
    """Column names from header cells: blanks become ``column N``, repeats get ``.2``, ``.3``."""
    given = [_cell_text(cell).strip() or f"column {position}"
             for position, cell in enumerate(cells, start=1)]
    taken = set(given)
    names: list[str] = []
    used: set[str] = set()
    for name in given:
        if name in used:  # "amount, amount, amount.2": the second becomes amount.3
            number = 2
            while f"{name}.{number}" in taken or f"{name}.{number}" in used:
                number += 1
            name = f"{name}.{number}"
        used.add(name)
        names.append(name)
    return names


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 2**53:
        return str(int(cell))
    return str(cell)


def check_cancel(cancel: CancelCheck | None) -> None:
    """Raise :class:`Cancelled` when the caller asked to stop."""
    if cancel is not None and cancel():
        raise Cancelled("import cancelled")


def report(progress: Progress | None, fraction: float, message: str) -> None:
    """Tell the caller how far we are (fraction 0..1)."""
    if progress is not None:
        progress(min(max(fraction, 0.0), 1.0), message)
