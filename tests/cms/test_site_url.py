"""Links point at the site: `make run` derives SITE_URL from HOST/PORT, seed_demo gives the
Wagtail Site that host and port, and e-mails, certificate QR codes and sitemap.xml all name it."""

import io
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.management import call_command
from wagtail.models import Site

from cms.demo import point_site_at
from core.models import OutgoingEmail
from core.services import email_enqueue
from marketplace.models import Product
from tests.factories import UserFactory
from tests.factories.training import create_course
from training.services import certificate_issue

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize(("args", "site_url"), [
    ([], "http://127.0.0.1:8000"),
    (["PORT=8123"], "http://127.0.0.1:8123"),
    (["HOST=0.0.0.0", "PORT=9000"], "http://127.0.0.1:9000"),
    (["PORT=8123", "SITE_URL=https://choso.example.vn"], "https://choso.example.vn"),
])
def test_make_run_passes_the_address_it_serves_as_site_url(args, site_url):
    env = {"PATH": "/usr/bin:/bin"}  # no SITE_URL inherited from the shell running the tests
    out = subprocess.run(["make", "-n", "-s", "run", *args], cwd=Path(django_settings.BASE_DIR), env=env,  # noqa: S603,S607
                         capture_output=True, text=True, check=True).stdout
    lines = [line for line in out.splitlines() if "manage.py seed_demo" in line or "manage.py runserver" in line]
    assert len(lines) == 2 and all(line.startswith(f"SITE_URL='{site_url}' ") for line in lines)


def test_seed_demo_points_the_wagtail_site_and_the_sitemap_at_site_url(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8123"
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8123, "http://127.0.0.1:8123")
    assert "at http://127.0.0.1:8123/," in out.getvalue()

    response = client.get("/sitemap.xml")
    urls = [el.text for el in ET.fromstring(response.content).findall("s:url/s:loc", NS)]  # noqa: S314
    assert "http://127.0.0.1:8123/" in urls and "http://127.0.0.1:8123/training/" in urls
    product = Product.objects.published().order_by("pk").first()
    assert f"http://127.0.0.1:8123/products/{product.slug}/" in urls
    assert all(url.startswith("http://127.0.0.1:8123/") for url in urls)

    settings.SITE_URL = "https://choso.example.vn"  # moved: the next seed follows
    call_command("seed_demo", stdout=io.StringIO())
    site.refresh_from_db()
    assert (site.hostname, site.port, site.root_url) == ("choso.example.vn", 443, "https://choso.example.vn")


def test_point_site_at_leaves_a_host_another_site_uses():
    Site.objects.create(hostname="127.0.0.1", port=8123, root_page=Site.objects.get(is_default_site=True).root_page)
    site = point_site_at("http://127.0.0.1:8123")
    assert (site.hostname, site.port) == ("localhost", 80)  # unchanged: no clash with the other site


def test_emails_and_certificate_qr_codes_use_site_url(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8123"
    email = email_enqueue(key="site-url-test", to="a@example.vn", subject="Chào", template="emails/welcome.txt",
                          context={"user": UserFactory()})
    assert "http://127.0.0.1:8123/onboarding/" in email.body
    assert "8000" not in email.body and OutgoingEmail.objects.filter(pk=email.pk).exists()
    mail.outbox.clear()

    certificate = certificate_issue(user=UserFactory(), course=create_course(modules=(1,)))
    url = f"http://127.0.0.1:8123/certificates/{certificate.code}/"
    assert certificate.public_url == url
    html = client.get(certificate.get_absolute_url()).content.decode()
    qr = html.split('<figure class="certificate-qr">', 1)[1].split("</figure>", 1)[0]
    assert f"<title>{url}</title>" in qr  # the QR code drawn from the same address
    assert f'href="{url}"' in qr and "8000" not in qr
