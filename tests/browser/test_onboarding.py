"""From "I want to sell" to "my store is live", on a phone: sign up, the wizard (a wrong
tax code first), an officer sends it back in the Wagtail admin, the applicant fixes and
resubmits, the officer approves, the checklist shows what remains, the store goes live."""

from core import divisions
from marketplace.models import Product, Store
from onboarding.models import SellerApplication
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.marketplace import ProductFactory
from tests.factories.onboarding import PDF_BYTES, png_bytes

HUE = divisions.province_code_for_name("Huế")


def save(page):
    """Each step answers with a new page (the next step, or this one with its errors):
    wait for it, so nothing reads or types into the page being left."""
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu và tiếp tục").click()


def test_applicant_goes_from_signup_to_a_live_store(phone, chromium, live_server, tmp_path, artifacts_dir,
                                                     monkeypatch):
    officer = UserFactory(email="canbo@example.vn", full_name="Phạm Minh Tuấn", groups=["Programme officers"])
    assert officer.check_password(PASSWORD)
    (tmp_path / "dang-ky.pdf").write_bytes(PDF_BYTES)
    (tmp_path / "cccd.png").write_bytes(png_bytes())

    # Sign up on the phone.
    phone.goto("/accounts/signup/")
    phone.fill("#id_full_name", "Hoàng Thị Mai")
    phone.fill("#id_email", "mai@example.vn")
    phone.fill("#id_password1", "sen-ho-tinh-tam-2026")
    phone.fill("#id_password2", "sen-ho-tinh-tam-2026")
    phone.get_by_role("button", name="Tạo tài khoản").click()
    phone.wait_for_url("**/")

    # The wizard, one step per screen.
    phone.goto("/onboarding/")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Bắt đầu đăng ký").click()
    assert "Bước 1/10" in phone.inner_text(".wizard-progress")
    phone.get_by_label("Hợp tác xã").check()
    save(phone)
    phone.fill("#id_legal_name", "Hợp tác xã Sen Hồ Tịnh Tâm")
    phone.fill("#id_trading_name", "Sen Tịnh Tâm")
    save(phone)
    phone.fill("#id_tax_code", "0100109107")  # one digit off
    phone.fill("#id_registration_number", "3301000456")
    save(phone)
    assert "Mã số thuế không hợp lệ: chữ số kiểm tra không khớp" in phone.inner_text("main")
    phone.screenshot(path=artifacts_dir / "onboarding-wrong-tax-code.png", full_page=True)
    phone.fill("#id_tax_code", "0100109106")
    save(phone)
    phone.fill("#id_representative_phone", "0912 345 678")
    save(phone)
    phone.select_option("#id_province_code", str(HUE))
    save(phone)
    phone.select_option("#id_ward_code", index=1)
    phone.fill("#id_street", "12 Đinh Tiên Hoàng")
    save(phone)
    phone.get_by_label("Thực phẩm").check()
    save(phone)
    phone.get_by_role("link", name="Tiếp tục").click()  # no OCOP certificate yet
    phone.set_input_files("#id_registration_certificate", str(tmp_path / "dang-ky.pdf"))
    phone.set_input_files("#id_representative_id", str(tmp_path / "cccd.png"))
    save(phone)
    phone.get_by_label("Tôi đồng ý với điều khoản").check()
    phone.get_by_role("button", name="Gửi hồ sơ").click()
    phone.wait_for_url("**/onboarding/status/")
    assert "Đã gửi, chờ xét duyệt" in phone.inner_text("main")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    application = SellerApplication.objects.get(applicant__email="mai@example.vn")
    assert (application.tax_code, application.status) == ("0100109106", "submitted")

    # The officer reviews in the Wagtail admin and asks for a change.
    desk = chromium.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    admin = desk.new_page()
    admin.goto("/admin/login/")
    admin.fill("#id_username", "canbo@example.vn")
    admin.fill("#id_password", PASSWORD)
    with admin.expect_navigation():
        admin.locator("form button[type=submit]").first.click()
    admin.goto("/admin/seller-applications/")
    with admin.expect_navigation():
        admin.get_by_role("link", name="Sen Tịnh Tâm").click()
    assert "Giấy chứng nhận đăng ký kinh doanh" in admin.inner_text("main")
    admin.fill("#id_field_tax_code", "Mã số thuế khác với giấy chứng nhận đăng ký.")
    with admin.expect_navigation():
        admin.get_by_role("button", name="Gửi lại để chỉnh sửa").click()
    application.refresh_from_db()
    assert application.status == "changes_requested"

    # The applicant sees the note, fixes the tax code and sends again.
    phone.goto("/onboarding/status/")
    assert "Mã số thuế khác với giấy chứng nhận đăng ký." in phone.inner_text("main")
    phone.get_by_role("link", name="Sửa và gửi lại").click()
    phone.wait_for_url("**/onboarding/step/tax/")
    phone.fill("#id_tax_code", "0300588569")
    save(phone)
    phone.goto("/onboarding/step/submit/")
    phone.get_by_label("Tôi đồng ý với điều khoản").check()
    phone.get_by_role("button", name="Gửi hồ sơ").click()
    phone.wait_for_url("**/onboarding/status/")
    application.refresh_from_db()
    assert (application.status, application.tax_code) == ("submitted", "0300588569")

    # The officer approves.
    admin.goto(f"/admin/seller-applications/{application.pk}/")
    with admin.expect_navigation():
        admin.get_by_role("button", name="Duyệt và tạo cửa hàng").click()
    application.refresh_from_db()
    assert application.status == "approved"
    store = application.store
    assert store.status == Store.Status.DRAFT
    desk.close()

    # The checklist shows what remains.
    phone.goto("/onboarding/status/")
    checklist = phone.inner_text(".go-live")
    assert "Các bước mở bán: Sen Tịnh Tâm" in checklist
    assert phone.locator(".go-live li.done").count() == 1
    assert phone.locator(".go-live li.todo").count() == 4
    phone.screenshot(path=artifacts_dir / "onboarding-checklist.png", full_page=True)

    # Other capabilities' steps, done through their data: profile, a product, the course.
    from core.demo import demo_image

    store.logo = demo_image("Logo Sen Tịnh Tâm", colour=(40, 120, 80))
    store.story = "<p>Sen trồng ở hồ Tịnh Tâm.</p>"
    store.save()
    ProductFactory(store=store, name="Trà sen", slug="tra-sen", status=Product.Status.PUBLISHED)
    from tests.factories.training import create_course
    from tests.onboarding.test_checklist import complete_starter_courses
    from training.selectors import starter_courses

    if not starter_courses().exists():
        create_course(required=True)
    complete_starter_courses(store.members.get())
    phone.reload()
    assert phone.locator(".go-live li.todo").count() == 1

    # The last step, payout details, on the phone: the store goes live by itself.
    phone.get_by_role("link", name="Khai báo tài khoản nhận tiền").click()
    phone.select_option("#id_bank_bin", "970436")
    phone.fill("#id_account_number", "0071001234567")
    phone.fill("#id_account_holder", "Hoàng Thị Mai")
    phone.get_by_role("button", name="Lưu tài khoản nhận tiền").click()
    phone.wait_for_url(f"**/onboarding/status/{store.slug}/")
    assert "Cửa hàng đã mở bán" in phone.inner_text("main")
    store.refresh_from_db()
    assert store.status == Store.Status.ACTIVE and store.went_live_at is not None
    phone.goto(store.get_absolute_url())
    assert "Sen Tịnh Tâm" in phone.inner_text("h1")
    phone.screenshot(path=artifacts_dir / "onboarding-live-store.png", full_page=True)


def test_wizard_works_without_javascript(chromium, live_server):
    """Province then ward is two plain screens; back and next are a link and a form."""
    UserFactory(email="khongjs@example.vn", full_name="Vũ Văn Nam")
    context = chromium.new_context(viewport={"width": 360, "height": 780}, java_script_enabled=False,
                                   base_url=live_server.url)
    page = context.new_page()
    page.goto("/accounts/login/?next=/onboarding/")
    page.fill("#id_username", "khongjs@example.vn")
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.get_by_role("button", name="Bắt đầu đăng ký").click()
    page.get_by_label("Hộ kinh doanh").check()
    save(page)
    assert "Bước 2/10" in page.inner_text(".wizard-progress")
    page.get_by_role("link", name="Quay lại").click()
    assert page.get_by_label("Hộ kinh doanh").is_checked()  # the draft kept it
    page.goto("/onboarding/step/province/")
    page.select_option("#id_province_code", str(HUE))
    save(page)
    assert "Thành phố Huế" in page.inner_text("main")
    wards = page.locator("#id_ward_code option").count()
    assert wards == len(divisions.ward_choices(HUE)) + 1
    context.close()
