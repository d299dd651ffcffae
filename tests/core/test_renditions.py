"""`{% rendition_img %}` (core/templatetags/renditions.py): the product card's photo from the
prefetched rendition, with the markup of Wagtail's `{% image %}`, no query and no cache write."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from tests.factories.marketplace import wagtail_image

pytestmark = pytest.mark.django_db

OURS = Template('{% load renditions %}{% rendition_img image "fill-400x400|format-webp" loading="lazy" alt=alt %}')
WAGTAIL = Template('{% load wagtailimages_tags %}{% image image fill-400x400 format-webp loading="lazy" alt=alt %}')


def render(template, image):
    return template.render(Context({"image": image, "alt": "Mật ong rừng"}))


def prefetched(image):
    return get_image_model().objects.prefetch_renditions("fill-400x400|format-webp").get(pk=image.pk)


def test_same_markup_as_the_image_tag(settings):
    image = wagtail_image()
    ours = render(OURS, image)  # the first view makes the rendition
    assert image.renditions.count() == 1
    assert ours == render(WAGTAIL, image)
    rendition = image.renditions.get()
    assert ours == f'<img alt="Mật ong rừng" height="48" loading="lazy" src="{rendition.url}" width="48">'



def test_a_prefetched_rendition_costs_no_query_and_no_cache_write(monkeypatch):
    image = wagtail_image()
    render(OURS, image)
    Rendition = image.get_rendition_model()
    writes = []
    monkeypatch.setattr(Rendition.cache_backend, "set", lambda *a, **k: writes.append(a[0]))
    image = prefetched(image)
    with CaptureQueriesContext(connection) as ctx:
        ours = render(OURS, image)
    assert (len(ctx), writes) == (0, [])
    assert render(WAGTAIL, image) == ours
    assert len(writes) == 1  # what {% image %} does at every render


def test_no_image_renders_nothing():
    assert render(OURS, None) == ""
