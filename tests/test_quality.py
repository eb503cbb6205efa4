"""The data-quality report: totals, every issue kind, agreement with the importer, CLI."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from clvdesk.cli import main
from clvdesk.core.datasets import CDNOW_END, load_cdnow
from clvdesk.core.errors import InputError
from clvdesk.core.io.readers import read_orders
from clvdesk.core.quality import ISSUE_KINDS, outlier_fences, quality_report


def test_cdnow_totals_and_published_one_time_buyers():
    """CDNOW 1/10 sample: 2,357 customers and 6,919 orders, 1997-01-01 .. 1998-06-30.

    In the 39-week calibration period 1,411 of the 2,357 customers made no repeat purchase
    (Fader, Hardie & Lee 2005, "Counting your customers the easy way", section 4).
    """
    cdnow = load_cdnow()
    report = quality_report(cdnow, today="2000-01-01")
    assert (report.rows, report.customers) == (6919, 2357)
    assert report.first_date == pd.Timestamp("1997-01-01")
    assert report.last_date == pd.Timestamp("1998-06-30")
    assert report.total_amount == pytest.approx(cdnow["amount"].sum())
    assert report.count("future_dates") == 0 and report.count("date_gaps") == 0
    calibration = cdnow[cdnow["date"] <= CDNOW_END]
    one_time = quality_report(calibration, today="2000-01-01").issue("one_time_buyers")
    assert one_time.count == 1411
    assert one_time.share == pytest.approx(1411 / 2357)


def synthetic_orders() -> pd.DataFrame:
    rows = [(f"C{i % 10}", pd.Timestamp("2024-01-05") + pd.Timedelta(days=i), 20.0 + i % 7)
            for i in range(40)]
    rows += [
        ("C1", pd.Timestamp("2024-01-06"), 21.0),      # exact duplicate of row 2
        ("C1", pd.Timestamp("2024-01-06"), 21.0),      # and again
        ("C2", pd.Timestamp("2024-01-08"), -15.0),     # return
        ("C3", pd.Timestamp("2024-01-09"), 0.0),       # zero
        ("C4", pd.Timestamp("2024-06-20"), 22.0),      # after 'today', leaves Mar-May empty
        ("C5", pd.Timestamp("2024-01-10"), 25_000.0),  # outlier
        ("C99", pd.Timestamp("2024-01-10"), 30.0),     # one-time buyer
    ]
    return pd.DataFrame(rows, columns=["customer_id", "date", "amount"])


def test_every_issue_kind_is_found():
    report = quality_report(synthetic_orders(), today="2024-06-01")
    assert report.rows == 47
    assert report.count("duplicate_orders") == 2
    assert report.count("negative_amounts") == 1
    assert report.count("zero_amounts") == 1
    assert report.count("future_dates") == 1
    assert report.count("outliers") == 1
    assert report.issue("outliers").examples[0].startswith("row 46: C5 2024-01-10 25,000.00")
    assert report.count("one_time_buyers") == 1
    assert report.issue("one_time_buyers").examples == ["C99"]
    gaps = report.issue("date_gaps")
    assert (gaps.count, gaps.examples) == (3, ["2024-03", "2024-04", "2024-05"])
    for issue in report.issues:
        assert issue.action == ISSUE_KINDS[issue.kind][1]
        assert issue.action.split(":")[0] in ("excluded", "kept", "kept and netted",
                                              "no effect on the computation; a month without "
                                              "orders often means a missing export")


def test_plain_table_with_missing_values():
    orders = pd.DataFrame({
        "customer_id": ["A", None, "B", "C", " "],
        "date": ["2024-01-01", "2024-01-02", None, "not a date", "2024-01-03"],
        "amount": [1.0, 2.0, 3.0, 4.0, np.nan],
    })
    report = quality_report(orders, today="2025-01-01")
    assert report.rows == 1 and report.dropped_rows == 4
    assert report.count("missing_customer_id") == 2
    assert report.count("missing_date") == 1
    assert report.count("unparseable_date") == 1
    assert report.issue("unparseable_date").examples == ["row 4: not a date"]


def test_report_agrees_with_the_importer(tmp_path):
    text = ("klant;datum;bedrag;aantal\n"
            "A;03-01-2024;10;1\n"
            ";03-01-2024;10;1\n"
            "B;;10;1\n"
            "C;32-01-2024;10;1\n"
            "D;04-01-2024;;1\n"
            "E;04-01-2024;tien;1\n"
            "F;05-01-2024;1;1;extra\n"
            "G;06-01-2024;3;twee\n"
            "\n")
    path = tmp_path / "orders.csv"
    path.write_text(text, encoding="utf-8")
    result = read_orders(path)
    report = quality_report(result, today="2024-12-31")
    assert (report.rows, report.rows_read, report.dropped_rows, report.blank_rows) == (2, 8, 6, 1)
    by_reason = result.dropped["reason"].value_counts().to_dict()
    for reason, count in by_reason.items():
        assert report.count(reason) == count
    assert report.issue("unparseable_amount").examples == ["row 7: tien"]
    assert report.issue("malformed_row").examples == ["row 8: 5 fields where the header has 4"]
    assert report.issue("unparseable_value").examples == ["row 9 aantal: twee"]
    assert sum(report.count(k) for k in by_reason) == report.dropped_rows
    # the bare order table (as the pipeline gets it) carries the import's drops along
    bare = quality_report(result.orders.copy(), today="2024-12-31")
    assert bare.to_dict() == report.to_dict()


def test_outlier_rule():
    amounts = np.r_[np.full(10, 10.0), np.full(10, 40.0), [5000.0, 0.05, -5.0]]
    logs = np.log(np.r_[np.full(10, 10.0), np.full(10, 40.0), [5000.0, 0.05]])
    q1, q3 = np.percentile(logs, [25, 75])
    low, high = outlier_fences(amounts)
    assert low == pytest.approx(np.exp(q1 - 3 * (q3 - q1)))
    assert high == pytest.approx(np.exp(q3 + 3 * (q3 - q1)))
    assert high < 5000 and low > 0.05
    assert outlier_fences(np.arange(1, 10.0)) is None


def test_to_dict_is_json_ready():
    report = quality_report(synthetic_orders(), today="2024-06-01")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["first_date"] == "2024-01-05" and data["today"] == "2024-06-01"
    assert {"kind", "count", "examples", "action", "description", "share"} <= set(
        data["issues"][0])


def test_bad_arguments():
    with pytest.raises(InputError, match="today"):
        quality_report(synthetic_orders(), today="gisteren")
    with pytest.raises(InputError, match="no amount .* column found"):
        quality_report(pd.DataFrame({"customer_id": ["A"], "date": ["2024-01-01"]}))


def test_cli_json_and_text(tmp_path, capsys):
    path = tmp_path / "export.csv"
    path.write_text("id;wanneer;netto;kanaal\n1;03-01-2024;12,50;web\n2;05-03-2024;-3,00;web\n",
                    encoding="utf-8")
    args = ["quality", str(path), "--customer-col", "id", "--date-col", "wanneer",
            "--amount-col", "netto", "--today", "2024-12-31"]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rows"] == 2 and data["customers"] == 2 and data["total_amount"] == 9.5
    assert data["mapping"]["channel"] == "kanaal"
    assert data["options"]["decimal"] == ","
    kinds = [issue["kind"] for issue in data["issues"]]
    assert kinds == ["negative_amounts", "one_time_buyers", "date_gaps"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "customers:    2" in out and "negative_amounts: 1" in out
    assert main([*args, "--map", "channel="]) == 0
    assert "channel" not in capsys.readouterr().out.split("columns:")[1].splitlines()[0]
    assert main([*args, "--map", "nonsense"]) == 2
    assert capsys.readouterr().err.startswith("error: --map takes ROLE=COLUMN")
