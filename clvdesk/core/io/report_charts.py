"""Native Excel charts of the report (openpyxl.chart): they read the sheet's cells, so they follow
the live formulas when a colleague changes an assumption.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.worksheet.worksheet import Worksheet

#: Size of every chart, in centimetres.
CHART_WIDTH_CM = 18.0
CHART_HEIGHT_CM = 9.0


def bar_chart(ws: Worksheet, *, title: str, y_title: str, categories: tuple[int, int, int],
              series: list[tuple[int, int, int]], number_format: str | None = None,
              anchor: str, gap_width: int = 60) -> BarChart:
    """Add a column chart to ``ws`` at ``anchor``.

    ``categories``: ``(column, first_row, last_row)`` of the labels; ``series``: one
    ``(column, header_row, last_row)`` per bar series, the header cell giving its name.
    """
    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.y_axis.title = y_title
    chart.gapWidth = gap_width
    _add_series(ws, chart, categories, series, number_format)
    if len(series) == 1:
        chart.legend = None
    ws.add_chart(chart, anchor)
    return chart


def column_line_chart(ws: Worksheet, *, title: str, x_title: str, y_title: str,
                      categories: tuple[int, int, int], series: list[tuple[int, int, int]],
                      number_format: str | None = None, anchor: str) -> LineChart:
    """Add a line chart with one line per sheet column; arguments as :func:`bar_chart`."""
    chart = LineChart()
    chart.title = title
    chart.x_axis.title = x_title
    chart.y_axis.title = y_title
    _add_series(ws, chart, categories, series, number_format)
    ws.add_chart(chart, anchor)
    return chart


def line_chart(ws: Worksheet, *, title: str, x_title: str, y_title: str,
               categories: tuple[int, int, int], rows: tuple[int, int, int],
               number_format: str | None = None, anchor: str) -> LineChart:
    """Add a line chart with one line per sheet row to ``ws`` at ``anchor``.

    ``categories``: ``(row, first_column, last_column)`` of the x labels; ``rows``:
    ``(first_row, last_row, last_column)`` of the lines, each row's first column (A) naming it
    and its values in columns B to ``last_column``.
    """
    chart = LineChart()
    chart.title = title
    chart.x_axis.title = x_title
    chart.y_axis.title = y_title
    first_row, last_row, last_col = rows
    data = Reference(ws, min_col=1, max_col=last_col, min_row=first_row, max_row=last_row)
    chart.add_data(data, from_rows=True, titles_from_data=True)
    cat_row, cat_first, cat_last = categories
    chart.set_categories(Reference(ws, min_col=cat_first, max_col=cat_last, min_row=cat_row,
                                   max_row=cat_row))
    _finish(chart, number_format)
    ws.add_chart(chart, anchor)
    return chart


def _add_series(ws, chart, categories, series, number_format) -> None:
    cat_col, cat_first, cat_last = categories
    for col, header_row, last_row in series:
        data = Reference(ws, min_col=col, min_row=header_row, max_row=last_row)
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=cat_col, min_row=cat_first, max_row=cat_last))
    _finish(chart, number_format)


def _finish(chart, number_format: str | None) -> None:
    if number_format:
        chart.y_axis.number_format = number_format
    # openpyxl >= 3.1 hides axes unless told otherwise; a chart without axes reads as empty
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width = CHART_WIDTH_CM
    chart.height = CHART_HEIGHT_CM
