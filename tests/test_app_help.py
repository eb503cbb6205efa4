"""Explanations where users misread the numbers (issue 11, point 4): a Help page and the same
texts as tooltips, in English and Dutch."""

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from clvdesk.app.explanations import TOPICS, explanation, tooltip
from tests.app_window import quiet_window


@pytest.fixture
def window(qtbot, tmp_path):
    win = quiet_window(qtbot, tmp_path)
    yield win
    win.set_language("en")


@pytest.mark.parametrize("language, words", [
    ("en", ("bought once", "Simple CLV", "holdout", "interval", "regularised")),
    ("nl", ("één keer kochten", "Eenvoudige CLV", "holdout", "interval", "geregulariseerde")),
])
def test_help_page_explains_each_topic(window, language, words):
    window.set_language(language)
    page = window.pages["help"]
    window.go_to("help")
    for topic, word in zip(TOPICS, words, strict=True):
        title, text = explanation(topic)
        assert word in title + text, topic
        assert page.headings[topic].text() == title and page.texts[topic].text() == text
        assert len(text) > 200


def test_tooltips_where_the_numbers_are(window):
    window.set_language("nl")
    results = window.pages["results"]
    assert results.tabs.tabToolTip(2) == tooltip("p_alive")
    assert "100 %" in results.tabs.tabToolTip(2)
    model = results.customer_model
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    frame = pd.DataFrame({"p_alive": [1.0], "clv_low": [2.0]},
                         index=pd.Index(["k1"], name="customer_id"))
    model.set_frame(frame)  # the customer id is column 0
    assert model.headerData(1, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole) == tooltip("p_alive")
    assert model.headerData(2, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole) == tooltip("interval")
    assumptions = window.pages["assumptions"]
    assert assumptions.holdout_check.toolTip() == tooltip("calibration_holdout")
    assert "Kalibratie" in assumptions.holdout_check.toolTip()
    assert window.pages["scenarios"].result_table.toolTip() == tooltip("simple_vs_predicted")
