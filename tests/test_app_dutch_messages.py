"""A Dutch user's import errors are shown in Dutch, with their own column names and dates."""

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from clvdesk.app.errors import ErrorReporter
from clvdesk.app.i18n import LanguageManager
from clvdesk.core.errors import CLVError
from clvdesk.core.io.readers import read_orders
from clvdesk.core.summary import summarize
from tests.dutch_export import write_dutch_export


@pytest.fixture
def dutch(qtbot):
    manager = LanguageManager()
    manager.set_language("nl")
    yield
    manager.set_language("en")


def _dialog_text(qtbot, exc: CLVError) -> str:
    window = QWidget()
    qtbot.addWidget(window)
    reporter = ErrorReporter(window)
    reporter.report(exc, "Importeren")
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    text = box.text()
    box.close()
    return text


def test_a_missing_column_in_a_dutch_export_is_named_in_dutch(tmp_path, qtbot, dutch):
    path = tmp_path / "bestellingen.csv"
    write_dutch_export(path)
    lines = path.read_bytes().decode("cp1252").splitlines()
    without_amount = [";".join(line.split(";")[:2] + line.split(";")[3:]) for line in lines]
    path.write_bytes("\r\n".join(without_amount).encode("cp1252"))
    with pytest.raises(CLVError) as raised:
        read_orders(path)
    text = _dialog_text(qtbot, raised.value)
    assert text == ("Importeren: geen kolom voor bedrag (bijv. bedrag) gevonden; de kolommen zijn: "
                    "Klantnummer, Besteldatum, Kanaal (kies ze bij de kolomtoewijzing)")

    with pytest.raises(CLVError) as raised:
        read_orders(path, amount_col="totaal")
    assert _dialog_text(qtbot, raised.value) == (
        "Importeren: kolom 'totaal' niet gevonden; de kolommen zijn: Klantnummer, Besteldatum, "
        "Kanaal")


def test_an_end_date_before_the_data_names_the_dates_in_dutch(tmp_path, qtbot, dutch):
    path = tmp_path / "bestellingen.csv"
    orders = write_dutch_export(path)
    imported = read_orders(path).orders
    with pytest.raises(CLVError) as raised:
        summarize(imported, end="2022-06-30")
    first, last = orders["date"].min(), orders["date"].max()
    assert _dialog_text(qtbot, raised.value) == (
        f"Importeren: geen orders op of vóór de einddatum 30-06-2022; de gegevens lopen van "
        f"{first:%d-%m-%Y} tot {last:%d-%m-%Y}")
    assert str(raised.value) == (f"no orders on or before the end date 2022-06-30; the data run "
                                 f"from {first:%Y-%m-%d} to {last:%Y-%m-%d}")
    with pytest.raises(CLVError) as raised:
        summarize(imported, end="2023-12-31", holdout_end="2023-06-30")
    assert _dialog_text(qtbot, raised.value) == (
        "Importeren: het einde van de controleperiode (30-06-2023) moet na het einde van de "
        "kalibratieperiode (31-12-2023) liggen")


def test_a_kept_segment_split_names_the_files_own_headers(tmp_path, qtbot, dutch):
    from clvdesk.core.pipeline import Assumptions, run_analysis

    path = tmp_path / "bestellingen.csv"
    write_dutch_export(path)
    imported = read_orders(path, mapping={"channel": None}).orders
    with pytest.raises(CLVError) as raised:
        run_analysis(imported, Assumptions(segment_col="segment"))
    assert str(raised.value) == ("segment column 'segment' not found; columns are: Klantnummer, "
                                 "Besteldatum, Bedrag")
    assert _dialog_text(qtbot, raised.value) == (
        "Importeren: segmentkolom 'segment' niet gevonden; de kolommen zijn: Klantnummer, "
        "Besteldatum, Bedrag")


def test_typed_orders_are_checked_under_the_tables_own_headers(qtbot, dutch):
    from clvdesk.app.models import OrderEntryModel
    from clvdesk.app.order_records import records_to_orders

    model = OrderEntryModel()
    model.set_labels({"customer_id": "Klant", "date": "Datum", "amount": "Bedrag"})
    model._rows = [["K1", "2024-01-05", "12,3x", "", ""], ["", "", "", "", ""],
                   ["K2", "31-13-2024", "5", "", ""]]
    problems = model.problems()
    assert problems[0].startswith("rij 1, Bedrag: ") and "12,3x" in problems[0]
    assert problems[1].startswith("rij 3, Datum: ")
    assert not any("amount" in p or "date" in p for p in problems)
    with pytest.raises(CLVError) as raised:  # outside the table: English headers, no field names
        records_to_orders(model.records())
    assert str(raised.value).startswith("row 1, amount: '12,3x' is not a number; row 3, date: ")


def test_a_summary_file_error_names_customer_and_line_in_dutch(tmp_path, qtbot, dutch):
    from clvdesk.cli.fit_cmd import load_summary

    path = tmp_path / "klanten.csv"
    path.write_text("Klantoverzicht\n\ncustomer_id;frequency;recency;T\nK001;2;30;52\n;;;\n"
                    "K002;1;60;52\n", encoding="utf-8")
    with pytest.raises(CLVError) as raised:
        load_summary(str(path), ("frequency", "recency", "T"), period="weeks", end=None)
    assert _dialog_text(qtbot, raised.value) == (
        "Importeren: klant K002, regel 6: recentheid 60 ligt na T 52")
    path.write_text("customer_id;frequency;recency;T\nK001;2;30;52\nK003;twee;1;5\n")
    with pytest.raises(CLVError) as raised:
        load_summary(str(path), ("frequency", "recency", "T"), period="weeks", end=None)
    assert _dialog_text(qtbot, raised.value) == (
        "Importeren: klant K003, regel 3: frequency moet een getal zijn, niet 'twee'")


def test_a_file_without_usable_orders_names_the_reasons_and_columns_in_dutch(tmp_path, qtbot,
                                                                            dutch):
    path = tmp_path / "bestellingen.csv"
    path.write_bytes("Klantnummer;Besteldatum;Bedrag\r\nK1;31-13-2024;€ 5\r\n"
                     "K2;;€ 7\r\n".encode("cp1252"))
    with pytest.raises(CLVError) as raised:
        read_orders(path)
    assert str(raised.value) == (
        "bestellingen.csv has no usable orders: 1 date cannot be read in column 'Besteldatum' "
        "(e.g. '31-13-2024'); 1 no date in column 'Besteldatum'")
    assert _dialog_text(qtbot, raised.value) == (
        "Importeren: bestellingen.csv bevat geen bruikbare orders: 1 × datum niet leesbaar in "
        "kolom 'Besteldatum' (bijv. '31-13-2024'); 1 × geen datum in kolom 'Besteldatum'")


def test_notes_on_a_result_are_worded_in_dutch_with_their_reason(qtbot, dutch):
    import pickle

    from clvdesk.app.errors import core_message
    from clvdesk.core.errors import ConvergenceError
    from clvdesk.core.messages import Notice

    unclear = ConvergenceError(code="fit_not_unique", model="bgnbd", params="a, b")
    note = pickle.loads(pickle.dumps(Notice("regularised_auto", model="bgnbd", penalty=0.01,
                                            reason=unclear)))
    assert note == ("the bgnbd estimate is regularised (penalty 0.01) because the data alone do "
                    "not identify it: the bgnbd fit found no unique optimum: the data cannot pin "
                    "down a, b (too few customers or too little variety in their behaviour for "
                    "this model)")
    assert core_message(note) == (
        "de schatting van bgnbd is geregulariseerd (straf 0,01) omdat de gegevens op zichzelf "
        "haar niet vastleggen: de schatting van bgnbd vond geen uniek optimum: de gegevens "
        "kunnen a, b niet vastleggen (te weinig klanten of te weinig verscheidenheid in hun "
        "gedrag voor dit model)")
    assert core_message(Notice("spend_left_out", count=3)).startswith("3 herhaalkoper(s) met ")
    from clvdesk.core.errors import InputError

    assert core_message(InputError(code="horizon_too_long", value=2e5, unit="years")) == (
        "een horizon van 200000 jaren is te lang")


def test_a_model_the_comparison_could_not_fit_is_explained_in_dutch(qtbot, dutch):
    from clvdesk.app.errors import core_message
    from clvdesk.app.pages.results import comparison_in_language
    from clvdesk.core.datasets import load_cdnow
    from clvdesk.core.summary import summarize
    from clvdesk.core.validation import compare_models

    summary = summarize(load_cdnow(), period="weeks", end="1997-09-30",
                        holdout_end="1998-06-30")
    broken = summary.assign(frequency=0, recency=0.0)  # no repeat buyer: no model can fit
    table = compare_models(broken, models=["bgnbd"])
    note = table["note"].iloc[0]
    assert note and note.code  # the note keeps its error's code and values
    shown = comparison_in_language(table)["note"].iloc[0]
    assert shown == core_message(note) != str(note)


def test_a_damaged_project_file_is_explained_in_dutch(tmp_path, qtbot, dutch):
    import json

    from clvdesk.app.project import load_project

    path = tmp_path / "analyse.clvproj"
    project = {"format": "clvdesk-project", "version": 1, "assumptions": {"margin": 3.5}}
    path.write_text(json.dumps(project), encoding="utf-8")
    with pytest.raises(CLVError) as raised:
        load_project(path)
    assert str(raised.value).startswith("project file: 'assumptions.margin' is wrong: ")
    text = _dialog_text(qtbot, raised.value)
    assert text.startswith("Importeren: projectbestand: 'assumptions.margin' klopt niet: ")
    assert "3,5" in text  # the reason in Dutch, with a decimal comma
    path.write_text(json.dumps({**project, "version": 7, "assumptions": {}}), encoding="utf-8")
    with pytest.raises(CLVError) as raised:
        load_project(path)
    assert _dialog_text(qtbot, raised.value) == (
        "Importeren: versie 7 van het projectbestand is nieuwer dan deze CLV Desk begrijpt (1); "
        "werk CLV Desk bij")
