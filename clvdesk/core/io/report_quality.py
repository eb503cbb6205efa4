"""The Data quality sheet: the overview and the issues of :mod:`clvdesk.core.quality`.

The quality report (:func:`clvdesk.core.quality.quality_report`, as object or ``to_dict()``)
gives rows read, dropped and used, ``customers``, ``total_amount``, ``first_date``,
``last_date`` and ``issues``, each with ``kind`` (shown in the report's language),
``description``, ``count``, ``share``, ``examples`` and ``action`` (what the computation does
with those rows; description and action are the core's English text). Examples come from the
user's file, so they are written as escaped text like every other text of the report.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from openpyxl.worksheet.worksheet import Worksheet

from clvdesk.core.io.report_cells import SECTION_FONT, Column, put, put_note, put_table, put_title
from clvdesk.core.io.report_labels import Labels, NumberFormats


def field(report, key: str, default=None):
    """``report[key]`` for a mapping, ``report.key`` for an object, else ``default``."""
    if isinstance(report, Mapping):
        return report.get(key, default)
    return getattr(report, key, default)


def write_quality(ws: Worksheet, quality, labels: Labels, formats: NumberFormats) -> None:
    """Fill the Data quality sheet from a quality report (object or its ``to_dict()``)."""
    put_title(ws, labels["title_quality"])
    if quality is None:
        put_note(ws, 3, 1, labels["not_available"])
        return
    overview = [
        ("rows_read", formats.integer), ("dropped_rows", formats.integer),
        ("blank_rows", formats.integer), ("rows", formats.integer),
        ("customers", formats.integer), ("total_amount", formats.money),
        ("first_date", formats.date), ("last_date", formats.date),
    ]
    row = 2
    for key, number_format in overview:
        value = field(quality, key)
        if value is None:
            continue
        if number_format == formats.date:
            value = _date(value)
        row += 1
        put(ws, row, 1, labels[key])
        put(ws, row, 2, value, number_format)

    row += 2
    put(ws, row, 1, labels["issues"], font=SECTION_FONT)
    issues = list(field(quality, "issues", []) or [])
    if not issues:
        put_note(ws, row + 1, 1, labels["no_issues"])
        return
    columns = [Column(labels["issue"], width=26), Column(labels["description"], width=40),
               Column(labels["count"], formats.integer, 10),
               Column(labels["share_of"], formats.percent, 10),
               Column(labels["examples"], width=40), Column(labels["action"], width=60)]
    rows = []
    for issue in issues:
        examples = field(issue, "examples", []) or []
        if not isinstance(examples, str):
            examples = "; ".join(str(e) for e in examples)
        rows.append((labels[f"issue_{field(issue, 'kind')}"], field(issue, "description"),
                     field(issue, "count"), field(issue, "share"), examples,
                     field(issue, "action")))
    put_table(ws, row + 1, columns, rows)
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width or 0, 26)


def _date(value):
    """A date of the report (a Timestamp or ISO text) as a datetime, or None."""
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(stamp) else stamp.to_pydatetime()
