"""Messy customer-summary files and ranges: every data error names the customer id and the line
(text file), row (workbook, Parquet) or row of the range the user sees (issue 10)."""

from __future__ import annotations

import pickle

import numpy as np
import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clvdesk.cli import main
from clvdesk.core.errors import DataError, InputError
from clvdesk.core.models import BetaGeoModel
from clvdesk.core.pipeline import fit_transaction_model
from clvdesk.core.summary_rows import SourceRows, attach
from tests.cli_run import run_error, run_json

HEADER = "customer_id;frequency;recency;T;monetary_value"

#: A Dutch CRM export: a title and an empty line above the header, a blank row (";;;;") and an
#: empty line between customers. Line numbers as an editor shows them are in the comments.
MESSY_LINES = [
    "Klantoverzicht december 2024",  # 1
    "",                              # 2
    HEADER,                          # 3
    "K001;2;30,5;52;24,95",          # 4
    "K002;0;0;50;0",                 # 5
    ";;;;",                          # 6
    "K003;1;12;40;-34,86",           # 7  a return bigger than the repeat purchase
    "",                              # 8
    "K004;3;41;45;18,5",             # 9
    "K005;1;20;30;12",               # 10
] + [f"K{k:03d};{k % 4};{(3 * (k % 4) + k % 3) if k % 4 else 0};{20 + k};{10 + 2 * k},5"
     for k in range(6, 31)]


def _messy(tmp_path, replace: dict[int, str] | None = None) -> str:
    lines = list(MESSY_LINES)
    for number, text in (replace or {}).items():
        lines[number - 1] = text
    path = tmp_path / "klanten.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_recency_after_t_names_customer_and_line(tmp_path, capsys):
    path = _messy(tmp_path, {9: "K004;3;48;45;18,5"})
    assert main(["fit", "bgnbd", path]) == 2
    assert capsys.readouterr().err == "error: customer K004, line 9: recency 48 is after T 45\n"
    message = run_error(capsys, "predict", "bgnbd", path, "-o", str(tmp_path / "p.csv"))
    assert message == "error: customer K004, line 9: recency 48 is after T 45\n"


def test_a_cell_that_is_no_number_names_customer_line_and_cell(tmp_path, capsys):
    path = _messy(tmp_path, {10: "K005;1;20;30;#DEEL/0!"})
    assert run_error(capsys, "predict", "bgnbd", path, "--spend-model", "gamma-gamma",
                     "-o", str(tmp_path / "p.csv")) == \
        "error: customer K005, line 10: monetary_value must be a number, not '#DEEL/0!'\n"
    path = _messy(tmp_path, {4: "K001;twee;30,5;52;24,95"})
    assert run_error(capsys, "fit", "bgnbd", path) == \
        "error: customer K001, line 4: frequency must be a number, not 'twee'\n"
    path = _messy(tmp_path, {5: "K002;;0;50;0"})
    assert run_error(capsys, "fit", "bgnbd", path) == \
        "error: customer K002, line 5: frequency is empty\n"


def test_other_value_errors_name_customer_and_line(tmp_path, capsys):
    cases = {
        5: ("K002;0;3;50;0", "recency 3 without repeat purchases (frequency 0)"),
        7: ("K003;1,5;12;40;-34,86", "frequency must be a whole number, 0 or more (is 1.5)"),
        10: ("K005;1;20;-30;12", "T must be 0 or more (is -30)"),
    }
    for line, (text, problem) in cases.items():
        path = _messy(tmp_path, {line: text})
        customer = text.split(";")[0]
        assert run_error(capsys, "fit", "bgnbd", path) == \
            f"error: customer {customer}, line {line}: {problem}\n"


def test_the_messy_file_fits_and_the_negative_spend_gets_the_population_mean(tmp_path, capsys):
    """Title, blank rows and a negative mean repeat spend (line 7) are no error: the
    customer is left out of the spend model and gets the population mean (issue 10, point 2)."""
    path = _messy(tmp_path)
    out = tmp_path / "p.csv"
    result = run_json(capsys, "predict", "bgnbd", path, "--spend-model", "gamma-gamma",
                      "--draws", "0", "--penalty", "0.01", "-o", str(out))
    assert result["customers"] == 30
    assert result["spend_fit"]["repeat_buyers_left_out"] == 1
    table = pd.read_csv(out, dtype={"customer_id": str}).set_index("customer_id")
    assert table.index.tolist() == [f"K{k:03d}" for k in range(1, 31)]
    population = result["spend_fit"]["population_mean"]
    assert table.loc["K003", "expected_spend"] == pytest.approx(population)
    assert table.loc["K002", "expected_spend"] == pytest.approx(population)


def test_a_plain_file_counts_lines_from_the_header(tmp_path, capsys):
    path = tmp_path / "plain.csv"
    path.write_text("customer_id,frequency,recency,T\nA1,2,10,20\nB2,1,30,25\n")
    assert run_error(capsys, "fit", "bgnbd", str(path)) == \
        "error: customer B2, line 3: recency 30 is after T 25\n"
    # a blank line does not shift the numbering
    path.write_text("customer_id,frequency,recency,T\nA1,2,10,20\n\nB2,1,30,25\n")
    assert run_error(capsys, "fit", "bgnbd", str(path)) == \
        "error: customer B2, line 4: recency 30 is after T 25\n"
    # without a customer column the line alone
    path.write_text("frequency,recency,T\n2,10,20\n1,-3,25\n")
    assert run_error(capsys, "fit", "bgnbd", str(path)) == \
        "error: line 3: recency must be 0 or more (is -3)\n"


def test_workbook_rows_are_the_sheet_rows(tmp_path, capsys):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Klantoverzicht"])                       # 1
    sheet.append([])                                       # 2
    sheet.append(["customer_id", "frequency", "recency", "T"])  # 3
    sheet.append(["K001", 2, 30.5, 52])                    # 4
    sheet.append([None, None, None, None])                 # 5
    sheet.append(["K002", 1, 60, 52])                      # 6
    path = tmp_path / "klanten.xlsx"
    workbook.save(path)
    assert run_error(capsys, "fit", "bgnbd", str(path)) == \
        "error: customer K002, row 6: recency 60 is after T 52\n"
    sheet["B4"] = "veel"
    workbook.save(path)
    assert run_error(capsys, "fit", "bgnbd", str(path)) == \
        "error: customer K001, row 4: frequency must be a number, not 'veel'\n"


def test_parquet_rows_count_from_one(tmp_path, capsys):
    path = tmp_path / "klanten.parquet"
    pq.write_table(pa.table({"customer_id": ["K001", "K002", "K003"],
                             "frequency": [2.0, 1.0, 3.0], "recency": [10.0, 5.0, 30.0],
                             "T": [20.0, 25.0, 29.5]}), path)
    assert run_error(capsys, "fit", "pareto-nbd", str(path)) == \
        "error: customer K003, row 3: recency 30 is after T 29.5\n"


def test_summary_frames_keep_their_lines_only_while_their_rows_do():
    summary = pd.DataFrame({"frequency": [1, 0, 2], "recency": [2.0, 0.0, 9.0],
                            "T": [5.0, 5.0, 8.0]},
                           index=pd.Index(["A1", "B7", "C3"], name="customer_id"))
    attach(summary, SourceRows("line", numbers=[4, 6, 9]))
    with pytest.raises(DataError) as info:
        fit_transaction_model(BetaGeoModel, summary)
    assert str(info.value) == "customer C3, line 9: recency 9 is after T 8"
    assert info.value.code == "summary_at_customer_line"
    assert info.value.values["customer"] == "C3" and info.value.values["line"] == 9
    assert info.value.values["problem"].code == "summary_recency_after_T"
    copied = pickle.loads(pickle.dumps(info.value))  # the app's workers send errors back
    assert (str(copied), copied.code, copied.values["line"]) == \
        (str(info.value), info.value.code, 9)
    # a copy keeps them; a reordered table no longer matches them and names the customer only
    with pytest.raises(DataError, match="^customer C3, line 9: "):
        fit_transaction_model(BetaGeoModel, summary.copy())
    with pytest.raises(DataError, match="^customer C3: recency 9 is after T 8$"):
        fit_transaction_model(BetaGeoModel, summary.iloc[::-1])


def test_summary_ranges_name_customer_and_range_row():
    from excel_addin import udfs

    header = ["customer_id", "frequency", "recency", "T"]
    blank = [None, None, None, None]
    grid = [header, ["A1", 2, 10, 20], blank, ["B2", 1, 30, 25]]
    assert udfs.CLV_FIT(grid) == "#NUM! customer B2, row 4 of the range: recency 30 is after T 25"
    grid = [header, ["A1", 2, 10, 20], blank, ["B2", "x", 3, 25]]
    assert udfs.CLV_FIT(grid) == \
        "#VALUE! customer B2, row 4 of the range: frequency must be a number, not 'x'"
    grid = [header, ["A1", 2, 10, 20], blank, ["B2", None, 3, 25]]
    assert udfs.CLV_FIT(grid) == "#N/A customer B2, row 4 of the range: frequency is empty"
    grid = [header[1:], [2, 10, 20], [1, -1, 25]]
    assert udfs.CLV_FIT(grid) == "#NUM! row 3 of the range: recency must be 0 or more (is -1)"


def test_located_errors_keep_their_kind():
    from clvdesk.core.summary_rows import check_summary_columns, located

    problem = InputError(code="summary_not_a_number", column="T", value="drie")
    error = located(problem, ["A", "B"], SourceRows("row", first=2), 1)
    assert isinstance(error, InputError) and str(error) == \
        "customer B, row 3: T must be a number, not 'drie'"
    with pytest.raises(DataError, match="^customer B, line 3: monetary_value must be a finite "
                                        "number \\(is inf\\)$"):
        check_summary_columns({"frequency": [1, 1], "monetary_value": np.array([2.0, np.inf])},
                              np.array(["A", "B"], dtype=object), SourceRows("line", first=2))
    # BG/BB: at most one transaction per period, recency not after the periods
    with pytest.raises(DataError, match="^customer B, line 3: frequency 4 is above recency 3"):
        check_summary_columns({"frequency": [1, 4], "recency": [2, 3], "periods": [6, 6]},
                              ["A", "B"], SourceRows("line", first=2))


def test_bgbb_summary_files_name_customer_and_line(tmp_path, capsys):
    path = tmp_path / "kansen.csv"
    lines = ["customer_id,frequency,recency,periods,weights", "A,0,0,6,10", "B,2,4,6,5",
             "C,3,2,6,1"]
    path.write_text("\n".join(lines) + "\n")
    assert run_error(capsys, "fit", "bgbb", str(path)) == \
        "error: customer C, line 4: frequency 3 is above recency 2 (one transaction per " \
        "period at most)\n"
    lines[3] = "C,1,2.5,6,1"
    path.write_text("\n".join(lines) + "\n")
    assert run_error(capsys, "fit", "bgbb", str(path)) == \
        "error: customer C, line 4: recency must be a whole number, 0 or more (is 2.5)\n"
    lines[3] = "C,1,7,6,1"
    path.write_text("\n".join(lines) + "\n")
    assert run_error(capsys, "fit", "bgbb", str(path)) == \
        "error: customer C, line 4: recency 7 is after periods 6\n"


def test_dutch_id_headers_and_hardies_column_names_are_the_files_own(tmp_path, capsys):
    path = tmp_path / "hardie.csv"
    path.write_text("Klantnummer,x,t_x,T\n1001,2,30.43,38.86\n1002,-1,0,38.86\n")
    assert run_error(capsys, "fit", "bgnbd", str(path)) == \
        "error: customer 1002, line 3: x must be a whole number, 0 or more (is -1)\n"
    grid = [["klant", "x", "t_x", "T"], ["1001", 2, 30.43, 38.86], ["1002", 1, "veel", 38.86]]
    from excel_addin import udfs

    assert udfs.CLV_FIT(grid) == \
        "#VALUE! customer 1002, row 3 of the range: t_x must be a number, not 'veel'"
