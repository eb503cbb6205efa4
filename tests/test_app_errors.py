"""Errors become dialogs, nothing ends the app, no work is lost (issue 6, points 4 and 6)."""

import json
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from clvdesk.app.errors import describe
from clvdesk.app.project import DataSource, load_project
from clvdesk.core.errors import ConvergenceError, DataError, InputError
from tests.app_window import quiet_window


@pytest.fixture
def make_window(qtbot, tmp_path):
    def make(answer=QMessageBox.StandardButton.Discard):
        window = quiet_window(qtbot, tmp_path, answer=answer)
        return window

    return make


def test_messages_say_what_happened_and_what_to_do():
    for exc, advice in ((InputError("aov must be a number"), "Check the file"),
                        (DataError("no repeat buyers"), "Quality page"),
                        (ConvergenceError("fit failed"), "another model"),
                        (FileNotFoundError(2, "No such file", "/x/orders.csv"), "still exists")):
        message = describe(exc, "Reading orders.csv")
        assert message.what.startswith("Reading orders.csv: ")
        assert advice in message.advice and not message.details and not message.is_bug
    bug = describe(ZeroDivisionError("division by zero"))
    assert bug.is_bug and "Your work is kept" in bug.advice and "ZeroDivisionError" in bug.details


def test_uncaught_exception_shows_a_dialog_and_the_app_lives_on(qtbot, make_window):
    window = make_window()
    with qtbot.waitSignal(window.reporter.reported, timeout=5000) as shown:
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    assert shown.args[0].is_bug and "boom in a slot" in shown.args[0].what
    window.go_to("results")
    assert window.current_page() == "results"


def test_an_unreadable_file_shows_a_dialog_and_keeps_the_session(qtbot, make_window, tmp_path):
    window = make_window()
    bad = tmp_path / "orders.csv"
    bad.write_text("klant;datum\n1;2024-01-01\n", encoding="utf-8")  # no amount column
    with qtbot.waitSignal(window.job_done, timeout=60_000) as done:
        window.load_source(DataSource(kind="file", path=str(bad)))
    assert done.args == ["load", "failed"]
    message = window.reporter.last
    assert message.what.startswith("Reading ") and "amount" in message.what
    assert "Check the file" in message.advice
    assert window.session.orders is None and not window.progress_bar.isVisible()


def test_analysis_without_repeat_buyers_is_a_clear_data_error(qtbot, make_window):
    window = make_window()
    records = [[f"k{i}", "2024-01-0" + str(1 + i % 9), "10"] for i in range(30)]
    window.pages["data"].entry_model.set_records(records)
    with qtbot.waitSignal(window.job_done, timeout=60_000):
        window.pages["data"].use_entered_orders()
    assert window.session.orders is not None and len(window.session.orders) == 30
    with qtbot.waitSignal(window.job_done, timeout=60_000) as done:
        window.run_analysis()
    assert done.args == ["analysis", "failed"]
    assert "bought more than once" in window.reporter.last.what
    assert "Quality page" in window.reporter.last.advice


def test_close_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, make_window):
    window = make_window(QMessageBox.StandardButton.Cancel)
    window.show()
    window.session.set_scenarios([{"name": "A", "aov": 10.0, "frequency": 1.0, "lifespan": 1.0}])
    assert window.session.dirty and window.isWindowModified()
    asked = []
    window.ask_save_changes = lambda: asked.append(1) or QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert asked and window.isVisible()
    window.ask_save_changes = lambda: QMessageBox.StandardButton.Discard
    assert window.close()


def test_autosave_and_recovery_after_a_crash(qtbot, make_window, tmp_path):
    first = make_window()
    scenarios = [{"name": "Loyal", "aov": 55.0, "frequency": 3.0, "lifespan": 4.0}]
    first.session.set_scenarios(scenarios)
    first.autosave()
    assert first.recovery_file.exists()
    saved = json.loads(first.recovery_file.read_text(encoding="utf-8"))
    assert saved["scenarios"][0]["name"] == "Loyal" and saved["recovery"]["saved_at"]
    # "crash": the first window never closes cleanly; a new one finds the recovery file
    second = make_window()
    offered = []
    assert second.offer_recovery(ask=lambda when: offered.append(when) or True)
    assert offered and second.session.dirty
    assert second.session.project.scenarios[0]["name"] == "Loyal"
    # saving clears the recovery file
    target = tmp_path / "recovered.clvproj"
    assert second.save_to(target)
    assert not second.recovery_file.exists()
    assert load_project(target).scenarios[0]["aov"] == 55.0


def test_declined_recovery_removes_the_file(qtbot, make_window):
    first = make_window()
    first.session.set_scenarios([{"name": "X", "aov": 1.0, "frequency": 1.0, "lifespan": 1.0}])
    first.autosave()
    second = make_window()
    assert not second.offer_recovery(ask=lambda when: False)
    assert not second.recovery_file.exists()


def test_the_dialog_itself_shows_what_and_what_to_do(qtbot, make_window):
    window = make_window()
    window.show()
    window.reporter.show_dialogs = True
    window.reporter.report(InputError("column 'bedrag' not found; columns are: a, b"),
                           "Reading orders.csv")
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    assert box.text() == "Reading orders.csv: column 'bedrag' not found; columns are: a, b"
    assert "Check the file" in box.informativeText()
    assert box.detailedText() == ""  # no traceback for the user's own mistakes
    box.close()
