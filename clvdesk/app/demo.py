"""The demo session: the embedded CDNOW sample with the settings of the literature.

Orders of 2,357 CDNOW customers (Fader, Hardie & Lee 2005), calibrated on the 39 weeks to
1997-09-30 with the 39 weeks to 1998-06-30 held out, BG/NBD with Gamma-Gamma, amounts in US
dollars; assumptions from :meth:`clvdesk.core.pipeline.Assumptions.demo`, results per segment of
the core's demo segmentation (CDs in the first basket: "1 CD", "2-3 CDs", "4+ CDs",
:func:`clvdesk.core.datasets.first_basket_segments`; the data come from
``load_cdnow(segment=True)``) with its per-segment acquisition cost. The scenarios page opens
with the core's classic example (:data:`clvdesk.core.scenarios.DEMO_SCENARIOS`): a repeat buyer
against a one-time buyer.
"""

from __future__ import annotations

from dataclasses import asdict

from clvdesk.app.project import DataSource, Project
from clvdesk.app.session import DEFAULT_ASSUMPTIONS


def demo_assumptions() -> dict:
    """The session's assumption values for the demo (CDNOW amounts are US dollars).

    Includes the demo's ``segment_col`` and ``cac_by_segment``, so the Results page compares
    the segments as the command-line demo and the report workbook do.
    """
    from clvdesk.core.pipeline import Assumptions

    values = Assumptions.demo().to_dict()
    keep = {k: v for k, v in values.items() if k in DEFAULT_ASSUMPTIONS}
    return {**DEFAULT_ASSUMPTIONS, **keep, "currency": "$"}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation (``pyside6-lupdate`` collects it); returns it unchanged."""
    return text


#: The core's demo scenario names, marked for translation (context ``DemoScenarios``).
DEMO_NAMES = (QT_TRANSLATE_NOOP("DemoScenarios", "Repeat buyer"),
              QT_TRANSLATE_NOOP("DemoScenarios", "One-time buyer"))


def demo_scenario_name(name: str) -> str:
    """A demo scenario's name in the interface language (other names unchanged)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("DemoScenarios", name) if name in DEMO_NAMES else name


def demo_scenarios() -> list[dict]:
    """The repeat-buyer vs one-time-buyer example as scenario dicts, names translated."""
    from clvdesk.core.scenarios import DEMO_SCENARIOS

    return [{**asdict(s), "name": demo_scenario_name(s.name)} for s in DEMO_SCENARIOS]


def demo_project() -> Project:
    """A new project on the embedded demo data."""
    return Project(
        source=DataSource(kind="demo"),
        assumptions=demo_assumptions(),
        scenarios=demo_scenarios(),
    )
