"""Pagination that never counts a whole table: the catalogue shows "more than 10,000
products" instead of an exact `COUNT(*)` over every published product joined to its store
(29% of an uncached catalogue page at 100,000 products).

`CappedPaginator` counts at most COUNT_CAP + 1 rows — `SELECT COUNT(*) FROM (SELECT id …
LIMIT 10001)`: the ids only, without the listing's annotations, ordering or prefetches —
and says whether the count was capped. The pages past the cap are not linked: a buyer
narrows the filters rather than reading page 420.

Even capped, counting 10,001 rows was a quarter of an uncached catalogue page. A count of
REMEMBERED_FROM rows or more is kept COUNT_SECONDS for the same query (the key is its SQL
and parameters): "1.234 products" a minute old is as good, and a page past the end shows
the last page. Smaller counts, where a new product shows on the storefront at once, are
counted every time: they cost little.
"""

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

COUNT_CAP = 10_000
REMEMBERED_FROM = 1_000
COUNT_SECONDS = 60


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = COUNT_CAP if cap is None else cap

    @cached_property
    def counted(self) -> int:
        """Rows counted, at most cap + 1 (one more than the cap: there are more)."""
        ids = self.object_list.order_by().values("pk")[:self.cap + 1]
        sql, params = ids.query.sql_with_params()
        key = "count:" + hashlib.sha256(repr((sql, params)).encode()).hexdigest()[:40]
        counted = cache.get(key)
        if counted is None:
            counted = ids.count()
            if counted >= REMEMBERED_FROM:
                cache.set(key, counted, COUNT_SECONDS)
        return counted

    @property
    def capped(self) -> bool:
        return self.counted > self.cap

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.cap)
