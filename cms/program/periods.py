"""Reporting periods: presets (this month, quarter, year, the last 30 days) or two dates.

A period is a closed range of local dates; queries use the half-open datetime range
[start 00:00, day after end 00:00) in the site's time zone.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PRESETS = {
    "month": _("This month"),
    "quarter": _("This quarter"),
    "year": _("This year"),
    "last30": _("Last 30 days"),
}
DEFAULT_PRESET = "quarter"
# Up to a year of weeks: the weekly charts stay readable at 360 px and the page stays
# under 100 KB with every province listed (tests/program: the heaviest page).
MAX_DAYS = 366


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    @property
    def start_at(self) -> datetime.datetime:
        return _local_midnight(self.start)

    @property
    def end_at(self) -> datetime.datetime:
        """Exclusive upper bound: midnight after the last day."""
        return _local_midnight(self.end + datetime.timedelta(days=1))

    def week_starts(self) -> list[datetime.date]:
        """Mondays of every ISO week touching the period, in order."""
        monday = self.start - datetime.timedelta(days=self.start.weekday())
        weeks = []
        while monday <= self.end:
            weeks.append(monday)
            monday += datetime.timedelta(days=7)
        return weeks


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def preset_period(preset: str, today: datetime.date | None = None) -> Period:
    today = today or timezone.localdate()
    if preset == "month":
        return Period(today.replace(day=1), today)
    if preset == "year":
        return Period(today.replace(month=1, day=1), today)
    if preset == "last30":
        return Period(today - datetime.timedelta(days=29), today)
    first_month = 3 * ((today.month - 1) // 3) + 1
    return Period(today.replace(month=first_month, day=1), today)
