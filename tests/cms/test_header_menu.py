"""The header menu is cached per host and language (cms/templatetags/navigation.py) and
forgotten when a page is published, unpublished or deleted."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from cms.models import StandardPage
from cms.templatetags.navigation import MenuItem, header_menu

pytestmark = pytest.mark.django_db


def menu():
    with translation.override("vi"), CaptureQueriesContext(connection) as ctx:
        items = header_menu({"request": RequestFactory().get("/products/")})
    return items, len(ctx)


def about_page(title="Giới thiệu", slug="gioi-thieu"):
    home = Page.objects.get(depth=2)
    page = home.add_child(instance=StandardPage(title=title, slug=slug, show_in_menus=True, body=[]))
    page.save_revision().publish()
    return page


def test_menu_is_read_once_then_from_the_cache():
    about_page()
    first, queries = menu()
    assert first == [MenuItem("Giới thiệu", "/gioi-thieu/")] and queries > 0
    assert menu() == (first, 0)


def test_publishing_unpublishing_and_deleting_refresh_it():
    page = about_page()
    menu()
    faq = about_page("Hỏi đáp", "hoi-dap")
    assert menu()[0] == [MenuItem("Giới thiệu", "/gioi-thieu/"), MenuItem("Hỏi đáp", "/hoi-dap/")]
    faq.unpublish()
    assert menu()[0] == [MenuItem("Giới thiệu", "/gioi-thieu/")]
    page.title = "Về chúng tôi"
    page.save_revision().publish()
    assert menu()[0] == [MenuItem("Về chúng tôi", "/gioi-thieu/")]
    page.delete()
    assert menu()[0] == []


def test_the_page_links_the_menu(client):
    about_page()
    client.get("/products/")
    assert '<li><a href="/gioi-thieu/">Giới thiệu</a></li>' in client.get("/products/").content.decode()
