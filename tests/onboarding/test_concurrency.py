"""Two officers deciding the same application at once (PostgreSQL row locks): one wins,
the other gets InvalidTransition, exactly one store exists."""

import threading

import pytest
from django.db import connection

from marketplace.models import Store, StoreMember
from onboarding.exceptions import InvalidTransition
from onboarding.models import ApplicationEvent, ApplicationStatus
from onboarding.services.review import application_approve, application_reject
from tests.factories.onboarding import ApplicationFactory, OfficerFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_approve_and_reject_one_wins():
    application = ApplicationFactory(status=ApplicationStatus.SUBMITTED)
    officers = [OfficerFactory(), OfficerFactory(), OfficerFactory(), OfficerFactory()]
    barrier = threading.Barrier(len(officers))
    outcomes: list[str] = []

    def decide(i, officer):
        try:
            barrier.wait()
            if i % 2:
                application_reject(application=application, officer=officer, reason="Thiếu giấy tờ")
            else:
                application_approve(application=application, officer=officer)
            outcomes.append("ok")
        except InvalidTransition:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=(i, o)) for i, o in enumerate(officers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "refused", "refused", "refused"]
    application.refresh_from_db()
    decisions = ApplicationEvent.objects.filter(application=application).count()
    assert decisions == 1
    if application.status == ApplicationStatus.APPROVED:
        assert Store.objects.count() == 1 and StoreMember.objects.count() == 1
    else:
        assert application.status == ApplicationStatus.REJECTED
        assert Store.objects.count() == 0
