"""Done when: a new user on a phone enrols in the starter course, reads lessons, fails then
passes a quiz, finishes, receives a certificate and opens its public verification page
from the QR code's URL."""

from tests.factories import UserFactory
from tests.factories.accounts import PASSWORD
from training.demo import seed_training
from training.models import LessonPage


def _answer(phone, lesson, *, correct: bool):
    for block in lesson.quiz:
        if block.block_type == "true_false":
            right = "true" if block.value["is_true"] else "false"
            value = right if correct else ("false" if right == "true" else "true")
        else:
            value = str(next(i for i, c in enumerate(block.value["choices"]) if bool(c["correct"]) == correct))
        phone.check(f'input[name="q-{block.id}"][value="{value}"]')
    with phone.expect_navigation():  # the quiz is a plain form post: wait for its answer page
        phone.get_by_role("button", name="Kiểm tra đáp án").click()


def _fits(phone):
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_learner_completes_the_starter_course_and_verifies_the_certificate(phone, live_server, settings,
                                                                           artifacts_dir, chromium):
    settings.SITE_URL = live_server.url
    seed_training(lambda line: None)
    UserFactory(email="lan@example.vn", full_name="Nguyễn Thị Lan")

    phone.goto("/accounts/login/?next=/training/")
    phone.fill('input[name="username"]', "lan@example.vn")
    phone.fill('input[name="password"]', PASSWORD)
    phone.get_by_role("button", name="Đăng nhập").click()
    phone.wait_for_url("**/training/")
    assert "Khoá học bắt buộc cho người bán" in phone.inner_text(".continue-learning")
    phone.locator(".course-grid").get_by_role("link", name="Bán hàng trực tuyến cơ bản").click()
    phone.wait_for_url("**/training/ban-hang-truc-tuyen-co-ban/")
    _fits(phone)
    phone.get_by_role("button", name="Đăng ký học miễn phí").click()
    phone.wait_for_url("**/anh-sang-va-phong-nen/")
    assert "Bạn đã đăng ký học" in phone.inner_text(".messages")
    assert phone.locator("h1").inner_text() == "Ánh sáng và phông nền"
    _fits(phone)
    phone.screenshot(path=artifacts_dir / "training-lesson.png", full_page=True)

    # Read to the end, then "mark as done · next lesson".
    phone.get_by_role("button", name="Đã học xong · bài tiếp theo").click()
    phone.wait_for_url("**/chup-va-chinh-anh/")

    # Fail the quiz first: why the learner's own choices are wrong, not the right answers.
    lesson = LessonPage.objects.get(slug="chup-va-chinh-anh")
    _answer(phone, lesson, correct=False)
    assert "Chưa đạt" in phone.inner_text(".quiz-score")
    results = phone.inner_text(".quiz-results")
    assert "Đèn vàng làm ảnh ngả màu: sản phẩm trông khác với thật." in results
    assert "Ánh sáng gián tiếp từ cửa sổ mềm" not in results and "Cạnh cửa sổ" not in phone.content()
    phone.screenshot(path=artifacts_dir / "training-quiz-failed.png", full_page=True)
    phone.get_by_role("link", name="Làm lại").click()
    _answer(phone, lesson, correct=True)
    assert "Đạt" in phone.inner_text(".quiz-score") and "100%" in phone.inner_text(".quiz-score")

    # The remaining modules, one quiz each, unlock in turn.
    while phone.get_by_role("link", name="Bài tiếp theo").count():
        with phone.expect_navigation():
            phone.get_by_role("link", name="Bài tiếp theo").first.click()
        slug = phone.url.rstrip("/").rsplit("/", 1)[-1]
        _answer(phone, LessonPage.objects.get(slug=slug), correct=True)
        assert "Đạt" in phone.inner_text(".quiz-score")
    assert "Chúc mừng" in phone.inner_text(".messages")

    phone.get_by_role("link", name="Xem chứng nhận của bạn").click()
    phone.wait_for_url("**/certificates/*/")
    assert phone.locator(".certificate-name").inner_text() == "Nguyễn Thị Lan"
    assert phone.locator(".certificate svg").count() == 1
    _fits(phone)
    phone.screenshot(path=artifacts_dir / "training-certificate.png", full_page=True)
    qr_url = phone.locator("a.certificate-url").get_attribute("href")
    assert qr_url.startswith(f"{live_server.url}/certificates/") and qr_url == phone.url

    # Anyone who scans the QR code sees the certificate, without signing in.
    stranger = chromium.new_context(viewport={"width": 360, "height": 780})
    page = stranger.new_page()
    page.goto(qr_url)
    assert page.locator(".certificate-name").inner_text() == "Nguyễn Thị Lan"
    assert page.locator(".certificate-course").inner_text() == "Bán hàng trực tuyến cơ bản"
    assert "Còn hiệu lực" in page.inner_text(".certificate")
    assert page.get_by_text("Đăng nhập").count() >= 1  # really signed out
    stranger.close()
