"""marketplace/forms/certificate.py: one OCOP certificate form for the seller dashboard and
the onboarding wizard (fields, labels, stars 3–5, score 0–100, no future decision date)."""

import datetime

import pytest
from django.utils import timezone, translation

from marketplace.forms.certificate import CertificateForm
from tests.factories import UserFactory
from tests.factories.marketplace import ProductFactory
from tests.factories.onboarding import ApplicationFactory

pytestmark = pytest.mark.django_db
SHARED = ["stars", "decision_number", "decision_date", "issuing_authority", "scan"]


def data(**overrides):
    return {"product_name": "Chè búp", "stars": "4", "score": "82", "decision_number": "12/QĐ-UBND",
            "decision_date": "2025-02-01", "issuing_authority": "UBND thành phố Huế", **overrides}


def test_the_seller_picks_a_product_and_gives_the_score(store):
    product = ProductFactory(store=store)
    form = CertificateForm(data(product=str(product.pk)), store=store)
    assert list(form.fields) == ["product", "stars", "score", *SHARED[1:]]
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"product": product, "stars": 4, "score": 82, "decision_number": "12/QĐ-UBND",
                                 "decision_date": datetime.date(2025, 2, 1),
                                 "issuing_authority": "UBND thành phố Huế", "scan": None}


def test_the_wizard_names_the_product_without_a_score():
    form = CertificateForm(data())
    assert list(form.fields) == ["product_name", *SHARED]
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"product_name": "Chè búp", "stars": 4, "decision_number": "12/QĐ-UBND",
                                 "decision_date": datetime.date(2025, 2, 1),
                                 "issuing_authority": "UBND thành phố Huế", "scan": None}


def test_same_labels_in_both_places(store):
    seller, wizard = CertificateForm(store=store), CertificateForm()
    with translation.override("vi"):
        assert [str(seller.fields[n].label) for n in SHARED] == [str(wizard.fields[n].label) for n in SHARED]
        assert [str(seller.fields[n].help_text) for n in SHARED] == [str(wizard.fields[n].help_text) for n in SHARED]


def test_stars_score_and_decision_date_are_checked(store):
    product = ProductFactory(store=store)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    bad = data(product=str(product.pk), stars="2", score="101", decision_date=tomorrow)
    with translation.override("vi"):
        seller, wizard = CertificateForm(bad, store=store), CertificateForm(bad)
        assert not seller.is_valid() and not wizard.is_valid()
        assert sorted(seller.errors) == ["decision_date", "score", "stars"]
        assert sorted(wizard.errors) == ["decision_date", "stars"]
        assert seller.errors["decision_date"] == wizard.errors["decision_date"] == [
            "Ngày quyết định không thể ở tương lai."]
        assert seller.errors["stars"] == wizard.errors["stars"]
        assert not CertificateForm(data(product=str(product.pk), score="-1"), store=store).is_valid()
        assert CertificateForm(data(product=str(product.pk), score="100", stars="5"), store=store).is_valid()


def test_another_stores_product_is_not_a_choice(store, other_store):
    foreign = ProductFactory(store=other_store)
    assert list(CertificateForm(data(product=str(foreign.pk)), store=store).errors) == ["product"]


def test_the_dashboard_and_the_wizard_show_this_form(seller_client, client):
    assert type(seller_client.get("/seller/certificates/").context["form"]) is CertificateForm
    applicant = UserFactory()
    ApplicationFactory(applicant=applicant)
    client.force_login(applicant)
    form = client.get("/onboarding/step/certificates/").context["form"]
    assert type(form) is CertificateForm and "product_name" in form.fields
