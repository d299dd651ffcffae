"""SEO tags: canonical URL, Open Graph, schema.org JSON-LD.

    {% load seo_tags %}
    <head> of base.html:          {% canonical_link %}{% open_graph %}
    product page (head_extra):    {% product_seo product %}   Open Graph with the photo + Product JSON-LD
    storefront (head_extra):      {% store_seo store %}       Open Graph + Organization JSON-LD
    course page (head_extra):     {% course_jsonld page %}    Course JSON-LD
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from cms import seo

register = template.Library()


def _script(data: dict, request=None):
    """A JSON-LD block. A data block is never run, but it carries the request's CSP nonce
    (when the policy is on) so that every inline <script> of the site does."""
    nonce = getattr(request, "csp_nonce", None)
    attrs = format_html(' nonce="{}"', nonce) if nonce is not None else ""
    return mark_safe(f'<script type="application/ld+json"{attrs}>{seo.to_script(data)}</script>')  # noqa: S308


def _og(pairs: list[tuple[str, str | None]]):
    return format_html_join("\n", '<meta property="{}" content="{}">', [(k, v) for k, v in pairs if v])


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page's address without tracking or filter parameters (only `page` kept)."""
    request = context.get("request")
    if request is None:
        return ""
    url = request.build_absolute_uri(request.path)
    page_number = request.GET.get("page", "")
    if page_number.isdigit() and page_number != "1":
        url += f"?page={page_number}"
    return url


@register.simple_tag(takes_context=True)
def canonical_link(context):
    url = canonical_url(context)
    return format_html('<link rel="canonical" href="{}">', url) if url else ""


@register.simple_tag(takes_context=True)
def open_graph(context):
    """Site-wide Open Graph: site name, locale, URL; title, description and picture for
    Wagtail pages. Product and store pages add theirs with product_seo / store_seo."""
    request = context.get("request")
    pairs = [("og:site_name", seo.SITE_NAME), ("og:locale", "vi_VN"), ("og:url", canonical_url(context))]
    page = context.get("page")
    if page is not None and hasattr(page, "get_full_url"):
        description = page.search_description or getattr(page, "lead", "") or getattr(page, "summary", "")
        pairs += [("og:type", "article" if page._meta.model_name == "newspage" else "website"),
                  ("og:title", page.seo_title or page.title), ("og:description", seo.plain(description, 200)),
                  ("og:image", seo.page_og_image(request, page))]
    return _og(pairs)


@register.simple_tag(takes_context=True)
def product_jsonld(context, product):
    request = context.get("request")
    return _script(seo.product_jsonld(request, product), request)


@register.simple_tag(takes_context=True)
def product_seo(context, product):
    request = context.get("request")
    photo = seo.first_photo(product)
    og = _og([("og:type", "product"), ("og:title", product.name),
              ("og:description", seo.plain(product.description, 200)),
              ("og:image", seo.image_url(request, photo.image) if photo else None),
              ("og:image:alt", photo.alt_text if photo else None),
              ("product:price:amount", str(int(product.price))), ("product:price:currency", "VND")])
    return og + mark_safe("\n") + product_jsonld(context, product)


@register.simple_tag(takes_context=True)
def store_jsonld(context, store):
    request = context.get("request")
    return _script(seo.store_jsonld(request, store), request)


@register.simple_tag(takes_context=True)
def store_seo(context, store):
    request = context.get("request")
    og = _og([("og:type", "profile"), ("og:title", store.name), ("og:description", seo.plain(store.story, 200)),
              ("og:image", seo.image_url(request, store.banner or store.logo) if (store.banner_id or store.logo_id)
               else None)])
    return og + mark_safe("\n") + store_jsonld(context, store)


@register.simple_tag(takes_context=True)
def course_jsonld(context, course):
    request = context.get("request")
    return _script(seo.course_jsonld(request, course), request)


@register.simple_tag(takes_context=True)
def article_jsonld(context, article):
    request = context.get("request")
    return _script(seo.article_jsonld(request, article), request)
