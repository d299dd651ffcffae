"""Seller dashboard: products, quick price/stock edits, status changes and photos."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace import selectors
from marketplace.forms.seller import PhotoUploadForm, ProductForm, QuickEditForm
from marketplace.models import Product
from marketplace.services import products as services
from marketplace.views.seller_common import owned_photo, owned_product, seller_view


def _apply_errors(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _product_list_page(request, status_code=200, quick_form=None, quick_pk=None):
    status = request.GET.get("status", "")
    if status not in Product.Status.values:
        status = ""
    page = Paginator(selectors.seller_products(request.store, status), 30).get_page(request.GET.get("page"))
    return render(request, "marketplace/seller/product_list.html", {
        "store": request.store, "page_obj": page, "status": status, "statuses": Product.Status.choices,
        "counts": selectors.seller_store_counts(request.store), "quick_form": quick_form, "quick_pk": quick_pk,
    }, status=status_code)


@seller_view
def product_list(request):
    return _product_list_page(request)


@seller_view
def product_create(request):
    form = ProductForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            product = services.product_create(store=request.store, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Product saved as a draft. Add photos, then publish it."))
            return redirect("seller:product_edit", pk=product.pk)
    return render(request, "marketplace/seller/product_form.html", {"form": form, "store": request.store},
                  status=400 if form.errors else 200)


@seller_view
def product_edit(request, pk):
    product = owned_product(request, pk)
    form = ProductForm(request.POST or None, instance=product)
    if request.method == "POST" and form.is_valid():
        try:
            services.product_update(product=product, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
            product.refresh_from_db()
        else:
            messages.success(request, _("Changes saved."))
            return redirect("seller:product_edit", pk=product.pk)
    return _edit_page(request, product, form=form, status_code=400 if form.errors else 200)


@require_POST
@seller_view
def product_quick_edit(request, pk):
    product = owned_product(request, pk)
    form = QuickEditForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("%(name)s was not changed: check the price and stock.") % {"name": product.name})
        return _product_list_page(request, 400, quick_form=form, quick_pk=product.pk)
    services.product_quick_update(product=product, **form.cleaned_data)
    messages.success(request, _("%(name)s: price and stock saved.") % {"name": product.name})
    return redirect_back(request)


def redirect_back(request):
    target = request.POST.get("next", "")
    if not target.startswith("/seller/") or "//" in target:
        target = "/seller/products/"
    return redirect(target)


STATUS_ACTIONS = {"publish": Product.Status.PUBLISHED, "unpublish": Product.Status.DRAFT,
                  "archive": Product.Status.ARCHIVED}


@require_POST
@seller_view
def product_status(request, pk):
    product = owned_product(request, pk)
    status = STATUS_ACTIONS.get(request.POST.get("action", ""))
    if status is None:
        messages.error(request, _("Unknown action."))
        return redirect_back(request)
    try:
        services.product_set_status(product=product, status=status)
    except services.ProductActionError as exc:
        messages.error(request, exc.message)
    else:
        done = {Product.Status.PUBLISHED: _("%(name)s is published: buyers can see it now."),
                Product.Status.DRAFT: _("%(name)s is hidden from buyers (draft)."),
                Product.Status.ARCHIVED: _("%(name)s is archived.")}[status]
        messages.success(request, done % {"name": product.name})
    return redirect_back(request)


def _edit_page(request, product, form=None, photo_form=None, status_code=200):
    return render(request, "marketplace/seller/product_form.html", {
        "form": form or ProductForm(instance=product), "product": product, "store": request.store,
        "photos": list(product.photos.select_related("image")), "photo_form": photo_form or PhotoUploadForm(),
        "certificates": list(product.certificates.all()),
    }, status=status_code)


@require_POST
@seller_view
def photo_upload(request, pk):
    product = owned_product(request, pk)
    form = PhotoUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            photos = services.product_photos_add(product=product, files=form.cleaned_data["photos"], user=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error("photos", message)
        else:
            messages.success(request, _("%(count)s photo(s) added.") % {"count": len(photos)})
            return redirect("seller:product_edit", pk=product.pk)
    return _edit_page(request, product, photo_form=form, status_code=400)


@require_POST
@seller_view
def photo_delete(request, pk):
    photo = owned_photo(request, pk)
    product_pk = photo.product_id
    services.product_photo_delete(photo=photo)
    messages.success(request, _("Photo deleted."))
    return redirect("seller:product_edit", pk=product_pk)


@require_POST
@seller_view
def photo_move(request, pk):
    photo = owned_photo(request, pk)
    direction = request.POST.get("direction")
    if direction in ("up", "down"):
        services.product_photo_move(photo=photo, direction=direction)
    return redirect("seller:product_edit", pk=photo.product_id)


@require_POST
@seller_view
def photo_alt(request, pk):
    photo = owned_photo(request, pk)
    services.product_photo_set_alt(photo=photo, alt_text=request.POST.get("alt_text", ""))
    messages.success(request, _("Photo description saved."))
    return redirect("seller:product_edit", pk=photo.product_id)
