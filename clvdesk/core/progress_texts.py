"""The words of every progress message the core and the app's jobs report, once.

Long work reports ``progress(fraction, message)`` with a short English message ("summarising
customers", "fitting bg-nbd"). The command line shows it as it is; the desktop app shows it in
the status bar in the interface language: :func:`match` finds the template a message was made
from and the values filled into it, the app translates the template (context ``progress`` of
``clvdesk_nl.ts``, extracted from :data:`TEMPLATES` by ``clvdesk.app.i18n.build``) and fills in
the same values. A test runs every job and checks that each message it reports has a template.

Only the standard library is imported here.
"""

from __future__ import annotations

import re
from functools import cache

#: Every progress message, as a template: ``{name}`` fields hold values (a model's name).
TEMPLATES: tuple[str, ...] = (
    "starting",
    "done",
    "loading the CDNOW demo data",
    "checking data quality",
    "checking workbook",
    "reading sheet",
    "converting cells",
    "reading rows",
    "reading Parquet",
    "reading the order file into the engine",
    "reading the first orders to show",
    "reading dates",
    "reading amounts",
    "mapping columns",
    "summarising customers",
    "fitting {model}",
    "fitted {model}",
    "predicting CLV",
    "predicting purchases",
    "intervals from parameter draws",
    "predictions done",
    "building segment and cohort tables",
    "listing customers to act on",
    "checking the model against the data",
    "models compared",
    "writing the report workbook",
    "writing the table",
)


def match(message: str) -> tuple[str, dict[str, str]] | None:
    """The template ``message`` was made from and its values, or None for an unknown message.

    >>> match("fitting pareto-nbd")
    ('fitting {model}', {'model': 'pareto-nbd'})
    """
    for template, pattern in _patterns():
        found = pattern.fullmatch(message)
        if found:
            return template, found.groupdict()
    return None


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    def pattern(template: str) -> re.Pattern[str]:
        parts = re.split(r"\{(\w+)\}", template)
        regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)"
                        for i, part in enumerate(parts))
        return re.compile(regex)

    return tuple((template, pattern(template)) for template in TEMPLATES)
