"""Renditions read the cheap way: from what the listing prefetched, the filter spec parsed
once per process, nothing written back to the rendition cache (Wagtail's `get_rendition`
writes on every call). Used by `{% rendition_img %}` (core/templatetags/renditions.py) and
the product page's og:image (cms/seo.py)."""

from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_rendition_or_not_found

_filters: dict[str, Filter] = {}


def rendition(image, spec: str):
    """The rendition `spec` of `image`: the prefetched (or cached, or stored) one when it
    exists, else made now (the first view of a new photo)."""
    filter = _filters.get(spec)
    if filter is None:
        filter = _filters[spec] = Filter(spec=spec)
    try:
        return image.find_existing_rendition(filter)
    except image.get_rendition_model().DoesNotExist:
        return get_rendition_or_not_found(image, filter)
