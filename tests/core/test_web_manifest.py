"""Installable and tidy: the web app manifest a phone reads to add the market to its home
screen, and the icons every page and /favicon.ico point at (files that exist, of the size
they claim)."""

import json

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

pytestmark = pytest.mark.django_db


def static_file(url: str) -> str:
    assert url.startswith("/static/"), url
    path = finders.find(url.removeprefix("/static/"))
    assert path, f"{url} is not a static file"
    return path


def test_manifest_names_the_market_its_icons_and_colours(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert "max-age=86400" in response["Cache-Control"] and "public" in response["Cache-Control"]
    manifest = json.loads(response.content)
    assert {key: manifest[key] for key in ("name", "short_name", "lang", "start_url", "scope", "display",
                                           "theme_color", "background_color")} == {
        "name": "Chợ Số OCOP", "short_name": "Chợ Số", "lang": "vi", "start_url": "/", "scope": "/",
        "display": "standalone", "theme_color": "#1f6f43", "background_color": "#f7f8f5"}
    assert manifest["description"] == ("Sản phẩm OCOP được chứng nhận của hộ kinh doanh và hợp tác xã Việt Nam, "
                                       "bán trực tuyến.")
    assert [(icon["src"], icon["sizes"], icon["type"], icon["purpose"]) for icon in manifest["icons"]] == [
        ("/static/icons/icon-192.png", "192x192", "image/png", "any"),
        ("/static/icons/icon-512.png", "512x512", "image/png", "any"),
        ("/static/icons/icon-maskable-512.png", "512x512", "image/png", "maskable")]
    for icon in manifest["icons"]:
        with Image.open(static_file(icon["src"])) as image:
            assert (image.format, f"{image.width}x{image.height}") == ("PNG", icon["sizes"])


def test_manifest_follows_the_visitors_language(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    manifest = json.loads(client.get("/manifest.webmanifest").content)
    assert (manifest["lang"], manifest["name"]) == ("en", "Chợ Số OCOP")
    assert manifest["description"] == ("Certified OCOP products from Vietnamese household businesses and "
                                       "cooperatives, sold online.")


def test_manifest_answers_only_get(client):
    assert client.post("/manifest.webmanifest").status_code == 405


def test_every_page_links_the_manifest_icons_and_theme_colour(client):
    html = client.get("/products/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert '<meta name="theme-color" content="#1f6f43">' in html
    assert '<link rel="icon" href="/static/icons/favicon-32.png" sizes="32x32" type="image/png">' in html
    assert '<link rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="apple-touch-icon" href="/static/icons/apple-touch-icon.png">' in html
    with Image.open(static_file("/static/icons/favicon-32.png")) as image:
        assert (image.format, image.size) == ("PNG", (32, 32))
    with Image.open(static_file("/static/icons/apple-touch-icon.png")) as image:
        assert (image.format, image.size) == ("PNG", (180, 180))
    with open(static_file("/static/icons/favicon.svg"), encoding="utf-8") as svg:
        assert svg.read().startswith("<svg")


def test_favicon_ico_where_browsers_look_for_it(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/icons/favicon.ico"
    assert "max-age=86400" in response["Cache-Control"]
    with Image.open(static_file(response["Location"])) as image:
        assert image.format == "ICO"
        assert {(16, 16), (32, 32)} <= set(image.info["sizes"])
