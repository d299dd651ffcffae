"""The live-load scenario's data (bench/run.py): the pages browsed and the accounts that
write while they are browsed, made on the benchmark database inside Django.

    .venv/bin/python bench/live_fixture.py OUT.json [--learners 6]

Idempotent and repeatable: every run restocks the products orders buy, resets the
learners' progress and gives the benchmark's accounts one known password, so a second run
measures the same thing as the first. Only benchmark rows are touched (bench-live-* users,
the bench-live-course, the browsed products' stock, one bench seller's password).
"""

import json
import os
import sys
from pathlib import Path
from urllib.parse import urlencode

PASSWORD = "bench-live-password-2026"  # noqa: S105 - benchmark accounts on a benchmark database
PRODUCTS = 100
CATALOGUE_PAGES = 2
GROUPS = 6
SEARCH_QUERY = "mat ong"  # a common word: the search page's worst case on the database backend
SIGNED_IN_BUYERS = 4
LESSONS = 30
COURSE_SLUG = "bench-live-course"
SELLER_PRODUCTS = 5
# Products orders buy are restocked to this before each run, so no order sells one out.
RESTOCK_BELOW, RESTOCK_TO = 60, 100


def browse_paths(products: int = PRODUCTS) -> list[str]:
    """The browse of the live scenario: home, the catalogue's first pages, each top-level
    product group, the store directory, a search for a common word and the `products`
    newest products in stock (the ones buyers reach from the catalogue). 111 paths on the
    benchmark data (11 + 100)."""
    from marketplace.models import Category

    groups = Category.objects.filter(parent=None).values_list("slug", flat=True)[:GROUPS]
    slugs = _browsed_products(products).values_list("slug", flat=True)
    return ["/", *[f"/products/?page={n}" if n > 1 else "/products/" for n in range(1, CATALOGUE_PAGES + 1)],
            *[f"/products/?{urlencode({'group': slug})}" for slug in groups], "/stores/",
            f"/search/?{urlencode({'q': SEARCH_QUERY})}", *[f"/products/{slug}/" for slug in slugs]]


def _browsed_products(products: int = PRODUCTS):
    from marketplace.selectors import public_products

    return public_products().in_stock().order_by("-published_at", "-pk")[:products]


def _password_hash() -> str:
    from django.contrib.auth.hashers import make_password

    return make_password(PASSWORD)


def _users(prefix: str, count: int, password_hash: str) -> list:
    from accounts.models import User

    users = []
    for i in range(count):
        user, _created = User.objects.get_or_create(email=f"{prefix}-{i}@example.vn",
                                                    defaults={"full_name": f"Khách thử {i}"})
        users.append(user)
    User.objects.filter(pk__in=[u.pk for u in users]).update(password=password_hash, is_active=True)
    return users


def _course(lessons: int):
    """The benchmark course: one module of `lessons` short lessons without a quiz, made once."""
    from training.models import CoursePage, LessonPage, ModulePage, TrainingIndexPage

    index = TrainingIndexPage.objects.get()
    course = CoursePage.objects.child_of(index).filter(slug=COURSE_SLUG).first()
    if course is None:
        course = _publish(index, CoursePage(title="Khoá học thử tải", slug=COURSE_SLUG,
                                            summary="Khoá học dùng cho đo tải."))
        module = _publish(course, ModulePage(title="Học phần thử tải", slug="hoc-phan"))
        for n in range(1, lessons + 1):
            _publish(module, LessonPage(title=f"Bài {n}", slug=f"bai-{n}", body=[("text", "<p>Nội dung.</p>")],
                                        quiz=[], pass_mark=70))
    return course, list(LessonPage.objects.live().descendant_of(course).order_by("path"))


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _learners(count: int, password_hash: str, course) -> list:
    """`count` learners enrolled in `course` with no lesson done (progress of earlier runs removed)."""
    from training.models import Certificate, Enrolment, LessonProgress
    from training.services import enrolment_create

    learners = _users("bench-live-learner", count, password_hash)
    LessonProgress.objects.filter(user__in=learners).delete()
    Certificate.objects.filter(user__in=learners).delete()
    Enrolment.objects.filter(user__in=learners).delete()
    for user in learners:
        enrolment_create(user=user, course=course)
    return learners


def _seller(products: list, password_hash: str) -> dict:
    """The owner of the first browsed product's store, with its first in-stock products."""
    from accounts.models import User
    from marketplace.models import Product, StoreMember

    store_id = products[0][1]
    member = StoreMember.objects.filter(store_id=store_id).select_related("user").order_by("pk").first()
    User.objects.filter(pk=member.user_id).update(password=password_hash, is_active=True)
    own = list(Product.objects.published().in_stock().filter(store_id=store_id).order_by("pk")
               .values("pk", "price")[:SELLER_PRODUCTS])
    return {"email": member.user.email, "products": [{"id": p["pk"], "price": p["price"]} for p in own]}


def prepare(learners: int = 6, lessons: int = LESSONS) -> dict:
    """Everything bench/live.py needs to drive the scenario, as plain data."""
    from django.db import transaction

    from core import divisions
    from marketplace.models import Product
    from marketplace.payments.providers import COD

    paths = browse_paths()
    with transaction.atomic():
        products = list(_browsed_products().values_list("pk", "store_id"))
        ids = [pk for pk, _store in products]
        Product.objects.filter(pk__in=ids, stock__lt=RESTOCK_BELOW).update(stock=RESTOCK_TO)
        password_hash = _password_hash()
        buyers = _users("bench-live-buyer", SIGNED_IN_BUYERS, password_hash)
        course, lesson_pages = _course(lessons)
        learner_users = _learners(learners, password_hash, course)
        seller = _seller(products, password_hash)
    province = divisions.province_choices()[0][0]
    return {
        "paths": paths,
        "password": PASSWORD,
        "order_products": ids,
        "buyers": [u.email for u in buyers],
        "learners": [u.email for u in learner_users],
        "lessons": [lesson.url + lesson.reverse_subpage("done") for lesson in lesson_pages],
        "seller": seller,
        "delivery": {"email": "bench-live-order@example.vn", "contact_name": "Khách thử tải", "phone": "0912345678",
                     "province_code": province, "ward_code": divisions.ward_choices(province)[0][0],
                     "street": "Thôn 1", "method": COD},
    }


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--learners", type=int, default=6)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    Path(args.out).write_text(json.dumps(prepare(args.learners), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
