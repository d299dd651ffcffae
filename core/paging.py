"""Pagination that never counts a whole table: the catalogue shows "more than 10,000
products" instead of an exact `COUNT(*)` over every published product joined to its store
(29% of an uncached catalogue page at 100,000 products).

`CappedPaginator` counts at most COUNT_CAP + 1 rows — `SELECT COUNT(*) FROM (SELECT id …
LIMIT 10001)`: the ids only, without the listing's annotations, ordering or prefetches —
and says whether the count was capped. The pages past the cap are not linked: a buyer
narrows the filters rather than reading page 420.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = COUNT_CAP if cap is None else cap

    @cached_property
    def counted(self) -> int:
        """Rows counted, at most cap + 1 (one more than the cap: there are more)."""
        return self.object_list.order_by().values("pk")[:self.cap + 1].count()

    @property
    def capped(self) -> bool:
        return self.counted > self.cap

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.cap)
