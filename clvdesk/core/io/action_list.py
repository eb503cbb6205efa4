"""The CRM list: the "high value, at risk" customers of :mod:`clvdesk.core.actions` as a file.

:func:`write_action_list` writes :attr:`clvdesk.core.actions.Actions.priority` (or any customer
table of it) to ``.csv`` or ``.xlsx`` in the user's language and locale: headers and the tier,
status and churn-band words in English or Dutch; an English csv uses ``,`` between fields, a
``.`` decimal point and ISO dates, a Dutch one ``;``, a decimal comma and ``dd-mm-jjjj`` (what
Excel with Dutch regional settings opens directly). Customer ids stay text, text starting with
``= + - @`` is escaped, and the write is atomic.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from clvdesk.core.errors import InputError
from clvdesk.core.io.atomic import write_atomic
from clvdesk.core.io.tables import escape_cell_text, write_table

HEADERS = {
    "customer_id": ("customer_id", "klant_id"), "segment": ("segment", "segment"),
    "tier": ("value tier", "waardeklasse"), "status": ("status", "status"),
    "clv": ("CLV", "CLV"), "expected_purchases": ("expected purchases", "verwachte aankopen"),
    "p_alive": ("P(alive)", "P(actief)"), "churn_risk": ("churn risk", "vertrekkans"),
    "churn_band": ("churn band", "vertrekrisico"),
    "days_since_last_purchase": ("days since last purchase", "dagen sinds laatste aankoop"),
    "next_purchase_date": ("next purchase if active", "volgende aankoop indien actief"),
    "nps": ("NPS score", "NPS-score"),
}
WORDS = {
    "new": ("new", "nieuw"), "active": ("active", "actief"), "at_risk": ("at risk", "risico"),
    "lapsed": ("lapsed", "vertrokken"), "low": ("low", "laag"), "medium": ("medium", "middel"),
    "high": ("high", "hoog"),
}


def localized(table: pd.DataFrame, tier_labels: dict[int, str], language: str = "en"
              ) -> pd.DataFrame:
    """``table`` with translated headers and words (tier numbers become their labels)."""
    nl = 1 if language == "nl" else 0
    frame = table.reset_index()
    for column in ("status", "churn_band"):
        if column in frame:
            frame[column] = frame[column].map(lambda v: WORDS.get(v, (v, v))[nl])
    if "tier" in frame:
        frame["tier"] = frame["tier"].map(tier_labels)
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].map(escape_cell_text)
    return frame.rename(columns={k: v[nl] for k, v in HEADERS.items()})


def write_action_list(table: pd.DataFrame, path: str | os.PathLike, *,
                      tier_labels: dict[int, str], language: str = "en") -> Path:
    """Write a customer table of the actions (index ``customer_id``) to ``.csv`` or ``.xlsx``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError(code="action_list_format", file=path.name)
    if not path.parent.is_dir():
        raise InputError(code="output_folder_missing", folder=str(path.parent))
    frame = localized(table, tier_labels, language)
    if suffix == ".xlsx":
        return write_table(frame, path, index=False, sheet_name="CRM")
    nl = language == "nl"

    def write(tmp: Path) -> None:
        frame.to_csv(tmp, index=False, sep=";" if nl else ",", decimal="," if nl else ".",
                     date_format="%d-%m-%Y" if nl else "%Y-%m-%d", encoding="utf-8-sig")

    return write_atomic(path, write)
