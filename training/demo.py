"""Demo courses for seed_demo: the starter course "Bán hàng trực tuyến cơ bản" (required
for onboarding) and a course on OCOP branding and packaging, published under /training/.

Idempotent: a course whose slug already exists under /training/ is left as it is, so a
second run creates no page and no revision.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts.roles import TRAINERS
from core.demo import demo_image
from training.demo_content import COURSES
from training.models import CoursePage, LessonPage, ModulePage, TrainingIndexPage
from training.setup import ensure_training_setup

DEMO_TRAINER_EMAIL = "giangvien@choso-ocop.vn"
INDEX_INTRO = ("Khoá học miễn phí, học trên điện thoại, giúp hộ kinh doanh, hợp tác xã và doanh nghiệp nhỏ bán "
               "hàng trực tuyến. Hoàn thành khoá bắt buộc để mở gian hàng và nhận chứng nhận có mã xác minh.")


def _demo_trainer():
    User = get_user_model()
    trainer = User.objects.filter(email=DEMO_TRAINER_EMAIL).first()
    if trainer is None:
        trainer = User.objects.create_user(DEMO_TRAINER_EMAIL, settings.DEMO_ADMIN_PASSWORD,
                                           full_name="Trần Thị Hoa", is_staff=False)
        trainer.groups.add(Group.objects.get(name=TRAINERS))
    return trainer


def _publish(parent, page, owner):
    page.owner = owner
    parent.add_child(instance=page)
    page.save_revision(user=owner).publish()
    return page


def _create_course(index, spec, owner) -> int:
    course = _publish(index, CoursePage(
        title=spec["title"], slug=spec["slug"], summary=spec["summary"], audience=spec["audience"],
        duration=spec["duration"], required_for_onboarding=spec["required"],
        cover_image=demo_image(f"Ảnh bìa khoá học: {spec['title']}", colour=spec["colour"], size=(960, 540)),
    ), owner)
    lessons = 0
    for module_spec in spec["modules"]:
        module = _publish(course, ModulePage(title=module_spec["title"], slug=module_spec["slug"],
                                             summary=module_spec["summary"]), owner)
        for lesson_spec in module_spec["lessons"]:
            _publish(module, LessonPage(title=lesson_spec["title"], slug=lesson_spec["slug"],
                                        summary=lesson_spec["summary"], body=lesson_spec["body"],
                                        quiz=lesson_spec["quiz"], pass_mark=70), owner)
            lessons += 1
    return lessons


def seed_training(out) -> None:
    ensure_training_setup(apps)
    index = TrainingIndexPage.objects.get()
    if index.intro != INDEX_INTRO:
        index.intro = INDEX_INTRO
        index.save_revision().publish()
    trainer = _demo_trainer()
    created = 0
    for spec in COURSES:
        if not CoursePage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            _create_course(index, spec, trainer)
            created += 1
    out(f"Training: {CoursePage.objects.live().count()} courses ({created} new), "
        f"{LessonPage.objects.live().count()} lessons; trainer {DEMO_TRAINER_EMAIL}")


def seed_trained_sellers(out, *, owners) -> None:
    """`owners` (the owners of the live demo stores) have completed the starter course, as
    the go-live rule requires (docs/ARCHITECTURE.md): their lessons, a perfect quiz score,
    the enrolment and the certificate."""
    from django.utils import timezone

    from training.models import Enrolment, LessonProgress
    from training.selectors import starter_courses
    from training.services import certificate_issue

    now = timezone.now()
    completed = 0
    for course in starter_courses():
        lessons = list(LessonPage.objects.live().descendant_of(course))
        for user in owners:
            enrolment, _ = Enrolment.objects.get_or_create(user=user, course=course)
            if enrolment.completed_at:
                continue
            for lesson in lessons:
                LessonProgress.objects.update_or_create(
                    user=user, lesson=lesson,
                    defaults={"course": course, "completed_at": now, "best_score": 100 if lesson.has_quiz else None,
                              "attempts": 1 if lesson.has_quiz else 0})
            enrolment.completed_at = enrolment.last_activity_at = now
            enrolment.save(update_fields=["completed_at", "last_activity_at"])
            certificate_issue(user=user, course=course)
            completed += 1
    out(f"Training: starter course completed by the owners of live stores ({completed} new)")
