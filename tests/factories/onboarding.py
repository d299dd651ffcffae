"""Seller applications, their documents and programme officers."""

import datetime
import io

import factory
from django.core.files.base import ContentFile
from PIL import Image

from accounts.roles import PROGRAMME_OFFICERS
from marketplace.models import Category
from onboarding.models import ApplicationCertificate, ApplicationDocument, SellerApplication
from tests.factories.accounts import UserFactory
from tests.factories.marketplace import HUE, first_ward

VALID_TAX_CODE = "0100109106"  # Viettel: passes the MST check digit
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png_bytes(size=(40, 30), colour=(200, 120, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_upload(name="giay-phep.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def png_upload(name="cccd.png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def OfficerFactory(**kwargs):  # noqa: N802 - reads like a factory
    return UserFactory(groups=[PROGRAMME_OFFICERS], **kwargs)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A complete draft (every step filled, both documents): ready to submit.
    `status=` and `submitted=True` shortcut the state for review tests."""

    class Meta:
        model = SellerApplication
        skip_postgeneration_save = True

    applicant = factory.SubFactory(UserFactory)
    producer_type = "cooperative"
    legal_name = factory.Sequence(lambda n: f"Hợp tác xã Nông sản Hương Trà {n}")
    trading_name = factory.Sequence(lambda n: f"Mật ong Hương Trà {n}")
    tax_code = VALID_TAX_CODE
    registration_number = factory.Sequence(lambda n: f"3301{n:06d}")
    representative_name = "Nguyễn Thị Lan"
    representative_phone = "0912345678"
    province_code = HUE
    ward_code = factory.LazyAttribute(lambda o: first_ward(o.province_code))
    street = "Thôn 3"

    @factory.post_generation
    def complete(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        self.categories.add(Category.objects.get(slug="thuc-pham"))
        for kind in ApplicationDocument.Kind.values:
            document = ApplicationDocument(application=self, kind=kind, content_type="application/pdf",
                                           size=len(PDF_BYTES), original_name=f"{kind}.pdf")
            document.file.save(f"{kind}.pdf", ContentFile(PDF_BYTES), save=False)
            document.save()


class DeclaredCertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationCertificate

    application = factory.SubFactory(ApplicationFactory)
    product_name = "Mật ong rừng"
    stars = 4
    decision_number = factory.Sequence(lambda n: f"{n}/QĐ-UBND")
    decision_date = datetime.date(2025, 3, 1)
    issuing_authority = "UBND thành phố Huế"
