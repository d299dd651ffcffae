"""Everything /program/ shows, computed with aggregate queries (COUNT/SUM/AVG with GROUP
BY, TruncWeek): a fixed number of queries whatever the amount of data."""

from dataclasses import dataclass

from cms.program.figures import catalogue, sales, sellers
from cms.program.figures.scope import Scope
from labels.selectors import top_scanned_products

__all__ = ["Dashboard", "Scope", "dashboard_figures"]


@dataclass
class Dashboard:
    scope: Scope
    stores: dict
    products: dict
    ocop: dict
    applications: dict
    training: dict
    payments: dict
    reviews: dict
    groups: list[dict]
    weekly: dict
    provinces: dict[int, dict]
    label_scans: dict  # {"total", "products"}: scans of OCOP QR labels (labels.selectors)


def dashboard_figures(scope: Scope) -> Dashboard:
    weekly = catalogue.weekly_catalogue(scope)
    weekly["sales"] = sales.weekly_sales(scope)
    weekly["applications"] = sellers.weekly_applications(scope)
    provinces = catalogue.province_catalogue(scope)
    for code, row in sales.province_sales(scope).items():
        provinces.setdefault(code, {}).update(row)
    return Dashboard(
        scope=scope,
        stores=catalogue.store_figures(scope),
        products=catalogue.product_figures(scope),
        ocop=catalogue.ocop_figures(scope),
        applications=sellers.application_figures(scope),
        training=sellers.training_figures(scope),
        payments=sales.payment_figures(scope),
        reviews=sales.review_figures(scope),
        groups=sales.top_groups(scope),
        weekly=weekly,
        provinces=provinces,
        label_scans=top_scanned_products(start=scope.period.start, end=scope.period.end,
                                         province_codes=scope.provinces),
    )
