"""The ownership rule of every seller view: objects are looked up through
`Store.objects.for_user(request.user)`, so another seller's product, photo, store or
certificate is simply not found (404), never "forbidden" (which would leak that it exists)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from marketplace.models import OcopCertificate, Product, ProductPhoto, Store

SESSION_KEY = "seller_store_id"


def current_store(request) -> Store | None:
    """The store the member works on: the one picked this session, else their first."""
    stores = Store.objects.for_user(request.user).order_by("name", "pk")
    picked = request.session.get(SESSION_KEY)
    store = stores.filter(pk=picked).first() if picked else None
    return store or stores.first()


def seller_view(view):
    """Login required; a user without a store gets a friendly page pointing to /onboarding/."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        store = current_store(request)
        if store is None:
            return render(request, "marketplace/seller/no_store.html", status=200)
        request.store = store
        return view(request, *args, **kwargs)

    return wrapper


def owned_product(request, pk) -> Product:
    return get_object_or_404(Product.objects.select_related("store", "category"), pk=pk, store=request.store)


def owned_photo(request, pk) -> ProductPhoto:
    return get_object_or_404(ProductPhoto.objects.select_related("product", "image"), pk=pk,
                             product__store=request.store)


def owned_certificate(request, pk) -> OcopCertificate:
    return get_object_or_404(OcopCertificate.objects.select_related("product"), pk=pk, store=request.store)
