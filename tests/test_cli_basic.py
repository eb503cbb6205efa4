"""The basic command line: closed forms, summarize, scenarios, demo, and bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from clvdesk.cli import main
from clvdesk.core.datasets import CDNOW_END, CDNOW_HOLDOUT_END, load_cdnow


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def assert_one_line_error(code, out, err, message):
    assert code != 0
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert message in err
    assert "Traceback" not in err + out


# closed forms -----------------------------------------------------------------------------

def test_simple_json(capsys):
    result = run_json(capsys, "simple", "--aov", "50", "--frequency", "4", "--lifespan", "5",
                      "--cac", "100")
    assert result["clv"] == 900
    assert result["ltv"] == 1000
    assert result["ltv_cac"] == 10
    assert result["payback_months"] == 6
    assert result["inputs"]["margin"] == 1


def test_simple_margin_percent_and_decimal_comma(capsys):
    result = run_json(capsys, "simple", "--aov", "50", "--frequency", "4", "--lifespan", "2,5",
                      "--margin", "30%", "--cac", "10")
    assert result["clv"] == pytest.approx(0.3 * 50 * 4 * 2.5 - 10)


def test_simple_lifespan_from_churn(capsys):
    result = run_json(capsys, "simple", "--aov", "50", "--frequency", "4", "--churn-rate", "25%")
    assert result["inputs"]["lifespan"] == 4
    assert result["clv"] == 800
    code, out, err = run(capsys, "simple", "--aov", "50", "--frequency", "4", "--lifespan", "5",
                         "--churn-rate", "0.2")
    assert_one_line_error(code, out, err, "not allowed with argument")


def test_simple_text(capsys):
    code, out, _ = run(capsys, "simple", "--aov", "50", "--frequency", "4", "--lifespan", "5",
                       "--cac", "100")
    assert code == 0
    assert "CLV" in out and "900.00" in out and "LTV:CAC" in out


def test_other_closed_forms(capsys):
    assert run_json(capsys, "retention", "--margin", "100", "--retention", "80%",
                    "--discount-rate", "0.1")["clv"] == pytest.approx(800 / 3)
    rho = 0.8 / 1.1
    assert run_json(capsys, "retention", "--margin", "100", "--retention", "0.8",
                    "--discount-rate", "10%", "--periods", "2")["clv"] == pytest.approx(
        100 * (rho + rho**2))
    assert run_json(capsys, "lifespan", "--churn-rate", "20%")["lifespan"] == pytest.approx(5)
    assert run_json(capsys, "ltv-cac", "--ltv", "300", "--cac", "100")["ltv_cac"] == 3
    assert run_json(capsys, "payback", "--cac", "120", "--monthly-revenue", "40",
                    "--margin", "0.25")["payback_months"] == 12
    assert run_json(capsys, "payback", "--cac", "120",
                    "--monthly-revenue", "0")["payback_months"] is None  # never


def test_payback_text_never(capsys):
    code, out, _ = run(capsys, "payback", "--cac", "120", "--monthly-revenue", "0")
    assert code == 0 and "never" in out


# bad input --------------------------------------------------------------------------------

@pytest.mark.parametrize("argv, message", [
    (["simple", "--aov", "abc", "--frequency", "4", "--lifespan", "5"],
     "argument --aov: must be a number such as 12.5 or 12,5, not 'abc'"),
    (["simple", "--aov", "50", "--frequency", "4", "--lifespan", "-5"],
     "--lifespan must be 0 or more, got -5"),
    (["simple", "--aov", "50", "--frequency", "4"], "--lifespan"),
    (["lifespan", "--churn-rate", "0"], "error: --churn-rate must be greater than 0"),
    (["ltv-cac", "--ltv", "300", "--cac", "0"], "error: --cac must be greater than 0"),
    (["predict", "bgnbd", "x.csv", "-o", "o.csv", "--margin", "30"], "--margin must be"),
    (["simple", "--aov", "50", "--frequency", "4", "--lifespan", "5", "--margin", "1,2,3"],
     "argument --margin: must be a number such as 0.3, 0,3 or 30%, not '1,2,3'"),
    (["summarize", "no/such/orders.csv"], "file not found"),
    (["scenarios", "no_such.toml"], "scenario file not found"),
])
def test_bad_input_one_line(capsys, argv, message):
    assert_one_line_error(*run(capsys, *argv), message)


# summarize --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cdnow_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("orders") / "cdnow.csv"
    load_cdnow().to_csv(path, index=False)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_summarize_reproduces_cdnow(capsys, cdnow_csv, tmp_path, data_dir, suffix):
    out_path = tmp_path / f"summary{suffix}"
    code, out, err = run(capsys, "summarize", str(cdnow_csv), "--end", CDNOW_END,
                         "-o", str(out_path))
    assert code == 0, err
    assert "wrote 2,357 customers" in out
    if suffix == ".xlsx":
        ours = pd.read_excel(out_path, engine="openpyxl")
    else:
        ours = (pd.read_csv if suffix == ".csv" else pd.read_parquet)(out_path)
    ours = ours.astype({"customer_id": str}).set_index("customer_id")
    ref = pd.read_csv(data_dir / "cdnow_customers_summary_with_transactions.csv",
                      dtype={"ID": str}).set_index("ID")
    ours = ours.loc[ref.index]
    assert (ours["frequency"].to_numpy() == ref["x"].to_numpy()).all()
    assert (ours["T"].round(2).to_numpy() == ref["T"].to_numpy()).all()
    assert abs(ours["monetary_value"].to_numpy() - ref["zbar"].to_numpy()).max() <= 0.005 + 1e-9


def test_summarize_holdout_json(capsys, cdnow_csv):
    result = run_json(capsys, "summarize", str(cdnow_csv), "--end", CDNOW_END,
                      "--holdout-end", CDNOW_HOLDOUT_END, "--period", "weeks")
    assert result["customers"] == 2357
    assert result["repeat_purchases"] == 2457
    assert result["holdout_end"] == CDNOW_HOLDOUT_END
    assert result["output"] is None


def test_summarize_counts_rows_of_a_typed_parquet_file_as_the_reader_does(capsys, tmp_path):
    """The engine reads the file itself; an all-empty row is no row, a row without amount is
    read and left out, as in the reader's count."""
    from clvdesk.core.io.readers import read_orders

    frame = pd.DataFrame({
        "customer_id": ["a", "a", None, "b", "b"],
        "date": pd.to_datetime(["2024-01-01", "2024-02-01", None, "2024-01-05", "2024-03-01"]),
        "amount": [10.0, 20.0, None, None, 5.0]})
    path = tmp_path / "orders.parquet"
    frame.to_parquet(path, index=False)
    imported = read_orders(path)
    result = run_json(capsys, "summarize", str(path))
    assert (result["rows_read"], result["rows_left_out"]) == (
        imported.rows_read, len(imported.dropped)) == (4, 1)
    assert result["orders"] == 3


def test_summarize_named_columns_and_days(capsys, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("Klant;Datum;Bedrag;Omschrijving\n"
                    "k1;2024-01-01;10,50;=cmd\nk1;2024-01-11;20,00;x\nk2;2024-01-06;5,00;y\n",
                    encoding="utf-8")
    out_path = tmp_path / "summary.csv"
    code, _, err = run(capsys, "summarize", str(path), "--customer-col", "Klant",
                       "--date-col", "Datum", "--amount-col", "Bedrag", "--period", "days",
                       "--end", "2024-01-31", "-o", str(out_path))
    assert code == 0, err
    table = pd.read_csv(out_path).set_index("customer_id")
    assert table.loc["k1", "frequency"] == 1
    assert table.loc["k1", "recency"] == 10
    assert table.loc["k1", "T"] == 30
    assert table.loc["k1", "monetary_value"] == 20.0
    assert table.loc["k2", "total_spend"] == 5.0


def test_summarize_unknown_column(capsys, cdnow_csv):
    code, out, err = run(capsys, "summarize", str(cdnow_csv), "--amount-col", "bedrag")
    assert_one_line_error(code, out, err, "bedrag")


def test_summarize_bad_output_and_period(capsys, cdnow_csv, tmp_path):
    assert_one_line_error(*run(capsys, "summarize", str(cdnow_csv), "-o",
                               str(tmp_path / "x.docx")), "use a file name ending in")
    assert_one_line_error(*run(capsys, "summarize", str(cdnow_csv), "--period", "years"),
                          "period must be days, weeks or months")


def test_input_file_is_not_modified(capsys, cdnow_csv, tmp_path):
    before = cdnow_csv.read_bytes()
    run(capsys, "summarize", str(cdnow_csv), "-o", str(tmp_path / "s.csv"))
    assert cdnow_csv.read_bytes() == before
    assert_one_line_error(*run(capsys, "summarize", str(cdnow_csv), "-o", str(cdnow_csv)),
                          "the output file is the input file")
    assert cdnow_csv.read_bytes() == before


# scenarios --------------------------------------------------------------------------------

def test_scenarios_file(capsys, tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('[[scenario]]\nname = "Now"\naov = 50\nfrequency = 4\nlifespan = 5\n'
                    'cac = 100\n[[scenario]]\nname = "Loyalty"\naov = 50\nfrequency = 5\n'
                    'lifespan = 6\ncac = 120\n', encoding="utf-8")
    result = run_json(capsys, "scenarios", str(path), "--baseline", "Loyalty", "--sensitivity")
    rows = {r["scenario"]: r for r in result["scenarios"]}
    assert rows["Now"]["clv"] == 900
    assert rows["Loyalty"]["clv"] == 1380
    assert rows["Now"]["clv_vs_baseline"] == -480
    assert result["baseline"] == "Loyalty"
    assert {r["driver"] for r in result["sensitivity"]} == {"aov", "frequency", "lifespan",
                                                            "cac", "margin", "retention"}
    code, out, _ = run(capsys, "scenarios", str(path), "-o", str(tmp_path / "cmp.xlsx"))
    assert code == 0 and "Loyalty" in out and (tmp_path / "cmp.xlsx").exists()


def test_scenarios_builtin_example(capsys):
    code, out, _ = run(capsys, "scenarios")
    assert code == 0
    assert "Repeat buyer" in out and "One-time buyer" in out


def test_scenarios_bad_file(capsys, tmp_path):
    path = tmp_path / "s.json"
    path.write_text('[{"name": "A", "aov": "veel", "frequency": 1, "lifespan": 1}]')
    assert_one_line_error(*run(capsys, "scenarios", str(path)),
                          "scenario 'A': aov must be a number")


# demo -------------------------------------------------------------------------------------

def test_demo_closed_forms(capsys):
    code, out, err = run(capsys, "demo", "--no-predict")
    assert code == 0, err
    assert "2,357 customers, 6,919 orders, revenue $244,091.94" in out
    assert "Simple CLV per segment" in out
    assert "CAC $10.00 ($15.00 for 4+ CDs)" in out
    assert all(segment in out for segment in ("1 CD", "2-3 CDs", "4+ CDs"))
    assert "1997-01" in out and "Repeat buyer" in out


def test_demo_json_closed_forms(capsys):
    result = run_json(capsys, "demo", "--no-predict")
    assert result["data"]["customers"] == 2357
    assert result["data"]["repeat_customers"] == 946
    assert [r["cohort"] for r in result["cohorts"]] == ["1997-01", "1997-02", "1997-03"]
    # the core's demo segments (CDs in the first basket) with the demo's CAC per segment
    segments = {r["segment"]: r for r in result["segments"]}
    assert list(segments) == ["4+ CDs", "2-3 CDs", "1 CD", "all customers"]  # by revenue
    assert [segments[s]["customers"] for s in ("1 CD", "2-3 CDs", "4+ CDs")] == [1177, 841, 339]
    assert [segments[s]["cac"] for s in ("1 CD", "2-3 CDs", "4+ CDs")] == [10.0, 10.0, 15.0]
    assert segments["all customers"]["cac"] == pytest.approx((2018 * 10 + 339 * 15) / 2357)
    assert "predicted" not in result


def test_demo_with_predicted_clv(capsys):
    result = run_json(capsys, "demo")
    predicted = result["predicted"]
    assert predicted["model"] == "bgnbd"
    assert set(predicted["model_params"]) == {"r", "alpha", "a", "b"}
    # FHL 2005 BG/NBD estimates on the CDNOW calibration period
    assert predicted["model_params"]["r"] == pytest.approx(0.243, abs=5e-4)
    assert predicted["model_params"]["alpha"] == pytest.approx(4.414, abs=5e-3)
    assert predicted["model_params"]["a"] == pytest.approx(0.793, abs=5e-4)
    assert predicted["model_params"]["b"] == pytest.approx(2.426, abs=5e-3)
    total = predicted["segments"][-1]
    assert total["segment"] == "all customers" and total["customers"] == 2357
    assert total["clv"] == pytest.approx(predicted["clv_total"])
    # the same segments, predicted: CLV per customer grows with the first basket
    by_segment = {r["segment"]: r for r in predicted["segments"]}
    assert list(by_segment) == ["1 CD", "2-3 CDs", "4+ CDs", "all customers"]
    clv = [by_segment[s]["clv_mean"] for s in ("1 CD", "2-3 CDs", "4+ CDs")]
    assert clv == sorted(clv) and clv[2] > 2 * clv[0]
    assert all(r["clv_low"] < r["clv"] < r["clv_high"] for r in predicted["segments"])
    assert by_segment["4+ CDs"]["acquisition_cost"] == 15.0
    assert by_segment["4+ CDs"]["clv_net_mean"] == pytest.approx(clv[2] - 15.0)
    assert [r["segment"] for r in result["segments"]][:-1] == ["4+ CDs", "2-3 CDs", "1 CD"]
    # the closed-form tables are the pipeline's, on the calibration period
    assert result["data"]["calibration_end"] == CDNOW_END
    assert sum(r["customers"] for r in result["segments"][:-1]) == 2357


# console script ---------------------------------------------------------------------------

def test_console_script():
    script = Path(sys.executable).with_name("clvdesk")
    good = subprocess.run([str(script), "simple", "--aov", "50", "--frequency", "4",
                           "--lifespan", "5", "--cac", "100", "--json"],
                          capture_output=True, text=True, timeout=60)
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["clv"] == 900
    bad = subprocess.run([str(script), "simple", "--aov", "50", "--frequency", "4",
                          "--lifespan", "-1"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
    assert bad.stderr == "error: --lifespan must be 0 or more, got -1\n"
    assert bad.stdout == ""


# segments and cohorts of an order file ----------------------------------------------------

@pytest.fixture(scope="module")
def channel_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("orders") / "orders.csv"
    path.write_text(
        "klant,datum,bedrag,kanaal\n"
        "a,2024-01-01,100.00,web\n"
        "a,2024-01-31,50.00,winkel\n"
        "b,2024-01-11,30.00,winkel\n"
        "c,2024-02-05,20.00,web\n",
        encoding="utf-8")
    return path


def test_segments_of_a_file_column(capsys, channel_csv, tmp_path):
    out_path = tmp_path / "segments.csv"
    result = run_json(capsys, "segments", str(channel_csv), "--segment-col", "kanaal",
                      "--end", "2024-01-31", "--margin", "40%", "--cac", "10",
                      "--segment-cac", "web=20", "-o", str(out_path))
    rows = {r["segment"]: r for r in result["segments"]}
    assert set(rows) == {"web", "winkel", "all customers"}
    assert rows["web"]["customers"] == 1 and rows["web"]["ltv"] == pytest.approx(0.4 * 150)
    assert rows["web"]["cac"] == 20 and rows["winkel"]["cac"] == 10
    assert rows["all customers"]["cac"] == pytest.approx(15)
    written = pd.read_csv(out_path)
    assert written["segment"].tolist() == ["web", "winkel", "all customers"]


def test_segments_text_and_assumed_lifespan(capsys, channel_csv):
    code, out, err = run(capsys, "segments", str(channel_csv), "--segment-col", "none",
                         "--lifespan", "3")
    assert code == 0, err
    assert "all customers" in out and "3.00" in out


def test_segments_bad_input(capsys, channel_csv):
    assert_one_line_error(*run(capsys, "segments", str(channel_csv), "--segment-col", "regio"),
                          "regio")
    assert_one_line_error(*run(capsys, "segments", str(channel_csv), "--segment-col", "kanaal",
                               "--segment-cac", "web"), "--segment-cac takes NAME=VALUE")
    assert_one_line_error(*run(capsys, "segments", str(channel_csv), "--margin", "veel"),
                          "argument --margin: must be a number such as 0.3, 0,3 or 30%, not "
                          "'veel'")


def test_cohorts_of_a_file(capsys, channel_csv, tmp_path):
    out_path = tmp_path / "cohorts.xlsx"
    result = run_json(capsys, "cohorts", str(channel_csv), "--end", "2024-02-29",
                      "--cac", "60", "-o", str(out_path))
    summary = {r["cohort"]: r for r in result["summary"]}
    assert summary["2024-01"]["customers"] == 2
    assert summary["2024-01"]["repeat_rate"] == 0.5
    assert summary["2024-01"]["payback_month"] == 0  # (100 + 50 + 30) / 2 = 90 >= 60
    assert summary["2024-02"]["payback_month"] is None  # 20 < 60
    revenue = {r["cohort"]: r for r in result["revenue"]}
    assert revenue["2024-01"]["0"] == 90.0 and revenue["2024-02"]["1"] is None
    written = pd.read_excel(out_path, engine="openpyxl")
    assert written["cohort"].tolist() == ["2024-01", "2024-02"]
    assert written["revenue_month_0"].tolist() == [90.0, 20.0]
    code, out, _ = run(capsys, "cohorts", str(channel_csv), "--end", "2024-02-29")
    assert code == 0 and "2024-01" in out and "m0" in out


@pytest.mark.parametrize("flag", ["kanaal", "KANAAL", " Kanaal ", "kanaal"])
def test_column_flags_match_headers_as_the_import_mapping_does(capsys, tmp_path, flag):
    path = tmp_path / "orders.csv"
    path.write_text("Klant-ID;Datum;Bedrag (EUR);Kanaal\n"
                    "a;01-01-2024;100,00;Web\n"
                    "a;31-01-2024;50,00;Winkel\n"
                    "b;11-01-2024;30,00;Winkel\n", encoding="utf-8")
    result = run_json(capsys, "segments", str(path), "--segment-col", flag,
                      "--customer-col", "klant id", "--amount-col", "bedrag (eur)")
    names = {row["segment"] for row in result["segments"]}
    assert {"Web", "Winkel"} <= names
    assert_one_line_error(*run(capsys, "segments", str(path), "--segment-col", "regio"),
                          "column 'regio' not found; columns are: Klant-ID, Datum, Bedrag (EUR), "
                          "Kanaal")


# excel-functions ----------------------------------------------------------------------------

def test_excel_functions_workbook(capsys, tmp_path):
    """``clvdesk excel-functions`` writes a macro-free workbook of named LAMBDA functions (their
    values are checked in IronCalc in test_excel_lambdas.py)."""
    import openpyxl

    from clvdesk.core.io.excel_lambdas import FUNCTIONS

    target = tmp_path / "clv_functions.xlsx"
    result = run_json(capsys, "excel-functions", "-o", str(target))
    assert result["path"] == str(target)
    assert [f["name"] for f in result["functions"]] == [f.name for f in FUNCTIONS]
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Functions"]
    assert all(f.name in book.defined_names for f in FUNCTIONS)
    code, out, _ = run(capsys, "excel-functions", "-o", str(tmp_path / "f.xlsx"),
                       "--language", "nl")
    assert code == 0 and "CLV.SIMPLE(aov, frequency, lifespan, [cac]" in out
    assert openpyxl.load_workbook(tmp_path / "f.xlsx").sheetnames == ["Functies"]
    assert_one_line_error(*run(capsys, "excel-functions", "-o", str(tmp_path / "f.xlsm")),
                          "must be an .xlsx file")
    assert_one_line_error(*run(capsys, "excel-functions", "-o", str(tmp_path / "no" / "f.xlsx")),
                          "output folder does not exist")


def test_summarize_memory_limit_takes_a_size_or_a_share(capsys, tmp_path):
    """--memory-limit 40% or 64MB runs (its spill folder inside --temp-dir is removed after);
    a bare number or a word is one error line naming the value."""
    frame = pd.DataFrame({"customer_id": ["a", "a", "b"],
                          "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-05"]),
                          "amount": [10.0, 20.0, 5.0]})
    path = tmp_path / "orders.parquet"
    frame.to_parquet(path, index=False)
    spill = tmp_path / "spill"
    spill.mkdir()
    for limit in ("40%", "64MB"):
        result = run_json(capsys, "summarize", str(path), "--memory-limit", limit,
                          "--temp-dir", str(spill))
        assert (result["customers"], result["repeat_purchases"]) == (2, 1)
        assert list(spill.iterdir()) == []
    for limit in ("40", "lots"):
        assert main(["summarize", str(path), "--memory-limit", limit]) == 2
        err = capsys.readouterr().err
        assert err == ("error: memory limit must be a size such as 4GB or a share of the "
                       f"memory such as 40%, not {limit}\n")
