"""The Actions page shows the core's action lists and exports the CRM list in the user's locale."""

import pandas as pd
import pytest

from clvdesk.core.actions import lever_sentence
from tests.app_window import quiet_window

TIMEOUT = 180_000


@pytest.fixture
def window(qtbot, tmp_path):
    win = quiet_window(qtbot, tmp_path)
    win.show()
    yield win
    win.session.set_dirty(False)


def test_actions_page_shows_the_core_and_exports(qtbot, window, tmp_path):
    with qtbot.waitSignal(window.analysis_ready, timeout=TIMEOUT):
        window.open_demo()
    page = window.pages["actions"]
    actions = window.session.result.actions
    assert actions is not None
    expected = [lever_sentence(row, actions, "en", window.session.currency)
                for _, row in actions.best_levers.iterrows()]
    assert page.sentences.text().splitlines() == expected
    assert page.list_model.rowCount() == len(actions.priority) > 0
    assert page.matrix_model.rowCount() == len(actions.matrix)
    page.grab().save(str(tmp_path / "actions.png"))

    out = page.export_list(tmp_path / "crm.xlsx")
    listed = pd.read_excel(out, engine="openpyxl", dtype={"customer_id": str})
    assert listed["customer_id"].tolist() == actions.priority.index.astype(str).tolist()
    assert page.export_list(tmp_path / "crm.txt") is None  # a dialog, no crash
    assert window.reporter.last is not None
