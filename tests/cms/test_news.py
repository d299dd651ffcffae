import io
import json
import re
from urllib.parse import quote

import pytest
from wagtail.models import Page

from cms.demo import seed_site
from cms.models import NewsPage
from tests.factories.programme import news_article, news_index

pytestmark = pytest.mark.django_db


def _titles(html: str) -> list[str]:
    return re.findall(r"<h3>([^<]+)</h3>", html)


def test_listing_is_paginated_newest_first(client):
    index = news_index()
    for days in range(12):
        news_article(index=index, days_ago=days, title=f"Tin {days:02d}")
    index.lead = "Tin hoạt động của chương trình."
    index.save_revision().publish()
    first = client.get("/tin-tuc/").content.decode()
    assert '<meta name="description" content="Tin hoạt động của chương trình.">' in first
    assert _titles(first) == [f"Tin {d:02d}" for d in range(10)]
    assert "Trang 1 / 2" in first and 'href="?page=2"' in first
    assert _titles(client.get("/tin-tuc/?page=2").content.decode()) == ["Tin 10", "Tin 11"]
    assert _titles(client.get("/tin-tuc/?page=abc").content.decode())[0] == "Tin 00"


def test_listing_filters_by_tag(client):
    index = news_index()
    news_article(index=index, title="Lớp tập huấn", tags=["Đào tạo"])
    news_article(index=index, title="Khai trương", tags=["Chương trình", "Thương mại điện tử"], days_ago=1)
    draft = news_article(index=index, title="Bản nháp", tags=["Đào tạo"], days_ago=2)
    draft.unpublish()
    # Tag slugs keep Vietnamese letters (taggit's unicode slugs); links percent-encode them.
    html = client.get("/tin-tuc/", {"tag": "đào-tạo"}).content.decode()
    assert _titles(html) == ["Lớp tập huấn"]
    assert "Tin tức về “Đào tạo”" in html
    assert _titles(client.get("/tin-tuc/", {"tag": "chương-trình"}).content.decode()) == ["Khai trương"]
    unknown = client.get("/tin-tuc/?tag=khong-co")
    assert unknown.status_code == 200 and _titles(unknown.content.decode()) == []
    # The tag list offers the tags of live articles.
    assert re.findall(r'\?tag=([^"]+)"', client.get("/tin-tuc/").content.decode()) == [
        quote(slug) for slug in ("chương-trình", "thương-mại-điện-tử", "đào-tạo")]


def test_article_page(client):
    article = news_article(title="Tập huấn kỹ năng số", author="Phòng Kinh tế", tags=["Đào tạo"])
    html = client.get(article.url).content.decode()
    assert "<h1>Tập huấn kỹ năng số</h1>" in html and "Phòng Kinh tế" in html
    assert f'<meta name="description" content="{article.lead}">' in html
    assert f'href="/tin-tuc/?tag={quote("đào-tạo")}"' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', html).group(1))
    assert data["@type"] == "NewsArticle" and data["headline"] == "Tập huấn kỹ năng số"
    assert data["author"] == {"@type": "Person", "name": "Phòng Kinh tế"}
    assert '<meta property="og:type" content="article">' in html


def test_seed_adds_news_once():
    out = io.StringIO()
    seed_site(out.write)
    assert NewsPage.objects.live().count() == 3
    assert "3 news articles" in out.getvalue()
    before = Page.objects.count()
    seed_site(out.write)
    assert Page.objects.count() == before
    assert sorted(NewsPage.objects.get(slug="thanh-toan-khong-dung-tien-mat").tags.names()) == [
        "Thanh toán", "Thương mại điện tử"]
