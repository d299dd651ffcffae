from cms.program import charts
from cms.program.presenters import compact_vnd


def test_axis_maximum_has_round_quarters():
    assert [charts._ceiling(v) for v in (0, 3, 4, 5, 17, 1_025_000)] == [4, 4, 4, 8, 20, 2_000_000]


def test_charts_escape_labels_and_carry_title_and_values():
    svg = str(charts.bar_chart("Tỉnh <so sánh>", ["A & B", "<C>"], [3, 1]))
    assert svg.startswith('<figure class="chart-figure"><figcaption>Tỉnh &lt;so sánh&gt;</figcaption><svg ')
    assert "<title id=" in svg and "A &amp; B: 3; &lt;C&gt;: 1</desc>" in svg
    assert "<C>" not in svg and svg.endswith("</svg></figure>")
    column = str(charts.column_chart("Đơn", ["01/01", "08/01"], [0, 0]))
    assert column.count("<rect ") == 2  # an empty period still draws (flat) columns, no division by zero
    line = str(charts.line_chart("Tuần", ["01/01"], [("Hồ sơ", [2])]))
    assert "<polyline" in line and "Hồ sơ: 01/01: 2" in line


def test_compact_money():
    assert [compact_vnd(v) for v in (0, 950, 500_000, 1_500_000, 2_000_000_000)] == [
        "0", "950", "500 nghìn", "1,5 tr", "2 tỷ"]
