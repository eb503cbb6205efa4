"""Embedded demo data: the CDNOW purchase logs (see ``SOURCE.md`` beside this file).

CDNOW: customers who first bought at CDNOW in Q1 1997, followed to June 1998. The literature
(Fader, Hardie & Lee 2005) calibrates on the 39 weeks to :data:`CDNOW_END` and holds out the
39 weeks to :data:`CDNOW_HOLDOUT_END`, in weeks, with same-day purchases merged.

The demo segments (:func:`first_basket_segments`, ``load_cdnow(segment=True)``) group the
customers by the number of CDs they bought on their first day: the one segmentation that the
command-line demo, the desktop app's demo and :meth:`clvdesk.core.pipeline.Assumptions.demo`
share.
"""

from __future__ import annotations

from importlib import resources

import numpy as np
import pandas as pd

#: End of the calibration period used in the papers (39 weeks after 1997-01-01).
CDNOW_END = "1997-09-30"
#: End of the holdout period (another 39 weeks).
CDNOW_HOLDOUT_END = "1998-06-30"

SOURCE = (
    "CDNOW data set as distributed by B. Hardie and shipped in the lifetimes package (MIT); "
    "Fader, Hardie & Lee (2005), Marketing Science 24(2)"
)

#: The demo segments, smallest first basket first.
DEMO_SEGMENTS: tuple[str, ...] = ("1 CD", "2-3 CDs", "4+ CDs")


def first_basket_segments(orders: pd.DataFrame) -> pd.Series:
    """Each order's demo segment: the size of its customer's first basket, in CDs.

    The basket is every CD of the customer's first purchase day (same-day orders merged, as
    the papers count purchases), labelled :data:`DEMO_SEGMENTS`: ``"1 CD"``, ``"2-3 CDs"``,
    ``"4+ CDs"``. All orders of a customer carry the same label, so the segment is a customer
    attribute known at acquisition, the moment an acquisition cost is paid.

    Why this segmentation and not the month of the first purchase (the Jan/Feb/Mar 1997
    cohorts): the cohorts of the sample are alike (predicted 12-month CLV per customer within
    about 10 % of each other, overlapping intervals), whereas the first basket separates the
    customers clearly. On the sample: 1,177 / 841 / 339 customers, average order value about
    $22 / $34 / $69, and predicted CLV per customer (demo assumptions) roughly 2.4 times as
    high for "4+ CDs" as for "1 CD", which is the comparison an analyst can act on.
    Needs the ``customer_id``, ``date`` and ``quantity`` columns of :func:`load_cdnow`.
    """
    first_day = orders["date"].groupby(orders["customer_id"]).transform("min")
    on_first_day = orders["date"] == first_day
    basket = orders["quantity"].where(on_first_day, 0).groupby(orders["customer_id"]).transform(
        "sum"
    )
    labels = np.select([basket <= 1, basket <= 3], DEMO_SEGMENTS[:2], DEMO_SEGMENTS[2])
    return pd.Series(labels, index=orders.index, name="segment", dtype="str")


def load_cdnow(sample: bool = True, *, segment: bool = False) -> pd.DataFrame:
    """Return the CDNOW order log as a canonical order table.

    Columns: ``customer_id`` (str), ``date`` (datetime64, day precision), ``quantity`` (CDs),
    ``amount`` (US dollars), and with ``segment=True`` the demo ``segment`` of
    :func:`first_basket_segments`. ``sample=True`` gives the 1/10 sample of the papers (6,919
    orders, 2,357 customers, customer ids are the sample ids 1..2357 as in the published
    summaries); ``sample=False`` the full log (69,659 orders, 23,570 customers).
    """
    name = "CDNOW_sample.txt" if sample else "CDNOW_master.txt"
    with resources.files(__package__).joinpath(name).open("r", encoding="ascii") as fh:
        if sample:
            raw = pd.read_csv(
                fh, sep=r"\s+", header=None,
                names=["master_id", "customer_id", "date", "quantity", "amount"],
                dtype={"master_id": str, "customer_id": str, "date": str},
            )
            raw["customer_id"] = raw["customer_id"].str.lstrip("0")
            raw = raw.drop(columns="master_id")
        else:
            raw = pd.read_csv(
                fh, sep=r"\s+", header=0, names=["customer_id", "date", "quantity", "amount"],
                dtype={"customer_id": str, "date": str},
            )
            raw["customer_id"] = raw["customer_id"].str.lstrip("0")
    raw["date"] = pd.to_datetime(raw["date"], format="%Y%m%d")
    raw["amount"] = raw["amount"].astype(float)
    orders = raw[["customer_id", "date", "quantity", "amount"]]
    if segment:
        orders = orders.assign(segment=first_basket_segments(orders))
    return orders
