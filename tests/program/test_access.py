"""Who may open /program/ (others: login or 404) and which provinces they see."""

import pytest
from django.contrib.auth.models import Group

from accounts.roles import SELLERS
from tests.factories import UserFactory
from tests.program.conftest import HANOI, HUE

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/program/?preset=year")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/program/%3Fpreset%3Dyear"


@pytest.mark.parametrize("staff", [False, True])
def test_signed_in_non_officers_get_404(client, staff):
    user = UserFactory(is_staff=staff)
    user.groups.add(Group.objects.get(name=SELLERS))
    client.force_login(user)
    assert client.get("/program/").status_code == 404
    assert client.get("/program/?format=csv&table=summary").status_code == 404


def test_officers_and_superusers_see_the_dashboard(client, officer):
    client.force_login(officer)
    response = client.get("/program/")
    assert response.status_code == 200
    assert "Bảng số liệu chương trình" in response.content.decode()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/program/").status_code == 200


def test_admin_menu_links_to_the_dashboard_for_officers_only(client, officer):
    client.force_login(officer)
    assert '"/program/"' in client.get("/admin/").content.decode()  # the sidebar menu's JSON
    trainer = UserFactory(is_staff=True)
    trainer.groups.add(Group.objects.get(name="Trainers"))
    client.force_login(trainer)
    html = client.get("/admin/").content.decode()
    assert '"/program/"' not in html


def test_an_officer_limited_to_a_province_sees_only_that_province(client, officer, programme):
    from onboarding.models import OfficerScope

    OfficerScope.objects.create(user=officer, province_codes=[HUE])
    client.force_login(officer)
    response = client.get("/program/?preset=last30")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert figures.scope.provinces == frozenset({HUE})
    assert figures.stores["live"] == 3 and list(figures.provinces) == [HUE]
    # Only their province is offered, and asking for another one is refused.
    assert [code for code, _name in response.context["form"].fields["province"].choices] == ["", HUE]
    refused = client.get(f"/program/?preset=last30&province={HANOI}")
    assert refused.status_code == 400
    assert "figures" not in refused.context
    csv = client.get(f"/program/?province={HANOI}&format=csv&table=provinces")
    assert csv.status_code == 400 and "Hà Nội" not in csv.content.decode()


def test_an_officer_without_a_limit_can_pick_any_province(client, officer, programme):
    client.force_login(officer)
    response = client.get(f"/program/?preset=last30&province={HANOI}")
    assert response.status_code == 200
    assert response.context["figures"].scope.provinces == frozenset({HANOI})
    assert response.context["figures"].stores["live"] == 2


def test_an_officer_assigned_no_province_sees_no_figures(client, officer, programme):
    from onboarding.models import OfficerScope

    OfficerScope.objects.create(user=officer, province_codes=[])
    client.force_login(officer)
    figures = client.get("/program/?preset=last30").context["figures"]
    assert figures.scope.provinces == frozenset()
    assert (figures.stores["live"], figures.payments["orders"], figures.provinces) == (0, 0, {})


def test_admin_home_shows_the_programme_panel_to_officers(client, officer, programme):
    client.force_login(officer)
    html = client.get("/admin/").content.decode()
    assert "Chương trình trong quý này" in html and "Mở bảng số liệu chương trình" in html
    assert '<strong>5</strong> gian hàng đang hoạt động' in html
