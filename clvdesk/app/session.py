"""The state of one analysis session, shared by the pages.

A :class:`Session` holds the :class:`~clvdesk.app.project.Project` (what gets saved) and what is
derived from it by the core: the order table, its quality report and the analysis result. Pages
read it and listen to its signals; only the main window changes the data, through the task
runner. Every change to the project marks the session dirty (unsaved), which drives the
window title, autosave and the prompt on close.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from clvdesk.app.project import DataSource, Project

#: The assumptions a new project starts with (names of ``clvdesk.core.pipeline.Assumptions``).
DEFAULT_ASSUMPTIONS: dict[str, Any] = {
    "period": "weeks",
    "end": None,
    "holdout_end": None,
    "horizon": 12,
    "horizon_unit": "months",
    "margin": 0.30,
    "annual_discount_rate": 0.10,
    "cac": 0.0,
    "cac_by_segment": {},
    "segment_col": None,
    "model": "bgnbd",
    "spend_model": "gamma-gamma",
    "penalty": 0.0,
    "auto_penalty": True,
    "currency": "€",
}

if TYPE_CHECKING:
    import pandas as pd


class Session(QObject):
    """Project plus derived tables, with change signals."""

    project_changed = Signal()  # source, assumptions or scenarios edited
    orders_changed = Signal()  # new order table (and quality report)
    result_changed = Signal()  # new analysis result (or cleared)
    dirty_changed = Signal(bool)
    path_changed = Signal(object)  # Path | None of the project file

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = Project(assumptions=copy.deepcopy(DEFAULT_ASSUMPTIONS))
        self.path = None
        self.orders: pd.DataFrame | None = None
        self.quality = None
        self.result = None
        self._dirty = False

    # ------------------------------------------------------------------ state
    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_dirty(self, dirty: bool = True) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def set_path(self, path) -> None:
        self.path = path
        self.path_changed.emit(path)

    @property
    def assumptions(self) -> dict[str, Any]:
        """The current assumptions, defaults filled in."""
        return {**DEFAULT_ASSUMPTIONS, **self.project.assumptions}

    @property
    def currency(self) -> str:
        return str(self.assumptions.get("currency") or "€")

    # ------------------------------------------------------------------ edits
    def replace_project(self, project: Project, path=None, *, dirty: bool = False) -> None:
        """Start over from ``project`` (opened file, recovery, or New)."""
        project.assumptions = {**DEFAULT_ASSUMPTIONS, **project.assumptions}
        self.project = project
        self.orders = None
        self.quality = None
        self.result = None
        self.set_path(path)
        self.set_dirty(dirty)
        self.project_changed.emit()
        self.orders_changed.emit()
        self.result_changed.emit()

    def set_orders(self, orders: pd.DataFrame | None, quality, source: DataSource | None) -> None:
        """New order table from a reader (``source`` None keeps the current one)."""
        self.orders = orders
        self.quality = quality
        self.result = None
        if source is not None:
            self.project.source = source
            self.set_dirty()
            self.project_changed.emit()
        self.orders_changed.emit()
        self.result_changed.emit()

    def set_assumptions(self, values: dict[str, Any]) -> None:
        merged = {**self.assumptions, **values}
        if merged != self.project.assumptions:
            self.project.assumptions = merged
            self.set_dirty()
            self.project_changed.emit()

    def set_scenarios(self, scenarios: list[dict[str, Any]]) -> None:
        if scenarios != self.project.scenarios:
            self.project.scenarios = [dict(s) for s in scenarios]
            self.set_dirty()
            self.project_changed.emit()

    def set_result(self, result) -> None:
        self.result = result
        self.result_changed.emit()
