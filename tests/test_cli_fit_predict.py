"""``clvdesk fit`` and ``clvdesk predict`` on the reference data, and their one-line errors.

Published estimates: BG/NBD and Pareto/NBD on CDNOW (Fader, Hardie & Lee 2005a/b: r 0.243,
alpha 4.414, a 0.793, b 2.426, LL -9582.4; r 0.553, alpha 10.58, s 0.606, beta 11.67,
LL -9595.0), Gamma-Gamma on CDNOW's repeat buyers (FHL 2005b: p 6.25, q 3.74, gamma 15.44),
BG/BB on the donations (Fader, Hardie & Shang 2010: alpha 1.204, beta 0.750, gamma 0.657,
delta 2.783, LL -33225.6), sBG on the 'regular' cohort, years 0-7 of 1,000 customers (Fader &
Hardie 2007: alpha 0.704, beta 1.182).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from cli_run import run_error, run_json
from conftest import DATA_DIR

from clvdesk.cli import main
from clvdesk.core.datasets import load_cdnow

SUMMARY = DATA_DIR / "cdnow_customers_summary.csv"
WITH_SPEND = DATA_DIR / "cdnow_customers_summary_with_transactions.csv"


@pytest.fixture(scope="module")
def order_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("orders") / "cdnow_orders.csv"
    load_cdnow().to_csv(path, index=False)
    return path


def close_to(params: dict, published: dict, rel: float = 2e-3) -> bool:
    return all(params[k] == pytest.approx(v, rel=rel) for k, v in published.items())


def test_fit_bgnbd_on_summary_file(capsys):
    result = run_json(capsys, "fit", "bgnbd", str(SUMMARY))
    assert {"model", "params", "log_likelihood", "std_errors", "n_customers"} <= set(result)
    assert result["model"] == "bgnbd" and result["n_customers"] == 2357
    assert close_to(result["params"], {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    assert result["log_likelihood"] == pytest.approx(-9582.4, abs=0.1)
    assert set(result["std_errors"]) == {"r", "alpha", "a", "b"}


def test_fit_on_summary_file_does_not_load_pandas():
    """The summary fast path skips pandas' import (~0.4 s of start-up, the speed goal's margin)."""
    code = ("import sys; from clvdesk.cli import main; "
            f"code = main(['fit', 'bgnbd', {str(SUMMARY)!r}, '--json']); "
            "sys.stderr.write('pandas' if 'pandas' in sys.modules else 'no pandas'); "
            "raise SystemExit(code)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["n_customers"] == 2357
    assert done.stderr == "no pandas"


def test_fit_on_order_file_summarises_on_the_fly(capsys, order_file):
    result = run_json(capsys, "fit", "bgnbd", str(order_file), "--period", "weeks",
                      "--end", "1997-09-30")
    assert result["source"] == "order file" and result["end"] == "1997-09-30"
    assert close_to(result["params"], {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    assert result["log_likelihood"] == pytest.approx(-9582.4, abs=0.2)


def test_fit_pareto_nbd(capsys):
    result = run_json(capsys, "fit", "pareto-nbd", str(SUMMARY))
    assert close_to(result["params"], {"r": 0.553, "alpha": 10.58, "s": 0.606, "beta": 11.67},
                    rel=3e-3)
    assert result["log_likelihood"] == pytest.approx(-9595.0, abs=0.1)


def test_fit_gamma_gamma_with_hardie_column_names(capsys):
    result = run_json(capsys, "fit", "gamma-gamma", str(WITH_SPEND))
    assert close_to(result["params"], {"p": 6.25, "q": 3.74, "gamma": 15.44}, rel=5e-3)
    assert result["n_customers"] == 946


def test_fit_bgbb_on_donations(capsys):
    result = run_json(capsys, "fit", "bgbb", str(DATA_DIR / "donations.csv"))
    assert close_to(result["params"], {"alpha": 1.204, "beta": 0.750, "gamma": 0.657,
                                       "delta": 2.783}, rel=3e-3)
    assert result["log_likelihood"] == pytest.approx(-33225.6, abs=0.1)
    assert result["n_customers"] == 11104


def test_fit_sbg_from_alive_counts_and_file(capsys, tmp_path):
    published = {"alpha": 0.704, "beta": 1.182}
    result = run_json(capsys, "fit", "sbg", "--alive", "1000,631,468,382,326,289,262,241")
    assert close_to(result["params"], published, rel=3e-3)
    table = pd.read_csv(DATA_DIR / "retention.csv").iloc[:8]
    path = tmp_path / "alive.csv"
    pd.DataFrame({"alive": table["regular_pct_active"] * 10}).to_csv(path, index=False)
    assert close_to(run_json(capsys, "fit", "sbg", str(path))["params"], published, rel=3e-3)


def test_predict_per_customer_csv(capsys, order_file, tmp_path):
    out = tmp_path / "predictions.csv"
    result = run_json(capsys, "predict", "bgnbd", str(order_file), "--horizon", "39",
                      "--horizon-unit", "weeks", "--end", "1997-09-30", "--spend-model", "none",
                      "-o", str(out))
    table = pd.read_csv(out, dtype={"customer_id": str}).set_index("customer_id")
    assert list(table.columns) == ["frequency", "recency", "T", "p_alive", "expected_purchases"]
    assert len(table) == 2357 == result["customers"]
    # Hardie's BG/NBD note: customer 1 (x 2, t_x 30.43, T 38.86) buys 1.226 times in 39 weeks
    assert table.loc["1", "expected_purchases"] == pytest.approx(1.226, abs=2e-3)


def test_predict_clv_with_spend_model(capsys, order_file, tmp_path):
    out = tmp_path / "clv.parquet"
    result = run_json(capsys, "predict", "bgnbd", str(order_file), "--end", "1997-09-30",
                      "--spend-model", "gamma-gamma", "--margin", "0.3", "--discount-rate",
                      "0.1", "--draws", "50", "-o", str(out))
    table = pd.read_parquet(out)
    for column in ("customer_id", "p_alive", "expected_purchases", "expected_spend", "clv",
                   "clv_low", "clv_high"):
        assert column in table.columns
    assert (table["clv_low"] <= table["clv"]).all() and (table["clv"] <= table["clv_high"]).all()
    assert result["total_clv"] == pytest.approx(table["clv"].sum())
    assert result["total_clv_low"] < result["total_clv"] < result["total_clv_high"]


def test_predict_gives_clv_in_money_by_default_and_says_which_margin(capsys, order_file,
                                                                     tmp_path):
    out = tmp_path / "clv.csv"
    code = main(["predict", "bgnbd", str(order_file), "--end", "1997-09-30", "--draws", "0",
                 "-o", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    assert "clv" in pd.read_csv(out).columns
    assert "predicted CLV over 12 months" in printed
    assert "margin 100 % (CLV as revenue; set --margin for profit)" in printed


@pytest.mark.parametrize("margin", ["30%", "0,3", "0.3", "30 %"])
def test_predict_rates_as_percent_or_decimal_comma(capsys, order_file, tmp_path, margin):
    out = tmp_path / "clv.csv"
    result = run_json(capsys, "predict", "bgnbd", str(order_file), "--end", "1997-09-30",
                      "--draws", "0", "--margin", margin, "--discount-rate", "10%",
                      "-o", str(out))
    assert result["margin"] == pytest.approx(0.3)
    assert result["spend_model"] == "gamma-gamma"


def test_predict_xlsx_is_the_report_workbook(capsys, order_file, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "report.xlsx"
    code = main(["predict", "bgnbd", str(order_file), "--end", "1997-09-30", "--spend-model",
                 "gamma-gamma", "--margin", "0.3", "--draws", "20", "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    assert len(load_workbook(out, read_only=True).sheetnames) >= 6


def test_predict_on_summary_file(capsys, tmp_path):
    out = tmp_path / "p.csv"
    run_json(capsys, "predict", "pareto-nbd", str(SUMMARY), "-o", str(out))
    table = pd.read_csv(out)
    assert len(table) == 2357 and table["p_alive"].between(0, 1).all()


@pytest.mark.parametrize(("argv", "message"), [
    (["fit", "nbd", str(SUMMARY)], "unknown model"),
    (["fit", "bgnbd", "/no/such/file.csv"], "not found"),
    (["fit", "gamma-gamma", str(SUMMARY)], "no column(s) monetary_value"),
    (["fit", "bgbb", str(SUMMARY)], "no column(s) periods"),
    (["fit", "sbg", "--alive", "1000,six,300"], "--alive must be numbers"),
    (["fit", "sbg"], "sbg needs"),
    (["fit", "bgnbd", str(SUMMARY), "--end", "1997-09-30"], "--end applies to order files"),
    (["fit", "bgnbd", str(SUMMARY), "--period", "fortnights"], "unknown time unit"),
    (["predict", "bgbb", str(SUMMARY), "-o", "x.csv"], "predict needs a transaction model"),
    (["predict", "bgnbd", str(SUMMARY), "-o", "/no/such/folder/x.csv"], "folder does not exist"),
    (["predict", "bgnbd", str(SUMMARY), "--margin", "30", "-o", "x.csv"], "margin"),
    (["predict", "bgnbd", str(SUMMARY), "-o", "x.txt"], "use a file name ending in .csv, .parquet, .xlsx"),
])
def test_bad_input_is_one_line(capsys, tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    assert message in run_error(capsys, *argv)


def test_random_bytes_and_empty_files_are_one_line(capsys, tmp_path):
    noise = tmp_path / "noise.csv"
    noise.write_bytes(bytes(range(256)) * 40)
    run_error(capsys, "fit", "bgnbd", str(noise))
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    run_error(capsys, "predict", "bgnbd", str(empty), "-o", str(tmp_path / "o.csv"))
    header_only = tmp_path / "header.csv"
    header_only.write_text("frequency,recency,T\n")
    run_error(capsys, "fit", "bgnbd", str(header_only))
    text = tmp_path / "text.csv"
    text.write_text("frequency,recency,T\n1,2,three\n")
    assert run_error(capsys, "fit", "bgnbd", str(text)) == \
        "error: line 2: T must be a number, not 'three'\n"


def test_predict_segments_on_any_column_of_the_file(capsys, tmp_path):
    orders = load_cdnow()
    orders["Regio"] = ["noord" if int(c) % 3 else "zuid" for c in orders["customer_id"]]
    path = tmp_path / "orders.csv"
    orders.to_csv(path, index=False)
    out = tmp_path / "clv.csv"
    run_json(capsys, "predict", "bgnbd", str(path), "--end", "1997-09-30", "--spend-model",
             "gamma-gamma", "--draws", "0", "--segment-column", "regio", "-o", str(out))
    table = pd.read_csv(out, dtype={"customer_id": str}).set_index("customer_id")
    assert table.loc["3", "segment"] == "zuid" and table.loc["1", "segment"] == "noord"
    assert "clv_low" not in table.columns
    assert "segment column 'province' not found" in run_error(
        capsys, "predict", "bgnbd", str(path), "--segment-column", "province", "-o", str(out))
