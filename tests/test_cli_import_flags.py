"""Every command that reads an order file takes the import flags of ``clvdesk quality``.

The same CDNOW orders are written twice: a clean UTF-8 CSV (``customer_id,date,amount``, ISO
dates) and a Dutch export (cp1252, a title row above the header, semicolons, decimal commas,
dates ``dd-mm-yyyy``, columns ``klant``, ``besteldatum``, ``bedrag (€)``). Read with explicit
flags, the Dutch file gives ``summarize``, ``segments``, ``cohorts``, ``fit`` and ``predict``
exactly the numbers of the clean file. ``predict --currency`` puts its symbol into the money
formats of the report workbook.
"""

from __future__ import annotations

import pandas as pd
import pytest
from cli_run import run_error, run_json
from conftest import DATA_DIR
from openpyxl import load_workbook

from clvdesk.cli import main
from clvdesk.core.datasets import CDNOW_END, load_cdnow

SUMMARY = DATA_DIR / "cdnow_customers_summary.csv"

#: The flags that read the Dutch export.
DUTCH_FLAGS = ("--customer-col", "klant", "--date-col", "besteldatum", "--amount-col",
               "bedrag (€)", "--header-row", "2", "--delimiter", ";", "--decimal", ",",
               "--dayfirst", "--encoding", "cp1252")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """(clean csv, Dutch csv) holding the same CDNOW orders (amounts to the cent)."""
    folder = tmp_path_factory.mktemp("import_flags")
    orders = load_cdnow()[["customer_id", "date", "amount"]]
    orders = orders.assign(amount=orders["amount"].round(2))
    clean = folder / "orders.csv"
    orders.assign(date=orders["date"].dt.strftime("%Y-%m-%d")).to_csv(clean, index=False)
    lines = ["Export bestellingen webshop;;", "klant;besteldatum;bedrag (€)"]
    lines += [f"{c};{d:%d-%m-%Y};{a:.2f}".replace(".", ",")
              for c, d, a in orders.itertuples(index=False)]
    dutch = folder / "bestellingen.csv"
    dutch.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return clean, dutch


def test_summarize_reads_the_dutch_export_like_the_clean_file(capsys, files, tmp_path):
    clean, dutch = files
    clean_out, dutch_out = tmp_path / "clean.csv", tmp_path / "dutch.csv"
    expected = run_json(capsys, "summarize", str(clean), "--end", CDNOW_END, "-o", str(clean_out))
    result = run_json(capsys, "summarize", str(dutch), *DUTCH_FLAGS, "--end", CDNOW_END,
                      "-o", str(dutch_out))
    assert result["customers"] == expected["customers"] == 2357
    assert result["total_spend"] == expected["total_spend"]
    assert {k: v for k, v in result.items() if k != "output"} == \
        {k: v for k, v in expected.items() if k != "output"}
    pd.testing.assert_frame_equal(pd.read_csv(dutch_out), pd.read_csv(clean_out))


def test_segments_and_cohorts_take_the_same_flags(capsys, files):
    clean, dutch = files
    for command in ("segments", "cohorts"):
        expected = run_json(capsys, command, str(clean), "--end", CDNOW_END)
        result = run_json(capsys, command, str(dutch), *DUTCH_FLAGS, "--end", CDNOW_END)
        assert _rounded(result) == _rounded(expected), command


def test_fit_on_the_dutch_export_gives_the_clean_estimates(capsys, files):
    clean, dutch = files
    expected = run_json(capsys, "fit", "bgnbd", str(clean), "--end", CDNOW_END)
    result = run_json(capsys, "fit", "bgnbd", str(dutch), *DUTCH_FLAGS, "--end", CDNOW_END)
    assert result["source"] == "order file" and result["n_customers"] == 2357
    assert result["params"] == pytest.approx(expected["params"], rel=1e-9)
    assert result["log_likelihood"] == pytest.approx(expected["log_likelihood"], rel=1e-12)
    # Fader, Hardie & Lee (2005a) on the same customers: r 0.243, alpha 4.414, a 0.793, b 2.426
    assert result["params"]["r"] == pytest.approx(0.243, rel=2e-3)
    assert result["params"]["b"] == pytest.approx(2.426, rel=2e-3)


def test_predict_on_the_dutch_export_gives_the_clean_predictions(capsys, files, tmp_path):
    clean, dutch = files
    clean_out, dutch_out = tmp_path / "clean.csv", tmp_path / "dutch.csv"
    common = ("--end", CDNOW_END, "--spend-model", "gamma-gamma", "--draws", "0")
    expected = run_json(capsys, "predict", "bgnbd", str(clean), *common, "-o", str(clean_out))
    result = run_json(capsys, "predict", "bgnbd", str(dutch), *DUTCH_FLAGS, *common,
                      "-o", str(dutch_out))
    assert result["customers"] == expected["customers"] == 2357
    assert result["total_clv"] == pytest.approx(expected["total_clv"], rel=1e-9)
    dutch_table = pd.read_csv(dutch_out, index_col="customer_id")
    clean_table = pd.read_csv(clean_out, index_col="customer_id")
    pd.testing.assert_frame_equal(dutch_table, clean_table, rtol=1e-9)


def test_predict_map_flag_names_the_segment_column(capsys, tmp_path):
    """``--map segment=Regio`` reads a segment column the importer would not recognise."""
    orders = load_cdnow()
    orders = orders.assign(Regio=orders["customer_id"].astype(int).mod(2).map({0: "noord",
                                                                               1: "zuid"}))
    path = tmp_path / "regio.csv"
    orders.rename(columns={"customer_id": "klantnr"}).to_csv(path, index=False)
    out = tmp_path / "pred.csv"
    run_json(capsys, "predict", "bgnbd", str(path), "--customer-col", "klantnr",
             "--map", "segment=Regio", "--segment-column", "segment", "--end", CDNOW_END,
             "--draws", "0", "-o", str(out))
    table = pd.read_csv(out, index_col="customer_id")
    assert len(table) == 2357
    assert set(table["segment"]) == {"noord", "zuid"}
    assert table.loc[2, "segment"] == "noord" and table.loc[3, "segment"] == "zuid"


def money_formats(path) -> set[str]:
    """Number formats of the report's cells that carry a quoted symbol (money cells)."""
    book = load_workbook(path)
    return {cell.number_format for sheet in book.worksheets for row in sheet.iter_rows()
            for cell in row if '"' in cell.number_format}


@pytest.mark.parametrize(("argv", "symbol"), [
    (("--currency", "USD"), '"USD"'),
    (("--currency", "$"), '"$"'),
    ((), '"€"'),  # the default: euro
])
def test_predict_report_money_in_the_chosen_currency(capsys, files, tmp_path, argv, symbol):
    clean, _ = files
    out = tmp_path / "report.xlsx"
    code = main(["predict", "bgnbd", str(clean), "--end", CDNOW_END, "--spend-model",
                 "gamma-gamma", "--draws", "0", *argv, "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    formats = money_formats(out)
    assert formats and all(symbol in f for f in formats), formats
    assert f"{symbol}#,##0.00;-{symbol}#,##0.00" in formats


@pytest.mark.parametrize(("argv", "message"), [
    (("summarize", "{dutch}", "--decimal", ";"), "invalid choice"),
    (("summarize", "{dutch}", "--header-row", "twee"), "invalid int value"),
    (("summarize", "{dutch}", "--header-row", "0"), "header"),
    (("summarize", "{dutch}", "--dayfirst", "--monthfirst"), "not allowed with"),
    (("segments", "{dutch}", "--map", "Regio"), "--map takes ROLE=COLUMN"),
    (("cohorts", "{dutch}", *DUTCH_FLAGS[:-1], "no-such-codec"), "encoding"),
    (("fit", "bgnbd", "{dutch}", *DUTCH_FLAGS[2:], "--customer-col", "klantnummer"),
     "klantnummer"),
    (("fit", "bgnbd", str(SUMMARY), "--customer-col", "id"),
     "--customer-col applies to order files; this is a summary file"),
    (("fit", "bgnbd", str(SUMMARY), "--decimal", ",", "--map", "segment=x"),
     "--decimal, --map apply to order files"),
    (("predict", "bgnbd", "{dutch}", *DUTCH_FLAGS, "--currency", "DOLLARS", "-o", "{out}"),
     "--currency must be a symbol or code of at most 5 characters"),
    (("predict", "bgnbd", "{dutch}", *DUTCH_FLAGS, "--currency", " ", "-o", "{out}"),
     "--currency must be"),
    (("predict", "bgnbd", "{dutch}", "--header-row", "-3", "-o", "{out}"), "header"),
])
def test_bad_flag_values_give_one_error_line(capsys, files, tmp_path, argv, message):
    _, dutch = files
    filled = [a.format(dutch=dutch, out=tmp_path / "x.xlsx") for a in argv]
    assert message in run_error(capsys, *filled)
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_sheet_for_a_file_that_is_no_workbook_is_an_error(capsys, files, tmp_path, suffix):
    clean, _ = files
    source = clean
    if suffix == "parquet":
        source = tmp_path / "orders.parquet"
        pd.read_csv(clean).to_parquet(source)
    out = tmp_path / "out.csv"
    code = main(["summarize", str(source), "--sheet", "Blad1", "-o", str(out)])
    _, err = capsys.readouterr()
    kind = "a Parquet file" if suffix == "parquet" else "a text (CSV) file"
    assert code == 2
    assert err == (f"error: a sheet applies to Excel workbooks only; {source.name} is {kind}\n")
    assert not out.exists()


def _rounded(value):
    """JSON values with floats to 10 significant digits: sums over the same amounts read from
    two files may differ in the last bit with the order of addition."""
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    if isinstance(value, float):
        return float(f"{value:.10g}")
    return value
