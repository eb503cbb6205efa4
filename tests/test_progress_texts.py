"""Progress messages: each has a template, a Dutch translation, and the Dutch app shows it Dutch.

The core and the jobs report English progress ("summarising customers"); the status bar of the
Dutch window showed it as it was. Every message reported while a user reads CSV, Excel and
Parquet files, analyses them and exports must come from :data:`progress_texts.TEMPLATES`.
"""

import re
import xml.etree.ElementTree as ET

import pytest

from clvdesk.app.i18n import I18N_DIR
from clvdesk.core import progress_texts
from clvdesk.core.io.readers import read_orders
from tests.app_window import quiet_window
from tests.dutch_export import dutch_orders, write_dutch_export

TIMEOUT = 180_000
FIELDS = re.compile(r"\{(\w+)\}")


def dutch_progress() -> dict[str, str]:
    root = ET.parse(I18N_DIR / "clvdesk_nl.ts").getroot()
    context = next(c for c in root.iter("context") if c.findtext("name") == "progress")
    return {m.findtext("source"): m.findtext("translation") or "" for m in context.iter("message")}


def test_match_finds_the_template_and_its_values():
    assert progress_texts.match("fitting pareto-nbd") == ("fitting {model}",
                                                          {"model": "pareto-nbd"})
    assert progress_texts.match("summarising customers") == ("summarising customers", {})
    assert progress_texts.match("something else") is None


def test_every_template_has_a_dutch_translation_with_the_same_fields():
    dutch = dutch_progress()
    for template in progress_texts.TEMPLATES:
        assert dutch.get(template), f"no Dutch for progress text {template!r}"
        assert set(FIELDS.findall(dutch[template])) == set(FIELDS.findall(template)), template


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_readers_report_only_known_texts(tmp_path, suffix):
    path = tmp_path / f"orders{suffix}"
    if suffix == ".csv":
        write_dutch_export(path)
    else:
        frame = dutch_orders().head(500)
        frame.to_excel(path, index=False) if suffix == ".xlsx" else frame.to_parquet(path)
    messages: list[str] = []
    read_orders(path, progress=lambda _f, message="": messages.append(message))
    assert messages
    unknown = [m for m in messages if m and progress_texts.match(m) is None]
    assert not unknown


def test_the_dutch_status_bar_words_every_step(qtbot, tmp_path):
    window = quiet_window(qtbot, tmp_path, "nl")
    window.show()
    seen: list[tuple[str, str]] = []
    window.runner.progress.connect(
        lambda _f, message: seen.append((message, window.status_label.text())))

    with qtbot.waitSignal(window.analysis_ready, timeout=TIMEOUT):
        window.open_demo()  # the demo: read, then the analysis with holdout and comparison
    path = tmp_path / "bestellingen.csv"
    write_dutch_export(path)
    dialog = window.pages["data"].import_file(path)
    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        dialog.accept()
    assert done.args == ["load", "finished"], window.reporter.last
    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        window.run_analysis()
    assert done.args == ["analysis", "finished"], window.reporter.last
    export = window.pages["export"]
    for run in (lambda: export.export_report(tmp_path / "rapport.xlsx"),
                lambda: export.export_table("customers", tmp_path / "tabel.csv")):
        with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
            run()
        assert done.args == ["export", "finished"], window.reporter.last
    window.session.set_dirty(False)
    window.set_language("en")  # the app-wide translators and locale, for the tests after

    dutch = dutch_progress()
    messages = {message for message, _shown in seen if message}
    assert {"summarising customers", "predicting CLV", "writing the report workbook",
            "writing the table"} <= messages
    for message, shown in seen:
        if not message:
            continue
        found = progress_texts.match(message)
        assert found is not None, f"progress text without a template: {message!r}"
        template, values = found
        assert shown == dutch[template].format(**values), message
    fits = [(message, shown) for message, shown in seen if message.startswith("fitting ")]
    assert fits and all(shown == f"{message[8:]} schatten" for message, shown in fits)
    assert ("summarising customers", "klanten samenvatten") in seen
