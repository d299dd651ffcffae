"""Structured data (schema.org JSON-LD) and Open Graph for products, stores, courses and
news. Template tags in cms/templatetags/seo_tags.py render these; every function takes
what the page already has and runs at most a fixed handful of queries."""

import json

from django.db.models import Avg, Count
from django.utils.html import strip_tags
from django.utils.text import Truncator

from core import divisions
from core.images import rendition
from marketplace.selectors import OG_RENDITION

OG_IMAGE = OG_RENDITION  # prefetched with the product page's photos
SITE_NAME = "Chợ Số OCOP"
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def to_script(data: dict) -> str:
    """JSON-LD inside <script>: "<", ">" and "&" escaped so text cannot close the tag."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


def absolute(request, url: str) -> str:
    if url.startswith(("http://", "https://")) or request is None:
        return url
    return request.build_absolute_uri(url)


def plain(html: str, length: int = 300) -> str:
    return Truncator(" ".join(strip_tags(html or "").split())).chars(length)


def image_url(request, image, spec: str = OG_IMAGE) -> str | None:
    if image is None:
        return None
    return absolute(request, rendition(image, spec).url)


def first_photo(product):
    return next(iter(product.photos.all()), None)


def product_rating(product) -> tuple[float | None, int]:
    """(average, count) of the product's reviews: from the listing's annotations when
    present, else one aggregate query."""
    if hasattr(product, "rating") and hasattr(product, "review_count"):
        return product.rating, product.review_count
    result = product.reviews.aggregate(average=Avg("rating"), count=Count("pk"))
    return result["average"], result["count"]


def product_jsonld(request, product) -> dict:
    url = absolute(request, product.get_absolute_url())
    photo = first_photo(product)
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "description": plain(product.description) or product.name,
        "sku": product.sku,
        "url": url,
        "category": product.category.name,
        "brand": {"@type": "Brand", "name": product.store.name},
        "offers": {
            "@type": "Offer",
            "url": url,
            "price": str(int(product.price)),
            "priceCurrency": "VND",
            "availability": "https://schema.org/InStock" if product.stock > 0 else "https://schema.org/OutOfStock",
            "seller": {"@type": "Organization", "name": product.store.name,
                       "url": absolute(request, product.store.get_absolute_url())},
        },
    }
    if photo is not None:
        data["image"] = [image_url(request, photo.image)]
    stars = getattr(product, "ocop_stars", None)
    if stars:
        data["award"] = f"OCOP {stars}★"
    average, count = product_rating(product)
    if count:
        data["aggregateRating"] = {"@type": "AggregateRating", "ratingValue": round(float(average), 2),
                                   "reviewCount": count, "bestRating": 5, "worstRating": 1}
    return data


def store_jsonld(request, store) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": store.name,
        "url": absolute(request, store.get_absolute_url()),
        "address": {"@type": "PostalAddress", "streetAddress": store.street,
                    "addressLocality": divisions.ward_name(store.ward_code),
                    "addressRegion": divisions.province_name(store.province_code), "addressCountry": "VN"},
    }
    if store.story:
        data["description"] = plain(store.story)
    if store.phone:
        data["telephone"] = store.phone
    if store.logo_id:
        data["logo"] = image_url(request, store.logo, "fill-400x400")
    return data


def course_jsonld(request, course) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": course.title,
        "description": plain(getattr(course, "summary", "") or course.search_description) or course.title,
        "url": course.get_full_url(request),
        "inLanguage": "vi",
        "isAccessibleForFree": True,
        "provider": {"@type": "Organization", "name": SITE_NAME, "url": absolute(request, "/")},
    }
    if getattr(course, "cover_image_id", None):
        data["image"] = image_url(request, course.cover_image)
    return data


def article_jsonld(request, article) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.lead,
        "datePublished": article.date.isoformat(),
        "url": article.get_full_url(request),
        "inLanguage": "vi",
        "publisher": {"@type": "Organization", "name": SITE_NAME, "url": absolute(request, "/")},
    }
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if article.cover_image_id:
        data["image"] = [image_url(request, article.cover_image)]
    return data


def page_og_image(request, page):
    """A Wagtail page's own picture for link previews (cover or hero image), if any."""
    for field in ("cover_image", "hero_image"):
        image = getattr(page, field, None)
        if image is not None:
            return image_url(request, image)
    return None
