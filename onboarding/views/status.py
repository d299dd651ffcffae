"""The applicant's status page, go-live checklists, payout details and private files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from marketplace.checklist import store_checklist, store_checklists
from marketplace.forms.payout import PayoutForm
from marketplace.models import Store, StoreMember
from marketplace.services.lifecycle import store_update_payout
from onboarding import selectors
from onboarding.steps import REVIEW_FIELDS, STEP_BY_SLUG


def _notes(application):
    """[(label, note, step url)] of the officer's last request for changes."""
    from django.urls import reverse

    rows = []
    for key, note in (application.field_notes or {}).items():
        if key in REVIEW_FIELDS and note:
            label, slug = REVIEW_FIELDS[key]
            rows.append((label, note, reverse("onboarding:step", args=[slug]), STEP_BY_SLUG[slug].title))
    return rows


@login_required
@require_GET
def status(request):
    application = selectors.latest_application(request.user)
    stores = list(Store.objects.for_user(request.user).order_by("pk"))
    if application is None and not stores:
        return redirect("onboarding:start")
    checklists = store_checklists(stores)
    context = {"stores": [(store, checklists[store.pk]) for store in stores]}
    if application is not None:
        application = selectors.application_detail(application)
        context.update(application=application, field_notes=_notes(application))
    return render(request, "onboarding/status.html", context)


@login_required
@require_GET
def application_view(request, pk: int):
    application = selectors.application_detail(selectors.application_for_applicant(request.user, pk))
    return render(request, "onboarding/application_detail.html",
                  {"application": application, "field_notes": _notes(application)})


def _member_store(user, slug: str) -> Store:
    store = Store.objects.for_user(user).filter(slug=slug).first()
    if store is None:
        raise Http404
    return store


@login_required
@require_GET
def store_checklist_view(request, slug: str):
    store = _member_store(request.user, slug)
    return render(request, "onboarding/store_checklist.html", {"store": store, "checklist": store_checklist(store)})


@login_required
@require_http_methods(["GET", "POST"])
def payout(request, slug: str | None = None):
    owned = Store.objects.filter(memberships__user=request.user, memberships__role=StoreMember.Role.OWNER)
    store = owned.filter(slug=slug).first() if slug else owned.order_by("pk").first()
    if store is None:
        raise Http404
    initial = {"bank_bin": store.payout_bank_bin, "account_number": store.payout_account_number,
               "account_holder": store.payout_account_holder}
    form = PayoutForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            store = store_update_payout(store=store, user=request.user, bank_bin=data["bank_bin"],
                                        account_number=data["account_number"], account_holder=data["account_holder"])
        except PermissionDenied as exc:
            raise Http404 from exc
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Payout details saved."))
            if store.is_active:
                messages.success(request, _("Every step is done: your store is now live!"))
            return redirect("onboarding:store_checklist", slug=store.slug)
    return render(request, "onboarding/payout.html", {"store": store, "form": form},
                  status=400 if form.errors else 200)


def _private_file(field, content_type: str, download_name: str):
    try:
        handle = field.storage.open(field.name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=content_type or "application/octet-stream",
                            as_attachment=False, filename=download_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def document_file(request, pk: int):
    """An application document: its applicant, or an officer of its province; others 404."""
    document = selectors.document_for_user(request.user, pk)
    return _private_file(document.file, document.content_type, document.original_name or "document")


@login_required
@require_GET
def certificate_scan(request, pk: int):
    certificate = selectors.declared_certificate_for_user(request.user, pk)
    return _private_file(certificate.scan, certificate.scan_content_type, f"ocop-{certificate.pk}")


@login_required
@require_GET
def ocop_scan(request, pk: int):
    """The scan behind a product's OCOP certificate (store members and officers)."""
    import mimetypes

    certificate = selectors.ocop_scan_for_user(request.user, pk)
    content_type = mimetypes.guess_type(certificate.scan.name)[0] or "application/octet-stream"
    return _private_file(certificate.scan, content_type, f"ocop-{certificate.pk}")
