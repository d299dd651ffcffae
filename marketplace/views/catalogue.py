"""Public catalogue: /products/, /products/<slug>/, /stores/, /stores/<slug>/.

Only published products of active stores are public; anything else answers 404.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render

from core.cache import page_depends_on, page_tags_cover
from core.paging import CappedPaginator
from marketplace import page_cache, selectors
from marketplace.forms.catalogue import CatalogueFilterForm, StoreFilterForm
from marketplace.orders.selectors import product_reviews

PER_PAGE = 24


def _page(request, queryset, per_page=PER_PAGE):
    # Counted up to 10,000 ("more than 10,000 products"): never a COUNT(*) of the catalogue.
    return CappedPaginator(queryset, per_page).get_page(request.GET.get("page"))


def _filter_status(form) -> int:
    """Bad filters answer 400 (as /search/ does), with the page still listing what the
    valid filters select and each bad one explained beside its field."""
    return 400 if form.is_bound and not form.is_valid() else 200


def product_list(request):
    form = CatalogueFilterForm(request.GET or None)
    status = _filter_status(form)
    page_depends_on(*page_cache.catalogue_tags(form.filters()))
    page_tags_cover(*page_cache.COVERED_BY_LISTINGS)
    page = _page(request, selectors.product_list(form.filters()))
    return render(request, "marketplace/product_list.html", {"form": form, "page_obj": page}, status=status)


def product_detail(request, slug):
    product = selectors.product_detail(slug)
    if product is None:
        raise Http404
    page_depends_on(page_cache.product_tag(product.pk), page_cache.store_tag(product.store_id))
    certificate = selectors.product_certificate(product) if product.ocop_stars else None
    return render(request, "marketplace/product_detail.html", {
        "product": product, "store": product.store, "photos": list(product.photos.all()),
        "certificate": certificate, "related": selectors.related_products(product),
        "reviews_context": product_reviews(product), "sold": product.sold,
        "store_ocop": selectors.store_ocop_summary(product.store), "shipping_fee": settings.ORDERS_SHIPPING_FEE_VND,
    })


def store_list(request):
    form = StoreFilterForm(request.GET or None)
    status = _filter_status(form)
    province = form.cleaned_data.get("province") if status == 200 and form.is_bound else None
    page_depends_on(page_cache.STORES)
    page = _page(request, selectors.public_stores(province))
    return render(request, "marketplace/store_list.html", {"form": form, "page_obj": page}, status=status)


def store_detail(request, slug):
    store = selectors.store_detail(slug)
    if store is None:
        raise Http404
    page_depends_on(page_cache.store_tag(store.pk), page_cache.storefront_tag(store.pk))
    page_tags_cover(page_cache.CARD)
    form = CatalogueFilterForm(request.GET or None)
    status = _filter_status(form)
    page = _page(request, selectors.product_list(form.filters(store=store)))
    return render(request, "marketplace/store_detail.html", {"store": store, "form": form, "page_obj": page},
                  status=status)
