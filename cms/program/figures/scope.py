import datetime
from dataclasses import dataclass

from cms.program.periods import Period


@dataclass(frozen=True)
class Scope:
    """What the figures are about: a period and the provinces in view (None: all)."""

    period: Period
    provinces: frozenset[int] | None = None

    def province_q(self, field: str = "province_code") -> dict:
        """Filter kwargs restricting `field` to the provinces in view."""
        return {} if self.provinces is None else {f"{field}__in": sorted(self.provinces)}

    def between(self, field: str) -> dict:
        return {f"{field}__gte": self.period.start_at, f"{field}__lt": self.period.end_at}

    @property
    def today(self) -> datetime.date:
        return self.period.end


def share(part: int, whole: int) -> float | None:
    """`part` as a percentage of `whole`, one decimal; None when there is no whole."""
    return None if not whole else round(100 * part / whole, 1)
