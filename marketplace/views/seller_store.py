"""Seller dashboard: home, store switcher, store profile, OCOP certificates, CSV import/export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.uploads import ImageRejected
from marketplace import selectors
from marketplace.forms.certificate import CertificateAttachForm as AttachForm
from marketplace.forms.certificate import CertificateForm
from marketplace.forms.seller import CatalogueImportForm, StoreProfileForm, html_to_plain
from marketplace.models import OcopCertificate, Store
from marketplace.services.catalogue_csv import (
    CatalogueImportError,
    catalogue_export,
    catalogue_import,
    catalogue_template,
)
from marketplace.services.stores import certificate_add, certificate_attach, store_update_profile
from marketplace.views.seller_common import SESSION_KEY, owned_certificate, seller_view


@seller_view
def home(request):
    store = request.store
    return render(request, "marketplace/seller/home.html", {
        "store": store, "counts": selectors.seller_store_counts(store),
        "stores": list(Store.objects.for_user(request.user).order_by("name", "pk")),
    })


@require_POST
@seller_view
def store_pick(request):
    store = get_object_or_404(Store.objects.for_user(request.user), pk=request.POST.get("store") or 0)
    request.session[SESSION_KEY] = store.pk
    messages.success(request, _("You are now working on %(store)s.") % {"store": store.name})
    return redirect("seller:home")


def _profile_initial(store: Store) -> dict:
    return {"name": store.name, "producer_type": store.producer_type, "story": html_to_plain(store.story),
            "phone": store.phone,
            "province_code": store.province_code, "ward_code": store.ward_code, "street": store.street}


@seller_view
def store_profile(request):
    store = request.store
    if request.method != "POST":
        form = StoreProfileForm(initial=_profile_initial(store))
        return render(request, "marketplace/seller/store_form.html", {"form": form, "store": store})
    form = StoreProfileForm(request.POST, request.FILES)
    if "pick_province" in request.POST:
        # Step one without JavaScript: the province was chosen; show its wards, save nothing.
        data = request.POST.copy()
        data["ward_code"] = ""
        form = StoreProfileForm(initial={**_profile_initial(store), **data.dict(), "ward_code": None})
        return render(request, "marketplace/seller/store_form.html", {"form": form, "store": store,
                                                                      "province_step": True})
    if form.is_valid():
        data = form.cleaned_data
        try:
            store_update_profile(store=store, user=request.user, **data)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):  # per field: a refused logo or banner, the store's own checks
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc.messages)
            store.refresh_from_db()
        else:
            messages.success(request, _("Store profile saved."))
            return redirect("seller:store_profile")
    return render(request, "marketplace/seller/store_form.html", {"form": form, "store": store}, status=400)


def _certificates_page(request, form, attach=None):
    """The store's certificates (those carried over from the application and not on a
    product yet first), each verified, unexpired one with the products it could still back,
    and the form adding a certificate. `attach`: (certificate pk, its form with errors)."""
    store = request.store
    certificates = sorted(OcopCertificate.objects.filter(store=store).select_related("product"),
                          key=lambda c: c.product_id is not None)
    products = list(AttachForm(store=store).fields["products"].queryset)
    backed: dict[str, set[int]] = {}
    for c in certificates:
        if c.product_id:
            backed.setdefault(c.decision_number, set()).add(c.product_id)
    attach_pk, attach_form = attach or (None, None)
    today = timezone.localdate()
    for c in certificates:
        c.attach_choices = ([p for p in products if p.pk not in backed.get(c.decision_number, set())]
                            if c.is_valid_on(today) else [])
        c.attach_errors = ([*attach_form.non_field_errors(), *attach_form.errors.get("products", [])]
                           if c.pk == attach_pk else [])
    failed = bool(form.errors or (attach_form is not None and attach_form.errors))
    return render(request, "marketplace/seller/certificates.html", {
        "store": store, "form": form, "certificates": certificates,
        # Verified certificates backing no product yet: the seller only has to choose products.
        "waiting_for_product": any(c.product_id is None and c.is_valid_on(today) for c in certificates),
        "has_products": bool(products),
    }, status=400 if failed else 200)


@seller_view
def certificate_list(request):
    store = request.store
    form = CertificateForm(request.POST or None, request.FILES or None, store=store,
                           initial={"product": request.GET.get("product")})
    if request.method == "POST" and form.is_valid():
        try:
            certificate_add(**form.cleaned_data)
        except ValidationError as exc:
            form.add_error("scan" if isinstance(exc, ImageRejected) else None, exc.messages)
        else:
            messages.success(request, _("Certificate sent. A programme officer will verify it; "
                                        "the stars show on the product once it is verified."))
            return redirect("seller:certificates")
    return _certificates_page(request, form)


@require_POST
@seller_view
def certificate_attach_view(request, pk):
    """Show a verified certificate of the store on one or more of its products, at once."""
    certificate = owned_certificate(request, pk)
    form = AttachForm(request.POST, store=request.store)
    if form.is_valid():
        products = list(form.cleaned_data["products"])
        try:
            made = certificate_attach(certificate=certificate, products=products)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            if made:
                messages.success(request, _("Done: %(products)s now show the certificate's stars.")
                                 % {"products": ", ".join(c.product.name for c in made)})
            else:
                messages.info(request, _("These products already show this certificate."))
            return redirect("seller:certificates")
    return _certificates_page(request, CertificateForm(store=request.store), attach=(certificate.pk, form))


@seller_view
def certificate_scan(request, pk):
    certificate = owned_certificate(request, pk)
    if not certificate.scan:
        raise Http404
    return FileResponse(certificate.scan.open("rb"), as_attachment=False,
                        filename=certificate.scan.name.rsplit("/", 1)[-1])


@seller_view
def catalogue_import_view(request):
    form = CatalogueImportForm(request.POST or None, request.FILES or None)
    errors, result = [], None
    if request.method == "POST" and form.is_valid():
        try:
            result = catalogue_import(store=request.store, data=form.cleaned_data["file"].read())
        except CatalogueImportError as exc:
            errors = [str(e) for e in exc.errors]
        else:
            messages.success(request, _("Import done: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.")
                             % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged})
            return redirect("seller:products")
    status = 400 if (errors or form.errors) else 200
    return render(request, "marketplace/seller/import.html", {
        "store": request.store, "form": form, "errors": errors, "example": catalogue_template().lstrip("\ufeff"),
    }, status=status)


@seller_view
def catalogue_template_view(request):
    response = HttpResponse(catalogue_template(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-san-pham.csv"'
    return response


@seller_view
def catalogue_export_view(request):
    response = HttpResponse(catalogue_export(store=request.store), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{request.store.slug}-san-pham.csv"'
    return response
