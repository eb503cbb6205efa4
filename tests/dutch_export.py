"""A Dutch webshop export as users send it, written for the tests that import one.

cp1252, `;` separated, a title line above the header, decimal commas and euro signs, day-first
dates, a ``Kanaal`` column, a few returns (negative amounts) and blank lines. The orders are the
CDNOW sample moved to 2023-2024, so the models have enough repeat buyers to fit.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

CHANNELS = ("Webshop", "Winkel", "Marktplaats")


def dutch_orders() -> pd.DataFrame:
    """The orders the file holds: customer, date, amount (euro), channel (Kanaal)."""
    from clvdesk.core.datasets import load_cdnow

    orders = load_cdnow().copy()
    orders["date"] = orders["date"] + pd.DateOffset(years=26)  # 1997-1998 -> 2023-2024
    ids = orders["customer_id"].astype(int)
    orders["channel"] = np.array(CHANNELS)[ids % 3]
    return orders


def write_dutch_export(path: Path, *, returns: int = 5) -> pd.DataFrame:
    """Write the export to ``path``; returns the orders written (returns included)."""
    orders = dutch_orders()
    # a few returns: the same customer, a week later, the amount negative
    picked = orders.iloc[:: max(len(orders) // max(returns, 1), 1)].head(returns).copy()
    picked["date"] = picked["date"] + pd.Timedelta(days=7)
    picked["amount"] = -picked["amount"]
    orders = pd.concat([orders, picked]).sort_values(["date", "customer_id"], kind="stable")

    def money(value: float) -> str:
        text = f"{abs(value):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
        return f"€ {'-' if value < 0 else ''}{text}"

    lines = ["Export webwinkel Café Noord – bestellingen 2023-2024", "",
             "Klantnummer;Besteldatum;Bedrag;Kanaal"]
    for n, row in enumerate(orders.itertuples(index=False)):
        lines.append(f"{row.customer_id};{row.date:%d-%m-%Y};{money(row.amount)};{row.channel}")
        if n in (100, 2000):
            lines.append("")
            lines.append(";;;")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return orders.reset_index(drop=True)
