import io

import pytest
from wagtail.models import Page, Revision

from training.demo import seed_training
from training.models import CoursePage, LessonPage, ModulePage
from training.selectors import starter_courses

pytestmark = pytest.mark.django_db


def test_seed_training_builds_the_starter_course_and_is_idempotent():
    out = io.StringIO()
    seed_training(lambda line: out.write(line + "\n"))
    assert out.getvalue().startswith("Training: 2 courses")
    counts = (Page.objects.count(), Revision.objects.count())
    seed_training(lambda line: None)
    assert (Page.objects.count(), Revision.objects.count()) == counts

    starter = CoursePage.objects.get(title="Bán hàng trực tuyến cơ bản")
    assert starter.live and starter.required_for_onboarding and starter.cover_image is not None
    assert list(starter_courses()) == [starter]
    modules = list(ModulePage.objects.child_of(starter).live().order_by("path"))
    assert [m.title for m in modules] == [
        "Chụp ảnh sản phẩm bằng điện thoại", "Viết mô tả sản phẩm", "Định giá và vận chuyển",
        "Xử lý đơn hàng và thu tiền khi nhận hàng", "An toàn trước lừa đảo",
    ]
    for module in modules:
        lessons = list(LessonPage.objects.child_of(module).live())
        quizzes = [lesson for lesson in lessons if lesson.has_quiz]
        assert len(quizzes) == 1, module.title
        assert 3 <= len(quizzes[0].quiz) <= 4
        assert all(block.value["explanation"] for block in quizzes[0].quiz)
        words = sum(len(str(block.value).split()) for lesson in lessons for block in lesson.body)
        assert words > 200, module.title
    second = CoursePage.objects.get(slug="thuong-hieu-va-bao-bi-ocop")
    assert second.live and not second.required_for_onboarding
