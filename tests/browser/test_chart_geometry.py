"""The programme dashboard's charts as Chromium draws them, with the page's own font: no
label is cut at the edge of its chart ("500 nghìn" once showed as "0 nghìn"), and the
growth chart's legend does not touch the week labels."""

from django.contrib.auth.models import Group

from accounts.roles import PROGRAMME_OFFICERS
from marketplace.orders.models import Order
from tests.browser.test_catalogue import logged_in
from tests.factories import UserFactory
from tests.factories.marketplace import StoreFactory
from tests.factories.programme import OrderFactory

BOXES = """() => [...document.querySelectorAll("figure.chart-figure svg")].map(svg => ({
  title: svg.querySelector("title").textContent,
  width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height,
  texts: [...svg.querySelectorAll("text")].map(t => {
    const b = t.getBBox();
    return {text: t.textContent, group: t.parentNode.getAttribute("class") || "",
            x0: b.x, x1: b.x + b.width, y0: b.y, y1: b.y + b.height};
  }),
}))"""


def _overlap(a, b) -> bool:
    return a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]


def test_chart_labels_stay_inside_their_charts_and_apart(phone, live_server, artifacts_dir):
    officer = UserFactory(is_staff=True)
    officer.groups.add(Group.objects.get(name=PROGRAMME_OFFICERS))
    OrderFactory(store=StoreFactory(), total=1_025_000, status=Order.Status.PAID)  # axis up to 2 tr: "500 nghìn"
    logged_in(phone, officer, live_server)
    phone.goto("/program/?preset=last30")
    charts = phone.evaluate(BOXES)
    phone.screenshot(path=artifacts_dir / "programme-charts.png", full_page=True)

    assert len(charts) == 6
    sales = next(c for c in charts if c["title"] == "Giá trị bán hàng mỗi tuần (VND)")
    assert [t["text"] for t in sales["texts"] if t["group"] == "y-labels"] == [
        "0", "500 nghìn", "1 tr", "1,5 tr", "2 tr"]
    for chart in charts:
        for text in chart["texts"]:
            assert text["x0"] >= 0 and text["x1"] <= chart["width"], (chart["title"], text)
            assert text["y0"] >= 0 and text["y1"] <= chart["height"], (chart["title"], text)

    growth = next(c for c in charts if any(t["group"] == "legend" for t in c["texts"]))
    legend = [t for t in growth["texts"] if t["group"] == "legend"]
    others = [t for t in growth["texts"] if t["group"] != "legend"]
    assert len(legend) == 3
    for entry in legend:
        assert not any(_overlap(entry, other) for other in others), entry
        assert sum(_overlap(entry, other) for other in legend) == 1, entry  # itself only
    x_labels = [t for t in growth["texts"] if t["group"] == "x-labels"]
    assert max(t["y1"] for t in legend) < min(t["y0"] for t in x_labels)
