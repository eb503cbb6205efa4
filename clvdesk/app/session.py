"""The state of one analysis session, shared by the pages.

A :class:`Session` holds the :class:`~clvdesk.app.project.Project` (what gets saved) and what is
derived from it by the core: the order table, its quality report and the analysis result. Pages
read it and listen to its signals; only the main window changes the data, through the task
runner. Every change to the project marks the session dirty (unsaved), which drives the
window title, autosave and the prompt on close; opening a project or the demo does not.

A new data source (an imported file, orders typed by hand) is a new analysis:
:meth:`Session.start_analysis` takes its settings from the data
(:func:`clvdesk.core.suggest.suggest_assumptions`, see :func:`new_analysis_assumptions`), so
nothing of the demo or the previous file carries over unless the user keeps it on purpose.
A result is *stale* once an assumption differs from those it was computed with.
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

#: Assumption keys that only change how results are shown, not the results.
DISPLAY_ONLY = ("currency",)

if TYPE_CHECKING:
    import pandas as pd


def new_analysis_assumptions(current: dict[str, Any], suggestion, *, keep: bool = False
                             ) -> dict[str, Any]:
    """The session's assumptions for a new data source from the core's ``suggestion``.

    The calibration end follows the last order date (``end`` None), no holdout, the split and
    the currency the data suggest, no acquisition cost per segment. With ``keep`` the user's
    margin, discount rate, horizon, time unit, models and overall CAC stay, and so do the
    costs of segments the new data also have; the rest comes from the data or the defaults.
    Keys other engineers add to the defaults (model options) are kept with ``keep`` too.
    """
    derived = suggestion.assumptions
    if keep:
        values = {**DEFAULT_ASSUMPTIONS, **{k: v for k, v in current.items()
                                           if k not in ("end", "holdout_end", "segment_col",
                                                        "cac_by_segment", "currency")}}
    else:
        values = {**DEFAULT_ASSUMPTIONS, "period": derived.period, "cac": derived.cac}
    same_split = keep and current.get("segment_col") == derived.segment_col
    costs = dict(current.get("cac_by_segment") or {}) if same_split else {}
    values.update(
        end=None,
        holdout_end=None,
        segment_col=derived.segment_col,
        cac_by_segment={k: v for k, v in costs.items() if k in suggestion.segment_values},
        currency=(suggestion.currency if suggestion.currency_from_data or not keep
                  else current.get("currency") or suggestion.currency),
    )
    return values


class Session(QObject):
    """Project plus derived tables, with change signals."""

    project_changed = Signal()  # source, assumptions or scenarios edited
    orders_changed = Signal()  # new order table (and quality report)
    result_changed = Signal()  # new analysis result (or cleared)
    stale_changed = Signal(bool)  # the result no longer matches the assumptions (or again does)
    dirty_changed = Signal(bool)
    path_changed = Signal(object)  # Path | None of the project file

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = Project(assumptions=copy.deepcopy(DEFAULT_ASSUMPTIONS))
        self.path = None
        self.orders: pd.DataFrame | None = None
        #: rows of the whole order table; ``orders`` may hold only its first rows
        #: (:data:`clvdesk.app.jobs.PREVIEW_ROWS`)
        self.total_orders = 0
        #: each split column's values over the whole table (``jobs.split_values``)
        self.segment_values: dict[str, list[str]] = {}
        self.quality = None
        self.result = None
        #: canonical column -> the data's own header ("channel" -> "Kanaal")
        self.headers: dict[str, str] = {}
        self._result_values: dict[str, Any] | None = None
        self._stale = False
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

    @property
    def stale(self) -> bool:
        """True when the shown result was computed with other assumptions than the current."""
        return self._stale

    @property
    def orders_are_preview(self) -> bool:
        """True when :attr:`orders` is the first part of a larger table (which the analysis,
        the quality counts and the segment lists use whole)."""
        return self.orders is not None and self.total_orders > len(self.orders)

    def header(self, column: str | None) -> str | None:
        """The data's own name of a canonical column (``"Kanaal"``), else the column itself."""
        if column is None:
            return None
        return self.headers.get(column, column)

    def _update_stale(self) -> None:
        stale = self.result is not None and self._result_values is not None and (
            _analysis_inputs(self.assumptions) != self._result_values)
        if stale != self._stale:
            self._stale = stale
            self.stale_changed.emit(stale)

    # ------------------------------------------------------------------ edits
    def replace_project(self, project: Project, path=None, *, dirty: bool = False) -> None:
        """Start over from ``project`` (opened file, recovery, or New)."""
        project.assumptions = {**DEFAULT_ASSUMPTIONS, **project.assumptions}
        self.project = project
        self.orders = None
        self.total_orders = 0
        self.segment_values = {}
        self.quality = None
        self.result = None
        self.headers = {}
        self.set_path(path)
        self.set_dirty(dirty)
        self.project_changed.emit()
        self.orders_changed.emit()
        self.result_changed.emit()
        self._update_stale()

    def start_analysis(self, loaded, *, keep: bool = False) -> None:
        """A new data source (``jobs.LoadedData``): its orders, and settings from its data.

        ``keep``: the user chose to keep their margin, rates, horizon and models (see
        :func:`new_analysis_assumptions`) and, after the demo, its example scenarios. Marks the
        session dirty: the import is unsaved work.
        """
        if self.project.source.kind == "demo" and not keep:
            self.project.scenarios = []  # the demo's examples are not the user's what-ifs
        self.project.source = loaded.source
        self.headers = dict(loaded.headers or {})
        if loaded.suggestion is not None:
            self.project.assumptions = new_analysis_assumptions(
                self.assumptions, loaded.suggestion, keep=keep)
        self.set_dirty()
        self.set_orders(loaded.orders, loaded.quality, None, total_rows=loaded.total_rows,
                        segment_values=loaded.segment_values)
        self.project_changed.emit()

    def set_orders(self, orders: pd.DataFrame | None, quality, source: DataSource | None, *,
                   total_rows: int | None = None,
                   segment_values: dict[str, list[str]] | None = None) -> None:
        """New order table from a reader (``source`` None keeps the current one).

        ``total_rows`` and ``segment_values``: of the whole table when ``orders`` holds only
        its first rows (default: ``orders`` is the whole table).
        """
        from clvdesk.app.jobs import split_values

        self.orders = orders
        self.total_orders = len(orders) if total_rows is None and orders is not None else (
            total_rows or 0)
        self.segment_values = (dict(segment_values) if segment_values is not None
                               else split_values(orders) if orders is not None else {})
        self.quality = quality
        self.result = None
        self._update_stale()
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
            self._update_stale()

    def set_scenarios(self, scenarios: list[dict[str, Any]]) -> None:
        if scenarios != self.project.scenarios:
            self.project.scenarios = [dict(s) for s in scenarios]
            self.set_dirty()
            self.project_changed.emit()

    def set_result(self, result, values: dict[str, Any] | None = None) -> None:
        """Show ``result``, computed with the assumption ``values`` (default: the current)."""
        self.result = result
        self._result_values = _analysis_inputs(values if values is not None else self.assumptions)
        self.result_changed.emit()
        self._update_stale()


def _analysis_inputs(values: dict[str, Any]) -> dict[str, Any]:
    """The assumptions that change a result (not the display-only ones), defaults filled in."""
    merged = {**DEFAULT_ASSUMPTIONS, **values}
    return {k: copy.deepcopy(v) for k, v in merged.items() if k not in DISPLAY_ONLY}
