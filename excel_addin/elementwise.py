"""Apply a closed-form core formula cell by cell over Excel ranges, with per-cell errors.

``=CLV_SIMPLE(A2:A100; 4; 5)`` gives a column of 99 CLVs: arguments broadcast like Excel arrays
(a single cell goes with any range, a column with a row gives a table). A bad cell spoils only
its own result (``"#VALUE! aov must be a number"`` in that row), never the whole column.

The core formulas are vectorised, so the valid cells are computed in one call; if the core
rejects a value (out of range), the cells are computed one by one to put the message in the
right place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import numpy as np

from clvdesk.core.errors import CLVError
from excel_addin.cells import (
    as_grid,
    broadcast_shape,
    cell_at,
    error_text,
    is_empty,
    result_for,
    to_cell,
    to_number,
)

#: Default meaning "leave the argument out of the core call" (the core's own default applies).
OMIT = object()


class Arg(NamedTuple):
    """One formula argument as the user gave it: its name, cell value(s) and default.

    ``default`` is a number for an empty cell, ``None`` when the argument is required (an empty
    cell gives ``#N/A``), or :data:`OMIT` to leave it out of the core call when empty.
    """

    name: str
    value: Any
    default: float | None | object = None


def apply(formula: Callable[..., Any], args: Sequence[Arg]) -> Any:
    """``formula`` over the broadcast cells of ``args``: one value for one cell, else a grid."""
    cells_in = [_one_cell(a.value) for a in args]
    if _RANGE not in cells_in:  # the common case, one cell per argument: no grids at all
        return to_cell(formula(**_scalar_kwargs(args, cells_in)))
    grids = [as_grid(a.value) for a in args]
    shape = broadcast_shape(grids, [a.name for a in args])
    if shape == (1, 1):
        kwargs = _scalar_kwargs(args, [g[0][0] for g in grids])
        return to_cell(formula(**kwargs))
    fast = _all_numbers(args, grids, shape)
    if fast is not None:  # one call on flat arrays (what every core function accepts)
        n = shape[0] * shape[1]
        try:
            result = np.asarray(formula(**fast), dtype=float)
        except CLVError:
            pass  # some cell is out of range: find it cell by cell below
        else:
            flat = result.reshape(-1) if result.size == n else np.broadcast_to(result, (n,))
            return [[to_cell(v) for v in row] for row in flat.reshape(shape).tolist()]
    rows, cols = shape
    cells: list[list[Any]] = [[None] * cols for _ in range(rows)]
    parsed: list[list[dict[str, float] | None]] = [[None] * cols for _ in range(rows)]
    for i in range(rows):
        for j in range(cols):
            try:
                parsed[i][j] = _scalar_kwargs(args, [cell_at(g, i, j) for g in grids])
            except CLVError as exc:
                cells[i][j] = error_text(exc)
    _fill_results(formula, parsed, cells)
    return result_for(shape, cells)


_RANGE = object()


def _one_cell(value: Any) -> Any:
    """The value of a single cell (``5`` or ``[[5]]``), or :data:`_RANGE` for a range."""
    if isinstance(value, (list, tuple)):
        if len(value) == 1 and isinstance(value[0], (list, tuple)) and len(value[0]) == 1:
            return value[0][0]
        return _RANGE
    if isinstance(value, np.ndarray):
        return value.item() if value.size == 1 else _RANGE
    return value


def _all_numbers(args: Sequence[Arg], grids: list[list[list[Any]]], shape: tuple[int, int]
                 ) -> dict[str, np.ndarray] | None:
    """The arguments as flat float arrays of the broadcast cells, row by row, when every cell
    is a plain number (a single empty cell takes its default); None when any cell needs the
    careful, cell-by-cell reading."""
    arrays: dict[str, np.ndarray] = {}
    for arg, grid in zip(args, grids, strict=True):
        if len(grid) == 1 and len(grid[0]) == 1 and is_empty(grid[0][0]):
            if arg.default is None:
                return None
            if arg.default is not OMIT:
                arrays[arg.name] = np.full(shape[0] * shape[1], float(arg.default))  # type: ignore[arg-type]
            continue
        if not all(type(v) in (float, int) for row in grid for v in row):
            return None
        array = np.array(grid, dtype=float)
        if np.isnan(array).any():
            return None
        arrays[arg.name] = np.broadcast_to(array, shape).reshape(-1)
    return arrays


def _scalar_kwargs(args: Sequence[Arg], values: Sequence[Any]) -> dict[str, float]:
    kwargs: dict[str, float] = {}
    for arg, value in zip(args, values, strict=True):
        if arg.default is OMIT:
            if not is_empty(value):
                kwargs[arg.name] = to_number(value, arg.name)
        else:
            kwargs[arg.name] = to_number(value, arg.name, arg.default)  # type: ignore[arg-type]
    return kwargs


def _fill_results(formula: Callable[..., Any], parsed: list[list[dict[str, float] | None]],
                  cells: list[list[Any]]) -> None:
    """Compute the valid cells: vectorised per group of cells giving the same arguments."""
    groups: dict[frozenset[str], list[tuple[int, int]]] = {}
    for i, row in enumerate(parsed):
        for j, kwargs in enumerate(row):
            if kwargs is not None:
                groups.setdefault(frozenset(kwargs), []).append((i, j))
    for names, positions in groups.items():
        arrays = {n: np.array([parsed[i][j][n] for i, j in positions]) for n in names}
        try:
            values = np.broadcast_to(np.asarray(formula(**arrays), dtype=float),
                                     (len(positions),))
        except CLVError:
            for i, j in positions:
                try:
                    cells[i][j] = to_cell(formula(**parsed[i][j]))
                except CLVError as exc:
                    cells[i][j] = error_text(exc)
            continue
        for (i, j), value in zip(positions, values, strict=True):
            cells[i][j] = to_cell(value)
