"""The computations the window runs in a worker thread, each a plain function over the core.

Each job takes the core's ``progress(fraction, message)`` and ``cancel()`` callbacks (see
:mod:`clvdesk.app.workers`) and returns what the session stores. The app does no calculation of
its own: everything here is a call into :mod:`clvdesk.core`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


from clvdesk.app.project import DataSource
from clvdesk.core.errors import Cancelled, InputError

#: Keys of the session's assumptions that are UI settings, not pipeline inputs.
UI_ONLY_ASSUMPTIONS = ("currency",)


@dataclass
class LoadedData:
    """A read order table with its :class:`clvdesk.core.quality.QualityReport`."""

    orders: pd.DataFrame
    quality: Any
    source: DataSource
    #: settings for a new analysis of these orders (:class:`clvdesk.core.suggest.Suggestion`)
    suggestion: Any = None
    #: canonical column -> the file's own header
    headers: dict[str, str] | None = None


def read_source(source: DataSource, progress=None, cancel=None, *,
                fallback_currency: str = "€") -> LoadedData:
    """Read the orders ``source`` points at, report their quality and suggest settings.

    The suggestion (:func:`clvdesk.core.suggest.suggest_assumptions`) takes the currency from
    the amounts when they carry one, else ``fallback_currency`` (the user's locale).
    """
    _check(cancel)
    if source.kind == "demo":
        from clvdesk.core.datasets import load_cdnow

        _say(progress, 0.1, "loading the CDNOW demo data")
        orders = load_cdnow(segment=True)  # the demo segments of Assumptions.demo()
    elif source.kind == "manual":
        from clvdesk.app.order_records import records_to_orders

        orders = records_to_orders(source.records)
    elif source.kind == "file":
        if not source.path:
            raise InputError(code="no_data_file")
        from clvdesk.core.io.readers import read_orders

        imported = read_orders(
            Path(source.path),
            sheet=source.sheet,
            mapping=source.mapping or None,
            progress=_scaled(progress, 0.0, 0.8),
            cancel=cancel,
            **source.options,
        )
    else:
        raise InputError("no data yet: enter orders, import a file or open the demo")
    _check(cancel)
    _say(progress, 0.85, "checking data quality")
    from clvdesk.core.quality import quality_report
    from clvdesk.core.suggest import suggest_assumptions

    if source.kind == "file":
        quality = quality_report(imported)
        orders = imported.orders
        suggestion = suggest_assumptions(imported, fallback_currency=fallback_currency)
    else:
        quality = quality_report(orders)
        amounts = [row[2] for row in source.records if len(row) > 2]
        suggestion = suggest_assumptions(orders, amounts=amounts,
                                         fallback_currency=fallback_currency)
    _say(progress, 1.0, "done")
    return LoadedData(orders=orders, quality=quality, source=source, suggestion=suggestion,
                      headers=suggestion.headers)


def pipeline_assumptions(values: dict[str, Any]):
    """The core's ``Assumptions`` from the session's assumption values."""
    from clvdesk.core.pipeline import Assumptions

    known = set(Assumptions.__dataclass_fields__)
    kwargs = {k: v for k, v in values.items() if k in known and k not in UI_ONLY_ASSUMPTIONS}
    return Assumptions(**kwargs)


def analyse(orders: pd.DataFrame, values: dict[str, Any], progress=None, cancel=None):
    """Run the whole analysis (summary, fit, predictions, segments, cohorts, model check)."""
    from clvdesk.core.pipeline import run_analysis

    return run_analysis(orders, pipeline_assumptions(values), progress=progress, cancel=cancel)


def _check(cancel) -> None:
    if cancel is not None and cancel():
        raise Cancelled()


def _say(progress, fraction: float, message: str) -> None:
    if progress is not None:
        progress(fraction, message)


def _scaled(progress, start: float, end: float):
    if progress is None:
        return None
    return lambda fraction, message="": progress(start + (end - start) * fraction, message)
