"""The seller's label page (/seller/tem-qr/) and the public page a sticker opens
(/xac-minh/<code>/). Thin: the form checks input, rendering.py draws, selectors read."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.text import vietnamese_slugify
from labels import codes, rendering, selectors
from labels.forms import FORMATS, LabelForm
from labels.layouts import DEFAULT_LAYOUT, LAYOUTS
from labels.services import label_for_product, scan_record
from marketplace.views.seller_common import owned_product, seller_view


def _page(request, form, status=200):
    store = request.store
    products = selectors.store_label_products(store)
    return render(request, "labels/seller.html", {
        "store": store, "form": form, "products": products, "layouts": LAYOUTS.values(),
        "formats": FORMATS, "can_print": any(p.ocop_stars for p in products),
        "summary": selectors.store_scan_summary(store),
    }, status=status)


def _check_owned(request) -> None:
    """A product id that is not one of the store's products answers 404, as everywhere in
    the seller dashboard (one of the store's own without a valid certificate is a form error)."""
    raw = request.GET.get("product", "")
    if raw.isdigit():
        owned_product(request, int(raw))


@require_safe
@seller_view
def label_page(request):
    """The form (a product may be picked in advance with ?product=<id>) and, per product,
    its scans and whether a label can be printed."""
    _check_owned(request)
    form = LabelForm(store=request.store, initial={"product": request.GET.get("product"), "size": DEFAULT_LAYOUT,
                                                   "count": LAYOUTS[DEFAULT_LAYOUT].per_sheet})
    return _page(request, form)


@require_safe
@seller_view
def label_download(request):
    """The chosen file: an A4 PDF of `count` stickers, or one sticker as PNG or SVG. Bad
    input: the page again with the reasons, 400."""
    _check_owned(request)
    form = LabelForm(request.GET, store=request.store)
    if not form.is_valid():
        return _page(request, form, status=400)
    data = form.cleaned_data
    product, layout = data["product"], LAYOUTS[data["size"]]
    label = label_for_product(product=product)
    sticker = rendering.Sticker(url=settings.SITE_URL.rstrip("/") + label.get_absolute_url(),
                                product_name=product.name, stars=product.ocop_stars)
    name = f"tem-qr-ocop-{vietnamese_slugify(product.name, 60) or product.pk}-{layout.key}"
    if data["format"] == "png":
        response = HttpResponse(rendering.sticker_png(layout, sticker), content_type="image/png")
    elif data["format"] == "svg":
        response = HttpResponse(rendering.sticker_svg(layout, sticker), content_type="image/svg+xml; charset=utf-8")
    else:
        response = HttpResponse(rendering.sheet_pdf(layout, sticker, data["count"]), content_type="application/pdf")
        name += f"-{data['count']}"
    response["Content-Disposition"] = f'attachment; filename="{name}.{data["format"]}"'
    return response


@never_cache
@require_safe
def verify(request, code: str):
    """Public, no sign-in: what the label's product is, who makes it where, and whether its
    OCOP certificate is verified and valid today, read from the database on every request
    (never cached, so a revoked or expired certificate shows at once). Each GET counts one
    scan for the product, nothing about the visitor."""
    code = codes.normalise(code)
    found = selectors.verification(code) if code else None
    if found is None:
        return render(request, "labels/not_found.html", status=404)
    if request.method == "GET":
        scan_record(product_id=found.product.pk)
    return render(request, "labels/verify.html", {"v": found, "today": timezone.localdate(),
                                                  "State": selectors.State})
