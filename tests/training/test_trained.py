"""One definition of "trained" (training.selectors.trained_users): the go-live checklist,
the programme dashboard and the home page's figures give the same answer."""

import pytest
from django.utils import timezone

from cms.home import programme_band
from cms.program.figures import Scope
from cms.program.figures.sellers import training_figures
from cms.program.periods import preset_period
from marketplace.checklist import store_checklist
from tests.factories import UserFactory
from tests.factories.marketplace import StoreFactory
from tests.factories.training import create_course
from training.models import CoursePage, Enrolment

pytestmark = pytest.mark.django_db


def answers(stores) -> tuple:
    course_step = [next(s.done for s in store_checklist(store) if s.key == "course") for store in stores]
    dashboard = training_figures(Scope(period=preset_period("year")))
    return course_step, dashboard["trained"], programme_band()["training"]["trained"]


def complete(user, course) -> None:
    Enrolment.objects.update_or_create(user=user, course=course, defaults={"completed_at": timezone.now()})


def test_checklist_dashboard_and_home_page_agree():
    CoursePage.objects.update(required_for_onboarding=False)  # only the courses made here count
    starter = create_course(required=True, title="Bán hàng trực tuyến cơ bản")
    photos = create_course(title="Chụp ảnh sản phẩm")  # not required
    lan_owner, binh_owner = UserFactory(), UserFactory()
    lan, binh = StoreFactory(owner=lan_owner), StoreFactory(owner=binh_owner)
    assert answers([lan, binh]) == ([False, False], 0, 0)

    complete(lan_owner, starter)
    complete(binh_owner, photos)  # another course does not make a seller trained
    assert answers([lan, binh]) == ([True, False], 1, 1)

    # A second required course: trained means every one of them, everywhere.
    advanced = create_course(required=True, title="Quảng bá trên mạng xã hội")
    assert answers([lan, binh]) == ([False, False], 0, 0)
    complete(lan_owner, advanced)
    assert answers([lan, binh]) == ([True, False], 1, 1)


def test_with_no_flagged_course_the_starter_is_found_by_its_title():
    CoursePage.objects.update(required_for_onboarding=False)
    CoursePage.objects.filter(title="Bán hàng trực tuyến cơ bản").update(title="Khoá cũ")
    starter = create_course(title="Bán hàng trực tuyến cơ bản")
    owner = UserFactory()
    store = StoreFactory(owner=owner)
    complete(owner, starter)
    assert answers([store]) == ([True], 1, 1)
