"""The real flow in the window: demo -> fit -> scenarios -> export -> save, checked against the core.

The analysis runs in the app's worker process, exactly as for a user; the values the pages show
are compared with the core's own results for the same inputs.
"""

import dataclasses

import openpyxl
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from clvdesk.app.formatting import Formatter
from clvdesk.app.project import load_project
from clvdesk.core.datasets import DEMO_SEGMENTS, load_cdnow
from clvdesk.core.pipeline import Assumptions, run_analysis
from clvdesk.core.scenarios import DEMO_SCENARIOS, Scenario, compare
from clvdesk.core.segments import TOTAL_LABEL
from tests.app_window import quiet_window

TIMEOUT = 180_000


@pytest.fixture(scope="module")
def core_result():
    """The core's own analysis of the demo with the demo's assumptions."""
    return run_analysis(load_cdnow(segment=True), Assumptions.demo())


@pytest.fixture
def window(qtbot, tmp_path):
    win = quiet_window(qtbot, tmp_path)
    win.show()
    yield win
    win.session.set_dirty(False)


def test_demo_fit_scenarios_export_and_save(qtbot, window, core_result, tmp_path):
    with qtbot.waitSignal(window.analysis_ready, timeout=TIMEOUT):
        window.open_demo()
    assert window.reporter.last is None
    result = window.session.result
    fmt = Formatter("en", "$")
    assert window.current_page() == "results"

    # Results: the cards show the core's numbers
    expected_total = core_result.segments.iloc[-1]
    page = window.pages["results"]
    assert page.card_labels["customers"][1].text() == "2,357"
    assert page.card_labels["clv_total"][1].text() == fmt.money(expected_total["clv"], 0)
    assert page.card_labels["clv_mean"][1].text() == fmt.money(expected_total["clv_mean"])
    assert "r 0.243" in page.card_labels["model"][1].text()
    pd.testing.assert_frame_equal(result.segments, core_result.segments)
    pd.testing.assert_frame_equal(result.predictions, core_result.predictions)
    # Per segment: the core's demo segments (CDs in the first basket), CLV with its interval
    # and the demo's CAC per segment, as the page shows them
    model = page.segment_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    shown = pd.DataFrame([[model.data(model.index(r, c)) for c in range(model.columnCount())]
                          for r in range(model.rowCount())], columns=headers)
    assert shown["Segment"].tolist() == [*DEMO_SEGMENTS, TOTAL_LABEL]
    expected = core_result.segments
    assert shown["Customers"].tolist() == ["1,177", "841", "339", "2,357"]
    for label, column in (("CLV per customer ($)", "clv_mean"),
                          ("Low per customer ($)", "clv_low_mean"),
                          ("High per customer ($)", "clv_high_mean"),
                          ("CAC ($)", "acquisition_cost")):
        assert shown[label].tolist() == [fmt.money(v) for v in expected[column]], label
    by_segment = expected.set_index("segment")
    assert by_segment.loc["4+ CDs", "acquisition_cost"] == 15.0
    assert by_segment.loc["1 CD", "acquisition_cost"] == 10.0
    assert (by_segment["clv_low"] < by_segment["clv"]).all()
    assert (by_segment["clv"] < by_segment["clv_high"]).all()
    assert by_segment.loc["4+ CDs", "clv_mean"] > 2 * by_segment.loc["1 CD", "clv_mean"]

    # per customer: sorted by CLV, the top customer and value match the core
    customers = page.customer_model
    clv_column = customers.column_names().index("clv")
    customers.sort(clv_column, Qt.SortOrder.DescendingOrder)
    best = core_result.predictions["clv"].idxmax()
    assert customers.data(customers.index(0, 0)) == str(best)
    assert customers.data(customers.index(0, clv_column)) == fmt.money(
        core_result.predictions["clv"].max())
    page.min_clv.setValue(100.0)
    assert customers.rowCount() == int((core_result.predictions["clv"] >= 100).sum())

    # charts are drawn when their tab is shown
    window.go_to("results")
    charts = (page.segment_chart, page.distribution_chart, page.palive_chart,
              page.cohort_chart, page.fit_chart)
    for tab in range(page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        # each chart shown is rendered in the background, then shown as an image
        qtbot.waitUntil(lambda: all(chart.figure is not None and chart.figure.axes
                                    for chart in charts if chart.isVisible()), timeout=5_000)
    assert all(chart.has_chart for chart in charts)
    assert page.cohort_chart.figure is not None and page.cohort_chart.figure.axes

    # Scenarios: the demo's repeat buyer vs one-time buyer, compared by the core
    scenarios = window.pages["scenarios"]
    window.go_to("scenarios")
    assert [s["name"] for s in window.session.project.scenarios] == [
        s.name for s in DEMO_SCENARIOS]
    core = compare(DEMO_SCENARIOS)
    clv_row = 1  # RESULTS order: ltv, clv, ...
    for col, name in enumerate(core.index):
        assert scenarios.result_table.item(clv_row, col).text() == fmt.money(core.loc[name, "clv"])
    # edit the one-time buyer's order value: the comparison follows the core
    scenarios.input_table.item(1, 1).setText("200")
    changed = dataclasses.replace(DEMO_SCENARIOS[1], aov=200.0)
    assert isinstance(changed, Scenario)
    assert scenarios.result_table.item(clv_row, 1).text() == fmt.money(changed.clv())
    assert window.session.project.scenarios[1]["aov"] == 200.0
    assert scenarios.tornado_chart.has_chart and scenarios.bar_chart.has_chart
    assert window.session.dirty
    # the tornado of the repeat buyer (5 years): retention has its own bar, as a percentage
    scenarios.tornado_box.setCurrentText("Repeat buyer")
    qtbot.waitUntil(lambda: not scenarios.tornado_chart.rendering, timeout=5_000)
    ticks = [t.get_text() for t in scenarios.tornado_chart.figure.axes[0].get_yticklabels()]
    assert "Retention (%/year)\n= " + fmt.percent(0.8, 0) in ticks
    assert "Lifespan (years)\n= " + fmt.number(5.0, 2) in ticks

    # Export: the report workbook and a CSV, written in the background
    export = window.pages["export"]
    report = tmp_path / "report.xlsx"
    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        export.export_report(report)
    assert done.args == ["export", "finished"], window.reporter.last
    book = openpyxl.load_workbook(report)
    assert len(book.sheetnames) >= 5
    csv = tmp_path / "customers.csv"
    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        export.export_table("customers", csv)
    assert done.args == ["export", "finished"]
    written = pd.read_csv(csv, dtype={"Customer": str}).set_index("Customer")
    assert csv.read_bytes()[:3] != b"\xef\xbb\xbf"  # English: plain UTF-8, "," and "."
    assert written["CLV ($)"].to_numpy() == pytest.approx(result.predictions["clv"].to_numpy())
    # Dutch: ";" and a decimal comma with a BOM, headers in Dutch, so Dutch Excel splits it
    window.set_language("nl")
    dutch = tmp_path / "klanten.csv"
    with qtbot.waitSignal(window.job_done, timeout=TIMEOUT) as done:
        export.export_table("customers", dutch)
    assert done.args == ["export", "finished"]
    assert dutch.read_bytes()[:3] == b"\xef\xbb\xbf"
    header = dutch.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("Klant;") and "CLV ($)" in header
    written = pd.read_csv(dutch, sep=";", decimal=",", encoding="utf-8-sig",
                          dtype={"Klant": str}).set_index("Klant")
    assert written["CLV ($)"].to_numpy() == pytest.approx(result.predictions["clv"].to_numpy())
    window.set_language("en")

    # Save and reopen the project: source, assumptions and scenarios come back
    project_file = tmp_path / "demo.clvproj"
    assert window.save_to(project_file)
    assert not window.session.dirty
    saved = load_project(project_file)
    assert saved.source.kind == "demo"
    assert saved.assumptions["holdout_end"] == "1998-06-30"
    assert saved.scenarios[1]["aov"] == 200.0
    with qtbot.waitSignal(window.analysis_ready, timeout=TIMEOUT):
        assert window.open_project(project_file)
    assert window.session.project.scenarios[1]["aov"] == 200.0
    pd.testing.assert_frame_equal(window.session.result.segments, core_result.segments)


def test_language_switch_relabels_and_reformats(qtbot, window):
    window.set_language("nl")
    assert window.nav.item(0).text().endswith("Gegevens")
    assert window.file_menu.title() == "&Bestand"
    assert window.formatter.money(1234.56) == "€\u00a01.234,56"
    assert window.pages["quality"].total_labels["customers"][0].text() == "Klanten"
    window.set_language("en")
    assert window.nav.item(0).text().endswith("Data")
