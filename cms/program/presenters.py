"""Turn the dashboard's figures into the page's SVG charts (built by cms.program.charts)."""

from django.utils.translation import gettext as _

from cms.program import charts
from cms.program.figures import Dashboard
from core import divisions
from core.money import format_vnd


def compact_vnd(amount) -> str:
    """Axis labels: 1500000 → "1,5 tr" (triệu), 2000000000 → "2 tỷ"."""
    amount = float(amount)
    for size, unit in ((1e9, _("bn")), (1e6, _("m")), (1e3, _("k"))):
        if amount >= size:
            return f"{amount / size:.1f}".rstrip("0").rstrip(".").replace(".", ",") + f" {unit}"
    return f"{amount:.0f}"


def build_charts(d: Dashboard) -> list[dict]:
    weeks = d.scope.period.week_starts()
    labels = [monday.strftime("%d/%m") for monday in weeks]
    orders = [d.weekly["sales"][w][0] for w in weeks]
    sales = [d.weekly["sales"][w][1] for w in weeks]
    result = [
        {"key": "orders", "svg": charts.column_chart(_("Orders per week"), labels, orders)},
        {"key": "sales", "svg": charts.column_chart(_("Sales value per week (VND)"), labels, sales, fmt=format_vnd,
                                                    axis_fmt=compact_vnd, colour=charts.PALETTE[1])},
        {"key": "growth", "svg": charts.line_chart(
            _("Applications, stores gone live and products published per week"), labels,
            [(_("Applications"), [d.weekly["applications"][w] for w in weeks]),
             (_("Stores gone live"), [d.weekly["stores_went_live"][w] for w in weeks]),
             (_("Products published"), [d.weekly["products_published"][w] for w in weeks])])},
        {"key": "ocop", "svg": charts.bar_chart(
            _("OCOP products online by stars"), [f"{s}★" for s in d.ocop["by_stars"]],
            list(d.ocop["by_stars"].values()), colour=charts.PALETTE[1])},
    ]
    if d.provinces:
        ranked = sorted(d.provinces.items(), key=lambda item: (-item[1].get("sales", 0),
                                                               -item[1].get("stores_live", 0)))
        names = [divisions.short_province_name(divisions.province_name(code)) for code, _row in ranked]
        result += [
            {"key": "provinces_stores", "svg": charts.bar_chart(
                _("Stores live by province"), names, [row.get("stores_live", 0) for _code, row in ranked])},
            {"key": "provinces_sales", "svg": charts.bar_chart(
                _("Sales value by province (VND)"), names, [row.get("sales", 0) for _code, row in ranked],
                fmt=format_vnd, colour=charts.PALETTE[2])},
        ]
    return result
