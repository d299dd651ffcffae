import datetime
import shutil
import subprocess

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.factories.marketplace import CertificateFactory, ProductFactory, StoreFactory

SITE = "https://choso.example.vn"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def seller(db):
    return UserFactory(email="chu-hang@example.vn")


@pytest.fixture
def store(seller):
    return StoreFactory(owner=seller, slug="htx-mat-ong-nam-dong", name="HTX Mật ong Nam Đông")


@pytest.fixture
def seller_client(client, seller, store):
    client.force_login(seller)
    return client


@pytest.fixture
def other_store(db):
    return StoreFactory(owner=UserFactory(email="nguoi-khac@example.vn"), slug="cua-hang-nguoi-khac")


@pytest.fixture
def honey(store):
    """A published product of the store with a verified 4★ certificate, valid today."""
    product = ProductFactory(store=store, name="Mật ong rừng Nam Đông", slug="mat-ong-rung-nam-dong")
    CertificateFactory(product=product, stars=4, decision_number="1234/QĐ-UBND",
                       decision_date=timezone.localdate() - datetime.timedelta(days=100),
                       issuing_authority="UBND thành phố Huế")
    return product


@pytest.fixture
def office(db):
    from wagtail.models import Site

    from cms.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.office_name = "Văn phòng Điều phối OCOP thành phố Huế"
    settings.save()
    return settings.office_name


def zbar(path) -> list[str]:
    """Every QR code zbarimg finds in the image at `path`, in its order."""
    out = subprocess.run([shutil.which("zbarimg"), "--raw", "-q", str(path)], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    return [line for line in out.splitlines() if line]
