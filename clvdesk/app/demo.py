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


def demo_scenarios() -> list[dict]:
    """The repeat-buyer vs one-time-buyer example as scenario dicts."""
    from clvdesk.core.scenarios import DEMO_SCENARIOS

    return [asdict(s) for s in DEMO_SCENARIOS]


def demo_project() -> Project:
    """A new project on the embedded demo data."""
    return Project(
        source=DataSource(kind="demo"),
        assumptions=demo_assumptions(),
        scenarios=demo_scenarios(),
    )
