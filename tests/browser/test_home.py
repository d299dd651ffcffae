from django.core.management import call_command


def test_home_page_in_vietnamese_then_english(phone, artifacts_dir):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    phone.goto("/")
    assert phone.locator("html").get_attribute("lang") == "vi"
    assert phone.locator("h1").inner_text() == "Sản phẩm OCOP, mua trực tiếp từ người làm ra"
    assert phone.get_by_text("Đăng nhập").count() == 1
    # Nothing is wider than the phone's screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=artifacts_dir / "home-vi.png", full_page=True)

    # Picking a language submits the switcher (JavaScript enhancement of a plain form).
    phone.select_option("#language", "en")
    phone.wait_for_url("**/")
    phone.wait_for_selector("html[lang=en]")
    assert phone.get_by_text("Sign in").count() == 1
    phone.screenshot(path=artifacts_dir / "home-en.png", full_page=True)
    assert (artifacts_dir / "home-en.png").stat().st_size > 10_000


def test_menu_opens_without_javascript(chromium, live_server, artifacts_dir):
    context = chromium.new_context(viewport={"width": 360, "height": 780}, java_script_enabled=False,
                                   base_url=live_server.url)
    page = context.new_page()
    page.goto("/")
    page.get_by_text("Menu").click()
    page.get_by_text("Tạo tài khoản").click()
    page.wait_for_url("**/accounts/signup/")
    assert page.locator("h1").inner_text() == "Tạo tài khoản"
    context.close()
