"""Import through the preview and mapping dialog, then CAC per segment in the analysis."""

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QDate

from clvdesk.core.datasets import CDNOW_END, load_cdnow
from clvdesk.core.io.readers import read_orders
from tests.app_window import quiet_window


@pytest.fixture
def dutch_csv(tmp_path):
    """The CDNOW sample as a Dutch export: semicolons, decimal commas, day-first dates, and a
    customer group column."""
    orders = load_cdnow()
    group = np.where(orders["customer_id"].astype(int) % 3 == 0, "zakelijk", "particulier")
    lines = [
        f"{c};{d:%d-%m-%Y};{a:.2f}".replace(".", ",") + f";{g}"
        for c, d, a, g in zip(orders["customer_id"], orders["date"], orders["amount"], group,
                              strict=True)
    ]
    path = tmp_path / "export.csv"
    path.write_text("Klantnummer;Orderdatum;Bedrag;Klantgroep\n" + "\n".join(lines) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot, tmp_path):
    win = quiet_window(qtbot, tmp_path)
    return win


def test_import_dialog_maps_dutch_headers_and_reads_the_file(qtbot, window, dutch_csv):
    dialog = window.pages["data"].import_file(dutch_csv)
    assert dialog.mapping() == {"customer_id": "Klantnummer", "date": "Orderdatum",
                                "amount": "Bedrag", "segment": "Klantgroep"}
    assert dialog.table_model.rowCount() == 50  # preview rows only
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    # taking a required column away disables Import and says what is missing
    dialog.mapping_boxes["amount"].setCurrentIndex(0)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert "Amount" in dialog.summary.text()
    dialog.mapping_boxes["amount"].setCurrentIndex(dialog.mapping_boxes["amount"].findData("Bedrag"))
    with qtbot.waitSignal(window.job_done, timeout=120_000) as done:
        dialog.accept()
    assert done.args == ["load", "finished"], window.reporter.last
    expected = read_orders(dutch_csv).orders
    pd.testing.assert_frame_equal(window.session.orders.reset_index(drop=True),
                                  expected.reset_index(drop=True), check_like=True)
    source = window.session.project.source
    assert source.kind == "file" and source.mapping["amount"] == "Bedrag"
    assert window.pages["quality"].total_labels["rows"][1].text() == f"{len(expected):,}"

    # CAC per segment on the assumptions page goes into the analysis
    page = window.pages["assumptions"]
    page.segment_combo.setCurrentIndex(page.segment_combo.findData("segment"))
    names = [page.segment_table.item(r, 0).text() for r in range(page.segment_table.rowCount())]
    assert names == ["particulier", "zakelijk"]
    page.segment_table.item(1, 1).setText("120")
    page.end_auto.setChecked(False)
    page.end_edit.setDate(QDate.fromString(CDNOW_END, "yyyy-MM-dd"))
    page.holdout_check.setChecked(False)
    assert window.session.assumptions["cac_by_segment"] == {"zakelijk": 120.0}
    with qtbot.waitSignal(window.job_done, timeout=180_000) as done:
        window.run_analysis()
    assert done.args == ["analysis", "finished"], window.reporter.last
    segments = window.session.result.segments.set_index("segment")
    assert segments.loc["zakelijk", "acquisition_cost"] == pytest.approx(120.0)
    assert segments.loc["particulier", "acquisition_cost"] == pytest.approx(
        window.session.assumptions["cac"])
