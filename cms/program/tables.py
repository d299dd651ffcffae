"""The dashboard's tables: one definition feeds the HTML page and the CSV export
(`?format=csv&table=<key>`). Cells hold raw values; HTML formats them (đồng, %),
CSV keeps plain numbers so spreadsheets can compute with them."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from cms.program.figures import Dashboard
from core import divisions
from core.money import format_vnd
from marketplace.payments import providers

PAYMENT_METHODS = {
    providers.COD: _("Cash on delivery"),
    providers.STRIPE: _("Card"),
    providers.VIETQR: _("Bank transfer (VietQR)"),
}


@dataclass
class Column:
    label: str
    kind: str = "int"  # text | int | vnd | pct | rating | date

    def display(self, value) -> str:
        if value is None:
            return "—"
        if self.kind == "vnd":
            return format_vnd(value)
        if self.kind == "pct":
            return f"{value:.1f} %".replace(".", ",")
        if self.kind == "rating":
            return f"{value:.2f}".replace(".", ",")
        if self.kind == "date":
            return value.strftime("%d/%m/%Y")
        if self.kind == "int":
            return f"{value:,}".replace(",", ".")
        return str(value)

    def raw(self, value):
        if value is None:
            return ""
        return value.isoformat() if self.kind == "date" else value


@dataclass
class Table:
    """`foot`: rows that sum or reconcile the body (HTML <tfoot>, last in the CSV; a None
    cell is left blank); `note`: a sentence shown under the table."""

    key: str
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    foot: list[list] = field(default_factory=list)
    note: str = ""

    def display_rows(self) -> list[list[str]]:
        return [[c.display(v) for c, v in zip(self.columns, row, strict=True)] for row in self.rows]

    def display_foot(self) -> list[list[str]]:
        return [["" if v is None else c.display(v) for c, v in zip(self.columns, row, strict=True)]
                for row in self.foot]

    def csv_rows(self) -> list[list]:
        return [[str(c.label) for c in self.columns]] + [
            [c.raw(v) for c, v in zip(self.columns, row, strict=True)] for row in self.rows + self.foot]


@dataclass
class FigureTable(Table):
    """Label/value rows where each value has its own kind (đồng, %, count)."""

    kinds: list[str] = field(default_factory=list)

    def display_rows(self) -> list[list[str]]:
        return [[str(label), Column("", kind).display(value)] for (label, value), kind in zip(self.rows, self.kinds,
                                                                                           strict=True)]

    def csv_rows(self) -> list[list]:
        return [[str(c.label) for c in self.columns]] + [[str(label), "" if value is None else value]
                                                           for label, value in self.rows]


def payment_label(method: str) -> str:
    return str(PAYMENT_METHODS.get(method, method))


def build_tables(d: Dashboard) -> dict[str, Table]:
    summary_rows, summary_kinds = _summary(d)
    tables = [
        FigureTable("summary", _("Key figures"), [Column(_("Figure"), "text"), Column(_("Value"), "text")],
                    rows=summary_rows, kinds=summary_kinds),
        Table("applications", _("Seller applications by state"),
              [Column(_("State"), "text"), Column(_("Applications"))],
              [[row["label"], row["count"]] for row in d.applications["by_state"]]),
        Table("ocop", _("OCOP products online by stars"), [Column(_("Stars"), "text"), Column(_("Products"))],
              [[f"{stars}★", n] for stars, n in d.ocop["by_stars"].items()]),
        Table("payments", _("Orders and sales by payment method"),
              [Column(_("Payment method"), "text"), Column(_("Orders")), Column(_("Sales value (VND)"), "vnd"),
               Column(_("Share of orders"), "pct")],
              [[payment_label(m["method"]), m["orders"], m["sales"], m["share"]] for m in d.payments["methods"]]),
        _groups(d),
        Table("weekly", _("Week by week"),
              [Column(_("Week of"), "date"), Column(_("Applications submitted")), Column(_("Stores gone live")),
               Column(_("Products published")), Column(_("Orders")), Column(_("Sales value (VND)"), "vnd")],
              [[monday, d.weekly["applications"][monday], d.weekly["stores_went_live"][monday],
                d.weekly["products_published"][monday], *d.weekly["sales"][monday]]
               for monday in d.scope.period.week_starts()]),
        Table("provinces", _("Provinces compared"),
              [Column(_("Province"), "text"), Column(_("Stores live")), Column(_("Products online")),
               Column(_("OCOP products online")), Column(_("Orders")), Column(_("Sales value (VND)"), "vnd")],
              _province_rows(d)),
        _label_scans(d),
    ]
    return {t.key: t for t in tables}


def _label_scans(d: Dashboard) -> Table:
    """The products whose OCOP QR labels were scanned most in the period (labels/)."""
    scans = d.label_scans
    return Table("label_scans", _("QR label scans"),
                 [Column(_("Product"), "text"), Column(_("Store"), "text"), Column(_("Province"), "text"),
                  Column(_("Scans"))],
                 [[row["product"], row["store"], divisions.province_name(row["province_code"]), row["scans"]]
                  for row in scans["products"]],
                 foot=[[_("Scans of every product"), None, None, scans["total"]]],
                 note=_("Each opening of a label's verification page counts one scan; only a count per product "
                        "and day is kept, nothing about who scanned."))


def _groups(d: Dashboard) -> Table:
    """Sales per product group count the goods only; the foot reconciles them with the
    sales value everywhere else: goods of every group + shipping = sales value."""
    goods, shipping, sales = d.payments["goods"], d.payments["shipping"], d.payments["sales"]
    foot = []
    unlisted = goods - sum(g["sales"] for g in d.groups)
    if unlisted:  # groups below the top rows, lines of products since deleted
        foot.append([_("Other product groups and deleted products"), unlisted, None])
    foot += [[_("Goods, all product groups"), goods, None],
             [_("Shipping fees (not part of any product group)"), shipping, None],
             [_("Sales value: goods + shipping"), sales, None]]
    note = _("Sales by product group count the goods only, not shipping: shipping is a flat fee per store "
             "and order, not tied to a product group. Goods %(goods)s + shipping %(shipping)s = sales value "
             "%(sales)s, the figure in the key figures and the other tables.") % {
        "goods": format_vnd(goods), "shipping": format_vnd(shipping), "sales": format_vnd(sales)}
    return Table("groups", _("Top product groups"),
                 [Column(_("Product group"), "text"), Column(_("Goods sold, excluding shipping (VND)"), "vnd"),
                  Column(_("Products online"))],
                 [[g["name"], g["sales"], g["products_online"]] for g in d.groups], foot=foot, note=note)


def _province_rows(d: Dashboard) -> list[list]:
    rows = []
    for code, row in d.provinces.items():
        rows.append([divisions.province_name(code), row.get("stores_live", 0), row.get("products_online", 0),
                     row.get("ocop_online", 0), row.get("orders", 0), row.get("sales", 0)])
    rows.sort(key=lambda r: (-r[5], -r[1], r[0]))
    return rows


def _summary(d: Dashboard) -> tuple[list[list], list[str]]:
    figures = [
        (_("Stores live"), d.stores["live"], "int"),
        (_("Stores gone live in the period"), d.stores["went_live"], "int"),
        (_("Products online"), d.products["published"], "int"),
        (_("Products published in the period"), d.products["published_in_period"], "int"),
        (_("OCOP products online"), d.ocop["online"], "int"),
        (_("Share of OCOP-certified products online (%)"), d.ocop["share"], "pct"),
        (_("Sellers"), d.training["sellers"], "int"),
        (_("Sellers trained (starter course completed)"), d.training["trained"], "int"),
        (_("Share of sellers trained (%)"), d.training["share"], "pct"),
        (_("Seller applications submitted in the period"), d.applications["submitted_in_period"], "int"),
        (_("Orders"), d.payments["orders"], "int"),
        (_("Sales value (VND)"), d.payments["sales"], "vnd"),
        (_("Share of cashless orders (%)"), d.payments["cashless_share"], "pct"),
        (_("Average review"), d.reviews["average"], "rating"),
        (_("Reviews written"), d.reviews["count"], "int"),
    ]
    return [[label, value] for label, value, _kind in figures], [kind for _label, _value, kind in figures]
