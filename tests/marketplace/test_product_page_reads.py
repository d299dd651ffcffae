"""The product page reads each thing once (issue 18): its review figures and sold count come
with the product's own query, and the og:image rendition with the gallery's prefetch."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.marketplace import ProductFactory, ProductPhotoFactory
from tests.factories.programme import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_rendition_cache(settings):
    # Only prefetched renditions cost no query (as in tests/test_query_counts.py).
    settings.CACHES = {**settings.CACHES, "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def test_reviews_sold_and_og_image_cost_no_query_of_their_own(client):
    product = ProductFactory(slug="mat-ong-rung")
    ProductPhotoFactory(product=product)
    ReviewFactory(product=product, rating=5)
    ReviewFactory(product=product, rating=4)
    client.get("/products/mat-ong-rung/")  # the first view makes the renditions
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/products/mat-ong-rung/")
    body = response.content.decode()
    sql = [q["sql"] for q in ctx.captured_queries]
    review_reads = [s for s in sql if s.startswith('SELECT') and 'FROM "orders_review"' in s.split(" WHERE ")[0]]
    assert len(review_reads) == 1 and "AVG(" not in review_reads[0]  # the reviews listed, not their average
    assert not [s for s in sql if s.startswith('SELECT SUM(')]  # no sold count of its own
    renditions = [s for s in sql if 'FROM "wagtailimages_rendition"' in s]
    assert len(renditions) == 1  # the gallery's prefetch, og:image included (no related products here)
    assert '"ratingValue":4.5,"reviewCount":2' in body
    assert 'property="og:image" content="http://testserver/media/images/' in body
