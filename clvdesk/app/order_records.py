"""Orders typed by hand: validation and conversion to the core's canonical order table.

No Qt here, so the conversion can run in a worker process. Rows are lists of text in the order
of :data:`COLUMNS`; amounts may use a decimal comma or point, dates ISO or day first.
"""

from __future__ import annotations

import datetime as dt

from clvdesk.core.errors import InputError

#: Canonical column names, in display order.
COLUMNS: tuple[str, ...] = ("customer_id", "date", "amount", "segment", "channel")
REQUIRED = ("customer_id", "date", "amount")
#: The English headers of the columns, as messages name them (the app shows its own labels).
ENGLISH_LABELS: dict[str, str] = {"customer_id": "customer", "date": "date", "amount": "amount",
                                  "segment": "segment", "channel": "channel"}
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y")
#: Context of these texts in the translation files (see :mod:`clvdesk.app.i18n`).
TR_CONTEXT = "OrderEntry"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation (``pyside6-lupdate`` collects it); returns it unchanged."""
    return text


def records_to_orders(records: list[list[str]]):
    """Typed rows (customer, date, amount, segment, channel) as a canonical order table.

    Amounts may use a decimal comma or point (``12,50`` or ``12.50``); dates ``YYYY-MM-DD`` or
    day first (``31-12-2024``, ``31/12/2024``, ``31.12.2024``). Raises InputError naming the
    first invalid cells.
    """
    typed = [[str(r[i]).strip() if i < len(r) else "" for i in range(len(COLUMNS))] for r in records]
    rows = [r for r in typed if any(r)]
    if not rows:
        raise InputError(code="no_orders_entered")
    found = problems(typed, lambda text: text, ENGLISH_LABELS)  # row numbers as the table shows
    if found:
        more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
        raise InputError("; ".join(found[:3]) + more)
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    orders = pd.DataFrame(
        {
            "customer_id": frame["customer_id"].astype(str),
            "date": pd.to_datetime([parse_date(t) for t in frame["date"]]),
            "amount": [parse_amount(t) for t in frame["amount"]],
        }
    )
    orders["amount"] = orders["amount"].astype(float)
    for optional in ("segment", "channel"):
        if (frame[optional] != "").any():
            orders[optional] = frame[optional].replace("", "unknown").astype(str)
    return orders


def parse_amount(text: str) -> float | None:
    """A typed amount: ``1234.5``, ``1234,5``, ``1.234,50``, ``1,234.50``, ``€ 12``."""
    text = text.strip().replace("\u00a0", "").replace(" ", "").lstrip("€$£")
    if not text:
        return None
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".") if text.rfind(",") > text.rfind(".") else text.replace(",", "")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def problems(rows: list[list[str]], tr, labels: dict[str, str] | None = None) -> list[str]:
    """One line per invalid cell (``row 3, amount: '12,3x' is not a number``); ``tr``
    translates the texts (identity outside Qt), ``labels`` names the columns as the table's
    headers do (default :data:`ENGLISH_LABELS`)."""
    labels = labels or ENGLISH_LABELS
    out = []
    for r, row in enumerate(rows):
        if not any(text.strip() for text in row):
            continue  # a blank row is not an order
        for name, text in zip(COLUMNS, row, strict=True):
            error = text_error(name, text, tr)
            if error:
                out.append(tr(QT_TRANSLATE_NOOP("OrderEntry", "row {0}, {1}: {2}")).format(r + 1, labels.get(name, ENGLISH_LABELS[name]), error))
    return out


def text_error(name: str, text: str, tr) -> str:
    """Why ``text`` is not a valid value of column ``name`` ("" if it is)."""
    if not text:
        return tr(QT_TRANSLATE_NOOP("OrderEntry", "required")) if name in REQUIRED else ""
    if name == "amount" and parse_amount(text) is None:
        return tr(QT_TRANSLATE_NOOP("OrderEntry", "'{0}' is not a number")).format(text)
    if name == "date" and parse_date(text) is None:
        return tr(QT_TRANSLATE_NOOP("OrderEntry", "'{0}' is not a date (use YYYY-MM-DD or DD-MM-YYYY)")).format(text)
    return ""


def parse_date(text: str) -> dt.date | None:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None
