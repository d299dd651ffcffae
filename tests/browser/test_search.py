"""Done-when of search on a 360 px phone: typed without diacritics from the header box,
the right products come first; a facet narrows them; autocomplete offers products."""

from tests.factories.search import catalogue


def test_buyer_searches_without_diacritics_and_applies_a_facet(phone, artifacts_dir):
    catalogue(with_courses=False)

    phone.goto("/")
    phone.fill("#header-q", "mat ong")
    phone.press("#header-q", "Enter")
    phone.wait_for_url("**/search/?q=mat+ong")
    first = phone.locator(".search-main .search-hit").first
    assert first.locator("h3").inner_text() == "Mật ong rừng Na Hang"  # a product card
    assert first.locator("h3 mark").all_inner_texts() == ["Mật", "ong"]

    phone.fill("#search-q", "tra")
    phone.get_by_role("button", name="Tìm kiếm", exact=True).click()
    phone.wait_for_url("**/search/?q=tra&sort=relevance")
    assert phone.locator(".search-main [role=status]").inner_text() == "5 kết quả"
    phone.locator(".search-facets summary").click()
    phone.get_by_role("link", name="Đồ uống").click()
    phone.wait_for_url("**/search/?q=tra&sort=relevance&group=do-uong")
    assert phone.locator(".search-main [role=status]").inner_text() == "2 kết quả"
    assert sorted(phone.locator(".search-main .search-hit h3").all_inner_texts()) == [
        "Trà Shan tuyết cổ thụ", "Trà atiso Đà Lạt"]
    phone.screenshot(path=str(artifacts_dir / "search-facet.png"), full_page=True)

    phone.fill("#search-q", "")
    phone.type("#search-q", "mat o", delay=30)
    suggestion = phone.locator("#search-suggestions a").first
    suggestion.wait_for()
    assert suggestion.inner_text() == "Mật ong rừng Na Hang"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
