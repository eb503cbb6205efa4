"""Importing order files: encodings, separators, Dutch numbers and dates, mapping, workbooks."""

from __future__ import annotations

import datetime as dt

import numpy as np
import openpyxl
import pandas as pd
import pytest

from clvdesk.core.datasets import load_cdnow
from clvdesk.core.errors import Cancelled, InputError
from clvdesk.core.io.mapping import SYNONYMS, normalize_header, suggest_mapping
from clvdesk.core.io.readers import list_sheets, preview_file, read_orders

DUTCH = (
    "Klantnummer;Orderdatum;Bedrag\n"
    "0012;03-01-2024;€ 1.234,56\n"
    "0013;13-01-2024;12,50\n"
    "0012;01-02-2024;-7,25\n"
)


def write(tmp_path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def check_dutch(result) -> None:
    orders = result.orders
    assert list(orders.columns[:3]) == ["customer_id", "date", "amount"]
    assert orders["customer_id"].tolist() == ["0012", "0013", "0012"]
    assert orders["date"].tolist() == [pd.Timestamp("2024-01-03"), pd.Timestamp("2024-01-13"),
                                       pd.Timestamp("2024-02-01")]
    np.testing.assert_allclose(orders["amount"], [1234.56, 12.50, -7.25])
    assert result.options["decimal"] == ","
    assert result.options["dayfirst"] is True


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252"),
    ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
])
def test_encodings(tmp_path, encoding, expected):
    path = write(tmp_path, "orders.csv", DUTCH, encoding)
    result = read_orders(path)
    check_dutch(result)
    assert result.options["encoding"] == expected
    assert result.options["delimiter"] == ";"


def test_cp1252_text_survives(tmp_path):
    text = "klant;datum;bedrag;segment\nRené;2024-01-05;10,00;Café\n"
    result = read_orders(write(tmp_path, "o.csv", text, "cp1252"))
    assert result.orders["customer_id"].iloc[0] == "René"
    assert result.orders["segment"].iloc[0] == "Café"


def test_excel_unicode_text_is_utf16_tab_separated(tmp_path):
    text = "Klant\tDatum\tOmzet\r\nA\t03-01-2024\t1.234,56\r\nB\t04-01-2024\t2,5\r\n"
    path = tmp_path / "export.txt"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    result = read_orders(path)
    assert result.options["delimiter"] == "\t"
    assert result.orders["amount"].tolist() == [1234.56, 2.5]
    assert result.orders["date"].iloc[1] == pd.Timestamp("2024-01-04")


@pytest.mark.parametrize("sep", [",", "\t", "|"])
def test_other_separators(tmp_path, sep):
    rows = ["customer_id,order_date,revenue", "1,2024-03-05,1234.5", "2,2024-03-06,\"1,234.50\""]
    text = "\n".join(r if sep == "," else r.replace(",", sep).replace('"1' + sep, '"1,')
                     for r in rows)
    result = read_orders(write(tmp_path, "o.tsv", text + "\n"))
    assert result.options["delimiter"] == sep
    assert result.orders["amount"].tolist() == [1234.5, 1234.5]
    assert result.options["decimal"] == "."


def test_excel_separator_hint(tmp_path):
    result = read_orders(write(tmp_path, "o.csv", "sep=;\n" + DUTCH))
    check_dutch(result)
    assert result.options["header_row"] == 2


def test_text_export_with_an_excel_name(tmp_path):
    """Many ERPs export CSV under an .xls name; the content decides."""
    result = read_orders(write(tmp_path, "export.xls", DUTCH, "cp1252"))
    check_dutch(result)
    assert result.options["format"] == "text"


def test_title_line_above_header(tmp_path):
    text = "Orderexport webshop 2024\n\n" + DUTCH
    result = read_orders(write(tmp_path, "o.csv", text))
    check_dutch(result)
    assert result.options["header_row"] == 3
    assert result.source_rows.tolist() == [4, 5, 6]


@pytest.mark.parametrize("value, decimal, expected", [
    ("1.234,56", ",", 1234.56), ("€ 1.234,56", ",", 1234.56), ("1,234.56", ".", 1234.56),
    ("EUR 12,5", ",", 12.5), ("(12,50)", ",", -12.5), ("12,50-", ",", -12.5),
    ("1 234,56", ",", 1234.56), ("$1,234,567.89", ".", 1234567.89), ("-3", ".", -3.0),
    ("\u221212,50", ",", -12.5), ("1\u00a0234,56", ",", 1234.56),
])
def test_numbers(tmp_path, value, decimal, expected):
    text = f'customer;date;amount\nA;2024-01-01;"{value}"\nB;2024-01-02;1\n'
    result = read_orders(write(tmp_path, "o.csv", text), decimal=decimal)
    assert result.orders["amount"].iloc[0] == pytest.approx(expected)


def test_decimal_detection_rules():
    from clvdesk.core.io.parse import detect_decimal

    def detect(values, semicolon=False):
        return detect_decimal(pd.Series(values, dtype="str"), semicolon_file=semicolon)

    assert detect(["12,50", "3"]) == ","
    assert detect(["1.234,56"]) == ","
    assert detect(["1,234.56"]) == "."
    assert detect(["1.234.567"]) == ","
    assert detect(["12.5"]) == "."
    # undecided: every value looks like a thousands group -> by the file's separator
    assert detect(["1,234"], semicolon=True) == ","
    assert detect(["1,234"], semicolon=False) == "."


def test_dayfirst_detection_and_override(tmp_path):
    us = "customer,date,amount\nA,01/13/2024,1\nB,02/03/2024,2\n"
    result = read_orders(write(tmp_path, "us.csv", us))
    assert result.options["dayfirst"] is False
    assert result.orders["date"].tolist() == [pd.Timestamp("2024-01-13"),
                                              pd.Timestamp("2024-02-03")]
    ambiguous = "customer,date,amount\nA,03-01-2024,1\nB,04-02-2024,2\n"
    path = write(tmp_path, "amb.csv", ambiguous)
    assert read_orders(path).orders["date"].iloc[0] == pd.Timestamp("2024-01-03")
    assert read_orders(path, dayfirst=False).orders["date"].iloc[0] == pd.Timestamp("2024-03-01")


@pytest.mark.parametrize("value, expected", [
    ("2024-01-03", "2024-01-03"), ("2024-01-03 17:45:00", "2024-01-03"),
    ("2024-01-03T23:30:00-05:00", "2024-01-03"), ("2024/01/03", "2024-01-03"),
    ("20240103", "2024-01-03"), ("45294", "2024-01-03"), ("3.1.2024", "2024-01-03"),
    ("03-01-24", "2024-01-03"), ("3 jan 2024", "2024-01-03"), ("3 mrt 2024", "2024-03-03"),
    ("14 okt 2024", "2024-10-14"), ("March 3, 2024", "2024-03-03"),
])
def test_date_formats(tmp_path, value, expected):
    text = f'customer;date;amount\nA;"{value}";1\nB;25-12-2023;2\n'
    result = read_orders(write(tmp_path, "o.csv", text))
    assert result.orders["date"].iloc[0] == pd.Timestamp(expected)


def test_dates_have_day_precision(tmp_path):
    result = read_orders(write(tmp_path, "o.csv", "customer,date,amount\nA,2024-01-03 10:11:12,1\n"))
    assert result.orders["date"].dtype.kind == "M"
    assert (result.orders["date"] == result.orders["date"].dt.normalize()).all()


def test_mapping_synonyms_english_and_dutch():
    assert suggest_mapping(["Klant ID", "Factuurdatum", "Omzet (EUR)"]) == {
        "customer_id": "Klant ID", "date": "Factuurdatum", "amount": "Omzet (EUR)"}
    assert suggest_mapping(["Customer", "Order Date", "Revenue", "Channel", "Order ID",
                            "Qty", "Cost", "Margin", "NPS score", "CAC", "Segment"]) == {
        "customer_id": "Customer", "date": "Order Date", "amount": "Revenue",
        "segment": "Segment", "channel": "Channel", "order_id": "Order ID", "quantity": "Qty",
        "cost": "Cost", "margin": "Margin", "nps": "NPS score", "acquisition_cost": "CAC"}
    dutch = suggest_mapping(["debiteur", "datum", "totaal", "kanaal", "ordernummer", "aantal",
                             "kosten", "marge", "acquisitiekosten", "klantsegment"])
    assert dutch == {"customer_id": "debiteur", "date": "datum", "amount": "totaal",
                     "segment": "klantsegment", "channel": "kanaal", "order_id": "ordernummer",
                     "quantity": "aantal", "cost": "kosten", "margin": "marge",
                     "acquisition_cost": "acquisitiekosten"}
    assert normalize_header("Bedrag (€)") == "bedrag"
    for names in SYNONYMS.values():
        assert all(normalize_header(n) == n for n in names)


def test_best_synonym_wins_and_each_column_used_once():
    mapping = suggest_mapping(["email", "klantnummer", "bedrag_incl_btw", "Bedrag excl. BTW",
                               "datum"])
    assert mapping["customer_id"] == "klantnummer"
    assert mapping["amount"] == "Bedrag excl. BTW"


def test_optional_columns_are_typed(tmp_path):
    text = ("klantnummer;orderdatum;bedrag;segment;kanaal;ordernummer;aantal;kosten;marge;nps;"
            "acquisitiekosten\n"
            "7;05-01-2024;100,00;Goud;web;A-1;2;40,50;59,50;9;25,00\n")
    orders = read_orders(write(tmp_path, "o.csv", text)).orders
    row = orders.iloc[0]
    assert (row["segment"], row["channel"], row["order_id"]) == ("Goud", "web", "A-1")
    assert (row["quantity"], row["cost"], row["margin"], row["nps"],
            row["acquisition_cost"]) == (2.0, 40.5, 59.5, 9.0, 25.0)


def test_user_mapping_overrides(tmp_path):
    text = "id;when;gross;net\nA;2024-01-01;10;8\nB;2024-01-02;20;16\n"
    path = write(tmp_path, "o.csv", text)
    result = read_orders(path, customer_col="id", date_col="when", amount_col="net")
    assert result.orders["amount"].tolist() == [8.0, 16.0]
    assert result.mapping == {"customer_id": "id", "date": "when", "amount": "net"}
    result = read_orders(path, mapping={"customer_id": "id", "date": "when", "amount": "gross",
                                        "cost": "net"})
    assert result.orders["cost"].tolist() == [8.0, 16.0]


def test_unknown_column_names_the_available_ones(tmp_path):
    path = write(tmp_path, "o.csv", DUTCH)
    with pytest.raises(InputError, match=r"column 'Prijs' not found; columns are: "
                                         r"Klantnummer, Orderdatum, Bedrag"):
        read_orders(path, amount_col="Prijs")
    with pytest.raises(InputError, match="no date"):
        read_orders(write(tmp_path, "nodate.csv", "klant;bedrag\n1;2\n"))


def test_dropped_rows_have_line_numbers_and_reasons(tmp_path):
    text = ("klant;datum;bedrag\n"
            "A;03-01-2024;10\n"       # line 2 kept
            ";03-01-2024;10\n"        # 3 no customer
            "B;;10\n"                 # 4 no date
            "C;31-02-2024;10\n"       # 5 impossible date
            "D;04-01-2024;\n"         # 6 no amount
            "E;04-01-2024;tien\n"     # 7 unreadable amount
            "\n"                      # 8 blank
            "F;05-01-2024;1;extra\n"  # 9 too many fields
            "G;06-01-2024;3\n")       # 10 kept
    result = read_orders(write(tmp_path, "o.csv", text))
    assert result.orders["customer_id"].tolist() == ["A", "G"]
    assert result.source_rows.tolist() == [2, 10]
    assert result.dropped[["row", "reason"]].values.tolist() == [
        [3, "missing_customer_id"], [4, "missing_date"], [5, "unparseable_date"],
        [6, "missing_amount"], [7, "unparseable_amount"], [9, "malformed_row"]]
    assert result.dropped.loc[4, "value"] == "tien"
    assert result.options["blank_rows"] == 1
    assert result.rows_read == 8


def make_workbook(path, *, title=True, sheets=("Info", "Orders")):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in sheets:
        ws = wb.create_sheet(name)
        if name != "Orders":
            ws["A1"] = "Nothing to see here"
            continue
        if title:
            ws["A1"] = "Orders 2024"
            ws.append([])
        ws.append(["Klantnummer", "Orderdatum", "Bedrag", "Segment"])
        ws.append([1001, dt.datetime(2024, 1, 3, 15, 30), 12.5, "Goud"])
        ws.append(["A-7", "13-01-2024", "1.234,50", "Zilver"])
        ws.append([1002, 45294, 3, None])
    wb.save(path)
    return path


def test_xlsx_title_sheet_detection_and_types(tmp_path):
    path = make_workbook(tmp_path / "orders.xlsx")
    result = read_orders(path)
    assert result.options["sheet"] == "Orders"
    assert result.options["header_row"] == 3
    assert result.options["sheets"] == ["Info", "Orders"]
    orders = result.orders
    assert orders["customer_id"].tolist() == ["1001", "A-7", "1002"]
    assert orders["date"].tolist() == [pd.Timestamp("2024-01-03"), pd.Timestamp("2024-01-13"),
                                       pd.Timestamp("2024-01-03")]
    assert orders["amount"].tolist() == [12.5, 1234.5, 3.0]
    assert result.source_rows.tolist() == [4, 5, 6]
    assert result.orders["segment"].tolist()[:2] == ["Goud", "Zilver"]
    assert pd.isna(result.orders["segment"].iloc[2])
    assert result.raw.values.tolist()[0] == ["1001", "2024-01-03 15:30:00", "12.5", "Goud"]
    assert list_sheets(path) == ["Info", "Orders"]


def test_xlsx_sheet_choice_and_errors(tmp_path):
    path = make_workbook(tmp_path / "orders.xlsm", title=False)
    assert read_orders(path, sheet="orders").options["sheet"] == "Orders"
    assert read_orders(path, sheet=2).options["header_row"] == 1
    with pytest.raises(InputError, match="sheet 'Sales' not found.*Info, Orders"):
        read_orders(path, sheet="Sales")
    with pytest.raises(InputError, match="columns are: Nothing to see here"):
        read_orders(path, sheet="Info")


def test_parquet(tmp_path):
    frame = pd.DataFrame({
        "klant_id": [5, 6],
        "datum": [pd.Timestamp("2024-01-03 10:00"), pd.Timestamp("2024-02-01")],
        "omzet": [10.5, 20.0], "kanaal": ["web", "winkel"],
    })
    path = tmp_path / "orders.parquet"
    frame.to_parquet(path)
    result = read_orders(path)
    assert result.options["format"] == "parquet"
    assert result.orders["customer_id"].tolist() == ["5", "6"]
    assert result.orders["date"].tolist() == [pd.Timestamp("2024-01-03"),
                                              pd.Timestamp("2024-02-01")]
    assert result.orders["channel"].tolist() == ["web", "winkel"]


def test_cdnow_round_trip_matches_published_counts(tmp_path):
    """The CDNOW 1/10 sample written as a Dutch CSV reads back to the embedded table.

    Published (Fader, Hardie & Lee 2005): 2,357 customers, 6,919 orders in 1997-01..1998-06.
    """
    cdnow = load_cdnow()
    text = cdnow.assign(
        date=cdnow["date"].dt.strftime("%d-%m-%Y"),
        amount=cdnow["amount"].map(lambda v: f"{v:.2f}".replace(".", ",")),
    ).rename(columns={"customer_id": "klantnummer", "date": "datum", "amount": "bedrag",
                      "quantity": "aantal"})
    path = tmp_path / "cdnow.csv"
    text.to_csv(path, sep=";", index=False)
    result = read_orders(path)
    assert len(result.orders) == 6919
    assert result.orders["customer_id"].nunique() == 2357
    pd.testing.assert_series_equal(result.orders["customer_id"], cdnow["customer_id"],
                                   check_dtype=False)
    assert (result.orders["date"].to_numpy() == cdnow["date"].to_numpy()).all()
    np.testing.assert_allclose(result.orders["amount"], cdnow["amount"], atol=0.005)
    assert result.dropped.empty


def test_preview(tmp_path):
    path = write(tmp_path, "o.csv", "Titel\n" + DUTCH)
    preview = preview_file(path, n=2)
    assert len(preview.rows) == 2
    assert preview.columns == ["Klantnummer", "Orderdatum", "Bedrag"]
    assert preview.rows.iloc[0].tolist() == ["0012", "03-01-2024", "€ 1.234,56"]
    assert preview.missing == []
    assert preview.options["delimiter"] == ";" and preview.options["header_row"] == 2
    assert preview.options["decimal"] == "," and preview.options["dayfirst"] is True
    partial = preview_file(write(tmp_path, "p.csv", "wie;wanneer;bedrag\n1;2;3\n"))
    assert partial.mapping == {"amount": "bedrag"}
    assert partial.missing == ["customer_id", "date"]
    book = preview_file(make_workbook(tmp_path / "b.xlsx"), n=1)
    assert book.sheets == ["Info", "Orders"]
    assert book.rows.iloc[0].tolist()[:3] == ["1001", "2024-01-03 15:30:00", "12.5"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be"])
def test_preview_of_a_big_file_reads_only_its_start(tmp_path, encoding):
    line = "0012;03-01-2024;€ 1.234,56\n"
    path = write(tmp_path, "big.csv", "Klantnummer;Orderdatum;Bedrag\n" + line * 60_000,
                 encoding)
    preview = preview_file(path, n=3)
    assert preview.rows.iloc[2].tolist() == ["0012", "03-01-2024", "€ 1.234,56"]
    assert preview.options["encoding"] in (encoding, "utf-16-be")


def test_progress_and_cancel(tmp_path):
    path = write(tmp_path, "o.csv", DUTCH)
    seen = []
    read_orders(path, progress=lambda f, m: seen.append(f))
    assert seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(Cancelled):
        read_orders(path, cancel=lambda: True)


def test_options_validated(tmp_path):
    path = write(tmp_path, "o.csv", DUTCH)
    with pytest.raises(InputError, match="decimal"):
        read_orders(path, decimal=";")
    with pytest.raises(InputError, match="header row"):
        read_orders(path, header_row=0)
    with pytest.raises(InputError, match="unknown encoding"):
        read_orders(path, encoding="klingon")
    assert read_orders(path, delimiter=";", encoding="utf-8", header_row=1).orders.shape[0] == 3
