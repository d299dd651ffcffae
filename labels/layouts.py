"""The A4 label sheets a store can print on: common die-cut sheets sold in Vietnam's
stationery shops under many brands, in the geometry of the Avery codes named (the
same sheets are sold as "decal A4 chia sẵn" under local brands). Numbers in millimetres,
from the sheets' published templates: the first label's top-left corner (left, top) and
the step from one label to the next (pitch), so a sheet prints where it is cut when the
print dialogue is set to "actual size" (100 %), not "fit to page".
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

A4_MM = (210.0, 297.0)
DPI = 300


def mm_to_px(mm: float) -> int:
    return round(mm * DPI / 25.4)


@dataclass(frozen=True)
class LabelLayout:
    key: str
    name: str
    columns: int
    rows: int
    width_mm: float
    height_mm: float
    left_mm: float
    top_mm: float
    pitch_x_mm: float
    pitch_y_mm: float

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def size_px(self) -> tuple[int, int]:
        return mm_to_px(self.width_mm), mm_to_px(self.height_mm)

    def positions_px(self) -> list[tuple[int, int]]:
        """Top-left corners of the labels on one sheet, row by row."""
        return [(mm_to_px(self.left_mm + c * self.pitch_x_mm), mm_to_px(self.top_mm + r * self.pitch_y_mm))
                for r in range(self.rows) for c in range(self.columns)]


LAYOUTS = {layout.key: layout for layout in (
    LabelLayout("a4-65", _("65 per sheet, 38.1 × 21.2 mm (Avery L7651)"), 5, 13, 38.1, 21.2, 4.67, 10.7, 40.64, 21.2),
    LabelLayout("a4-24", _("24 per sheet, 63.5 × 33.9 mm (Avery L7159)"), 3, 8, 63.5, 33.9, 7.25, 12.9, 66.0, 33.9),
    LabelLayout("a4-21", _("21 per sheet, 63.5 × 38.1 mm (Avery L7160)"), 3, 7, 63.5, 38.1, 7.25, 15.15, 66.0, 38.1),
    LabelLayout("a4-12", _("12 per sheet, 63.5 × 72 mm (Avery L7164)"), 3, 4, 63.5, 72.0, 7.25, 4.5, 66.0, 72.0),
)}
DEFAULT_LAYOUT = "a4-24"
