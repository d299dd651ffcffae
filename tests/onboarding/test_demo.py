import pytest

from marketplace.models import Store
from onboarding.demo import seed_applications
from onboarding.models import ApplicationEvent, OfficerScope, SellerApplication
from onboarding.selectors import officer_province_codes

pytestmark = pytest.mark.django_db


def test_seed_applications_one_per_state_and_idempotent(mailoutbox):
    lines = []
    seed_applications(lines.append)
    assert sorted(SellerApplication.objects.values_list("status", flat=True)) == [
        "approved", "changes_requested", "draft", "rejected", "submitted"]
    approved = SellerApplication.objects.get(status="approved")
    assert approved.store.status == Store.Status.DRAFT
    assert approved.applicant.groups.filter(name="Sellers").exists()
    assert SellerApplication.objects.get(status="changes_requested").field_notes
    assert len(lines) == 1 and "5 demo applicants (5 new)" in lines[0]
    assert OfficerScope.objects.count() == 1
    limited = OfficerScope.objects.get().user
    assert officer_province_codes(limited) == {46}
    assert mailoutbox == []

    counts = (SellerApplication.objects.count(), ApplicationEvent.objects.count(), Store.objects.count())
    seed_applications(lines.append)
    assert (SellerApplication.objects.count(), ApplicationEvent.objects.count(), Store.objects.count()) == counts
    assert "(0 new)" in lines[1]
