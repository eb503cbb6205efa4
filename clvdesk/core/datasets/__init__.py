"""Embedded demo data: the CDNOW purchase logs (see ``SOURCE.md`` beside this file).

CDNOW: customers who first bought at CDNOW in Q1 1997, followed to June 1998. The literature
(Fader, Hardie & Lee 2005) calibrates on the 39 weeks to :data:`CDNOW_END` and holds out the
39 weeks to :data:`CDNOW_HOLDOUT_END`, in weeks, with same-day purchases merged.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd

#: End of the calibration period used in the papers (39 weeks after 1997-01-01).
CDNOW_END = "1997-09-30"
#: End of the holdout period (another 39 weeks).
CDNOW_HOLDOUT_END = "1998-06-30"

SOURCE = (
    "CDNOW data set as distributed by B. Hardie and shipped in the lifetimes package (MIT); "
    "Fader, Hardie & Lee (2005), Marketing Science 24(2)"
)


def load_cdnow(sample: bool = True) -> pd.DataFrame:
    """Return the CDNOW order log as a canonical order table.

    Columns: ``customer_id`` (str), ``date`` (datetime64, day precision), ``quantity`` (CDs),
    ``amount`` (US dollars). ``sample=True`` gives the 1/10 sample of the papers (6,919 orders,
    2,357 customers, customer ids are the sample ids 1..2357 as in the published summaries);
    ``sample=False`` the full log (69,659 orders, 23,570 customers).
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
    return raw[["customer_id", "date", "quantity", "amount"]]
