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


# --- geometry: the labels fit and do not collide -------------------------------------

NS = "{http://www.w3.org/2000/svg}"
# Widths measured in Chromium (DejaVu Sans, what system-ui resolves to on Debian) at the
# charts' font size, 11 viewBox units: the estimate must never be narrower.
MEASURED = {"500 nghìn": 55.5, "1,5 tr": 29.8, "12,5 tỷ": 38.8, "100": 21.0, "29/12": 31.7,
            "Gian hàng mới hoạt động": 139.9, "1.234.567.000 ₫": 91.0}


def _svg(chart):
    import xml.etree.ElementTree as ET

    svg = str(chart).split("</figcaption>", 1)[1].removesuffix("</figure>")
    return ET.fromstring(svg)  # noqa: S314 - our own output


def _texts(root):
    """(text, box) of every <text>: x0, x1 from its anchor (own or its group's), y0, y1
    from the baseline (ascent 0.8 em, descent 0.25 em)."""
    width = float(root.get("viewBox").split()[2])
    size = float(root.get("font-size"))
    boxes = []
    for parent in root.iter():
        for el in parent.findall(f"{NS}text"):
            anchor = el.get("text-anchor") or parent.get("text-anchor") or "start"
            x, y, w = float(el.get("x")), float(el.get("y")), charts.text_width(el.text)
            x0 = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
            boxes.append((el.text, (x0, x0 + w, y - 0.8 * size, y + 0.25 * size)))
    return boxes, width


def _overlap(a, b):
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def test_text_width_is_never_narrower_than_the_browser_draws_it():
    for text, width in MEASURED.items():
        assert width <= charts.text_width(text) <= width * 1.15, text


def test_the_widest_tick_label_fits_in_the_left_margin():
    labels = ["29/12", "05/01", "12/01", "19/01", "26/01"]
    chart = charts.column_chart("Giá trị", labels, [0, 1_025_000, 0, 300_000, 0], axis_fmt=compact_vnd)
    root = _svg(chart)
    boxes, width = _texts(root)
    ticks = dict(boxes[:5])
    assert list(ticks) == ["0", "500 nghìn", "1 tr", "1,5 tr", "2 tr"]
    plot_left = min(float(line.get("x1")) for line in root.iter(f"{NS}line"))
    for text, (x0, x1, _y0, _y1) in ticks.items():
        assert x0 >= 0, text  # was -16.8 for "500 nghìn": drawn as "0 nghìn"
        assert x1 <= plot_left, text
    for text, (x0, x1, _y0, _y1) in boxes[5:]:
        assert 0 <= x0 and x1 <= width, text
    # The same holds for bigger numbers and for counts.
    for values, fmt in (([12_500_000_000], compact_vnd), ([97], str)):
        boxes, _ = _texts(_svg(charts.column_chart("x", ["01/01"], values, axis_fmt=fmt)))
        assert min(x0 for _t, (x0, *_rest) in boxes) >= 0


def test_the_legend_has_its_own_rows_above_the_plot():
    labels = [f"{d:02d}/12" for d in range(1, 30, 7)]  # five weeks: the last label sits on the right edge
    series = [("Hồ sơ", [1, 2, 0, 3, 1]), ("Gian hàng mới hoạt động", [0, 1, 1, 0, 2]),
              ("Sản phẩm mới đăng", [5, 0, 4, 9, 2])]
    root = _svg(charts.line_chart("Tăng trưởng", labels, series))
    boxes, width = _texts(root)
    legend = [box for text, box in boxes if text in dict(series)]
    x_labels = [box for text, box in boxes if text in labels]
    assert len(legend) == 3 and len(x_labels) == 5
    grid = [float(line.get("y1")) for line in root.iter(f"{NS}line")]
    plot_top, plot_bottom = min(grid), max(grid)
    for box in legend:
        assert box[3] <= plot_top and not any(_overlap(box, label) for label in x_labels)
        assert 0 <= box[0] and box[1] <= width
    for other in legend:  # legend entries do not overlap each other either
        assert sum(_overlap(other, box) for box in legend) == 1
    for box in x_labels:
        assert box[2] >= plot_bottom and 0 <= box[0] and box[1] <= width
    swatches = [r for r in root.iter(f"{NS}rect")]
    assert len(swatches) == 3 and all(float(r.get("y")) + float(r.get("height")) <= plot_top for r in swatches)
    height = float(root.get("viewBox").split()[3])
    assert all(box[3] <= height for _text, box in boxes)


def test_the_longest_bar_leaves_room_for_its_value():
    from core.money import format_vnd

    root = _svg(charts.bar_chart("Tỉnh", ["Huế", "Hà Nội"], [1_987_654_321_000, 5], fmt=format_vnd))
    boxes, width = _texts(root)
    assert boxes[1][0] == "1.987.654.321.000 ₫"  # the bar nearly as long as the axis
    assert all(x1 <= width for _text, (_x0, x1, *_y) in boxes)  # was cut off past 360
