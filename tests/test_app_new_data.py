"""A user's own Dutch export into the demo project: a new analysis from the data (issue 11).

Point 1: the settings come from the file (end, no holdout, split by its Kanaal column, no demo
CAC, euro), and the analysis runs without touching a setting. Point 5: the demo and reopened
projects are not modified; a changed assumption marks the results stale until they are re-run.
"""

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt

from clvdesk.core.segments import TOTAL_LABEL
from tests.app_window import quiet_window
from tests.dutch_export import CHANNELS, write_dutch_export

TIMEOUT = 180_000


@pytest.fixture
def window(qtbot, tmp_path):
    win = quiet_window(qtbot, tmp_path, "nl")
    win.show()
    yield win
    win.session.set_dirty(False)
    win.set_language("en")


def test_dutch_export_into_the_demo_is_a_new_analysis(qtbot, window, tmp_path):
    with qtbot.waitSignal(window.analysis_ready, timeout=TIMEOUT):
        window.open_demo()
    assert not window.session.dirty and not window.isWindowModified()  # the demo is not "modified"
    assert window.session.assumptions["holdout_end"] == "1998-06-30"

    path = tmp_path / "bestellingen.csv"
    written = write_dutch_export(path)
    dialog = window.pages["data"].import_file(path)
    assert not dialog.keep_settings()
    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        dialog.accept()
    assert done.args == ["load", "finished"], window.reporter.last
    values = window.session.assumptions
    assert values["end"] is None and values["holdout_end"] is None  # end = last order date
    assert values["segment_col"] == "channel" and values["cac_by_segment"] == {}
    assert values["cac"] == 0.0 and values["currency"] == "€"
    assert window.session.dirty  # the import is unsaved work
    assert window.session.project.scenarios == []  # the demo's examples are gone too

    page = window.pages["assumptions"]
    assert page.end_auto.isChecked() and not page.holdout_check.isChecked()
    assert page.end_edit.text() == f"{written['date'].max():%d-%m-%Y}"  # dd-mm-jjjj
    assert page.segment_combo.currentText() == "Kanaal"  # the file's own header
    rows = [page.segment_table.item(r, 0).text() for r in range(page.segment_table.rowCount())]
    assert rows == sorted(CHANNELS)
    assert page.segment_table.horizontalHeaderItem(0).text() == "Kanaal"

    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        window.run_analysis()
    assert done.args == ["analysis", "finished"], window.reporter.last
    result = window.session.result
    assert set(result.segments["segment"]) == {*CHANNELS, TOTAL_LABEL}
    segment_table = window.pages["results"].segment_model
    assert segment_table.headerData(0, Qt.Orientation.Horizontal) == "Kanaal"
    assert result.summary.attrs["end"] == written["date"].max()
    assert not window.session.stale

    # the Dutch report's quality sheet is Dutch: descriptions and actions as the app words them
    report = tmp_path / "rapport.xlsx"
    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        window.pages["export"].export_report(report)
    assert done.args == ["export", "finished"], window.reporter.last
    sheet = openpyxl.load_workbook(report)["Datakwaliteit"]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "retouren en negatieve bedragen" in texts
    assert any(t.startswith("behouden en verrekend") for t in texts)
    assert not any("returns and negative amounts" in t or t.startswith("kept") for t in texts)

    # switching the holdout on proposes dates inside the data: the last third, to a month end
    page.holdout_check.setChecked(True)
    values = window.session.assumptions
    assert values["end"] == "2023-12-31"
    assert values["holdout_end"] == written["date"].max().date().isoformat()
    assert dt.date.fromisoformat(values["holdout_end"]) <= written["date"].max().date()


def test_changed_assumption_marks_results_stale_until_rerun(qtbot, window, tmp_path):
    with qtbot.waitSignal(window.analysis_ready, timeout=TIMEOUT):
        window.open_demo()
    results = window.pages["results"]
    assert not window.session.stale and results.stale_banner.isHidden()
    window.pages["assumptions"].margin_spin.setValue(45.0)
    assert window.session.stale and window.session.dirty
    window.go_to("results")
    assert results.stale_banner.isVisible()
    with qtbot.waitSignal(window.analysis_ready, timeout=TIMEOUT):
        results.rerun_button.click()
    assert not window.session.stale and results.stale_banner.isHidden()
    assert window.session.result.assumptions.margin == pytest.approx(0.45)

    # a saved project opens unmodified, with fresh results
    project = tmp_path / "demo.clvproj"
    assert window.save_to(project)
    with qtbot.waitSignal(window.analysis_ready, timeout=TIMEOUT):
        assert window.open_project(project)
    assert not window.session.dirty and not window.isWindowModified()
    assert not window.session.stale


def test_scenario_from_a_segment_of_the_data(qtbot, window, tmp_path):
    from clvdesk.core.scenarios import observed_scenarios

    with qtbot.waitSignal(window.analysis_ready, timeout=TIMEOUT):
        window.open_demo()
    page = window.pages["scenarios"]
    # the demo's scenario names in the interface language (Dutch here)
    assert [s["name"] for s in window.session.project.scenarios] == [
        "Vaste klant", "Eenmalige koper"]
    page._fill_data_menu()
    entries = [a.text() for a in page.data_menu.actions()]
    assert entries[0] == "alle klanten" and sorted(entries[1:]) == ["1 CD", "2-3 CDs", "4+ CDs"]
    page.data_menu.actions()[entries.index("4+ CDs")].trigger()
    added = window.session.project.scenarios[-1]
    expected = observed_scenarios(window.session.orders, "segment", end="1997-09-30",
                                  margin=0.3, cac={"1 CD": 10.0, "2-3 CDs": 10.0,
                                                   "4+ CDs": 15.0})["4+ CDs"]
    assert added["name"] == "4+ CDs (gegevens)"
    for key in ("aov", "frequency", "lifespan", "cac", "margin"):
        assert added[key] == pytest.approx(getattr(expected, key)), key
    assert added["cac"] == 15.0
    row = page.input_table.rowCount() - 1
    assert page.input_table.item(row, 0).text() == "4+ CDs (gegevens)"


def test_typed_orders_are_a_new_analysis_too(qtbot, window):
    with qtbot.waitSignal(window.analysis_ready, timeout=TIMEOUT):
        window.open_demo()
    records = [[f"k{i % 7}", f"{1 + i % 28:02d}-0{1 + i % 6}-2024", f"€ {10 + i},50",
                "zakelijk" if i % 2 else "particulier", ""] for i in range(40)]
    data = window.pages["data"]
    data.entry_model.set_records(records)
    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        data.use_entered_orders()
    assert done.args == ["load", "finished"], window.reporter.last
    values = window.session.assumptions
    assert values["end"] is None and values["holdout_end"] is None
    assert values["segment_col"] == "segment" and values["cac_by_segment"] == {}
    assert values["currency"] == "€" and values["cac"] == 0.0
    # more typed rows are the same source: the user's own settings stay
    window.pages["assumptions"].margin_spin.setValue(55.0)
    data.entry_model.set_records([*records, ["k1", "30-06-2024", "12", "zakelijk", ""]])
    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT):
        data.use_entered_orders()
    assert window.session.assumptions["margin"] == pytest.approx(0.55)
