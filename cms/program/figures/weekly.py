"""Weekly time series: one GROUP BY TruncWeek query per series, zero-filled in Python
over the weeks (never over rows)."""

import datetime

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncWeek

from cms.program.figures.scope import Scope


def per_week(queryset: QuerySet, date_field: str, scope: Scope, *, total: str | None = None) -> dict:
    """{monday: count} (or {monday: (count, sum of `total`)}) for every week of the period."""
    annotations = {"n": Count("pk")}
    if total:
        annotations["total"] = Sum(total)
    rows = (queryset.filter(**scope.between(date_field)).annotate(week=TruncWeek(date_field))
            .values("week").annotate(**annotations).order_by("week"))
    found = {}
    for row in rows:
        week = row["week"]
        week = week.date() if isinstance(week, datetime.datetime) else week
        found[week] = (row["n"], row.get("total") or 0) if total else row["n"]
    empty = (0, 0) if total else 0
    return {monday: found.get(monday, empty) for monday in scope.period.week_starts()}
