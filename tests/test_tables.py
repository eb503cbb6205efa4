"""Table writer: csv/xlsx/parquet by extension, atomic, with formula-injection escaping."""

import csv
import subprocess

import openpyxl
import pandas as pd
import pytest

from clvdesk.core.errors import InputError
from clvdesk.core.io.tables import escape_cell_text, write_table


@pytest.mark.parametrize("text, escaped", [
    ("=1+1", "'=1+1"), ("+31 20 123", "'+31 20 123"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("Jansen", "Jansen"), ("", ""),
])
def test_escape_cell_text(text, escaped):
    assert escape_cell_text(text) == escaped


def test_escape_leaves_numbers_and_none():
    assert escape_cell_text(-5) == -5
    assert escape_cell_text(None) is None


def _table():
    return pd.DataFrame(
        {"name": ["=HYPERLINK(\"http://x\")", "Bakker", "-2+3", None],
         "spend": [-5.0, 1.5, float("nan"), 2.0],
         "first": pd.to_datetime(["2024-01-01", None, "2024-01-03", "2024-01-04"])},
        index=pd.Index(["a", "b", "c", "@d"], name="customer_id"),
    )


def test_csv_escapes_text_not_numbers(tmp_path):
    path = write_table(_table(), tmp_path / "out.csv")
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows[0] == ["customer_id", "name", "spend", "first"]
    assert rows[1] == ["a", "'=HYPERLINK(\"http://x\")", "-5.0", "2024-01-01"]
    assert rows[3][1] == "'-2+3"
    assert rows[4][0] == "'@d"


def test_xlsx_stores_text_as_quoted_string_cells(tmp_path):
    path = write_table(_table(), tmp_path / "out.xlsx", sheet_name="Customers")
    sheet = openpyxl.load_workbook(path)["Customers"]
    cell = sheet["B2"]
    assert cell.value == "=HYPERLINK(\"http://x\")"
    assert cell.data_type == "s" and cell.quotePrefix
    assert sheet["A5"].value == "@d" and sheet["A5"].quotePrefix
    assert sheet["C2"].value == -5 and sheet["C2"].data_type == "n"
    assert sheet["C4"].value is None
    assert sheet["D2"].value == pd.Timestamp("2024-01-01").to_pydatetime()
    assert not sheet["B3"].quotePrefix


def test_xlsx_text_stays_text_in_libreoffice(tmp_path):
    from conftest import require_program

    soffice = require_program("soffice", "libreoffice")
    write_table(_table(), tmp_path / "out.xlsx")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "csv", "--outdir", str(tmp_path / "csv"),
                    str(tmp_path / "out.xlsx")], check=True, capture_output=True, timeout=120)
    rows = list(csv.reader((tmp_path / "csv" / "out.csv").open(encoding="utf-8")))
    assert rows[1][1] == "=HYPERLINK(\"http://x\")"  # not evaluated
    assert rows[3][1] == "-2+3"  # not 1


def test_parquet_round_trip_unchanged(tmp_path):
    path = write_table(_table(), tmp_path / "out.parquet")
    back = pd.read_parquet(path)
    assert back["customer_id"].tolist() == ["a", "b", "c", "@d"]
    assert back["name"].tolist()[0] == "=HYPERLINK(\"http://x\")"


def test_parquet_keeps_summary_attrs_as_text(tmp_path):
    table = _table()
    table.attrs.update(period="weeks", end=pd.Timestamp("1997-09-30"), holdout_end=None)
    back = pd.read_parquet(write_table(table, tmp_path / "out.parquet"))
    assert back.attrs == {"period": "weeks", "end": "1997-09-30T00:00:00", "holdout_end": None}


def test_default_index_is_not_written(tmp_path):
    path = write_table(pd.DataFrame({"x": [1, 2]}), tmp_path / "out.csv")
    assert path.read_text(encoding="utf-8") == "x\n1\n2\n"


def test_atomic_keeps_old_file_on_failure(tmp_path, monkeypatch):
    path = tmp_path / "out.csv"
    path.write_text("old", encoding="utf-8")

    def half_written(self, target, **kwargs):
        open(target, "w", encoding="utf-8").write("customer_id,na")
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_written)
    with pytest.raises(OSError, match="disk full"):
        write_table(_table(), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_errors(tmp_path):
    with pytest.raises(InputError, match="use a file name ending in .csv, .xlsx, .parquet"):
        write_table(_table(), tmp_path / "out.docx")
    with pytest.raises(InputError, match="output folder does not exist"):
        write_table(_table(), tmp_path / "missing" / "out.csv")


def test_dutch_csv_has_semicolons_decimal_commas_and_a_bom(tmp_path):
    """Issue 11, point 3: Dutch Excel opens the file in columns, numbers as numbers."""
    from clvdesk.core.io.tables import write_table

    frame = pd.DataFrame({"klant": ["=1+1", "b"], "clv": [1234.5, -0.25]})
    dutch = write_table(frame, tmp_path / "nl.csv", csv_style="nl")
    raw = dutch.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw[3:].decode("utf-8").splitlines() == ["klant;clv", "'=1+1;1234,5", "b;-0,25"]
    english = write_table(frame, tmp_path / "en.csv")
    assert english.read_text(encoding="utf-8").splitlines() == [
        "klant,clv", "'=1+1,1234.5", "b,-0.25"]
    with pytest.raises(InputError, match="unknown CSV style"):
        write_table(frame, tmp_path / "x.csv", csv_style="fr")
