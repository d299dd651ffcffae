"""E-mails are written in the transaction and delivered by Celery after commit, once
(RELIABILITY 11 and 12)."""

import pytest
from django.core import mail
from django.db import transaction

from core.models import OutgoingEmail
from core.services import email_enqueue
from core.tasks import deliver_email


def _enqueue(key="order-1-shipped"):
    return email_enqueue(key=key, to="lan@example.vn", subject="Đơn hàng đã gửi", template="emails/welcome.txt",
                         context={"user": {"get_short_name": "Lan"}})


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_delivered_after_commit_not_before():
    with transaction.atomic():
        email = _enqueue()
        assert len(mail.outbox) == 0  # still inside the transaction
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lan@example.vn"]
    assert mail.outbox[0].subject == "Đơn hàng đã gửi"
    assert "Xin chào Lan" in mail.outbox[0].body
    email.refresh_from_db()
    assert email.sent_at is not None
    assert email.attempts == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rolled_back_transaction_sends_nothing_and_stores_nothing():
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            _enqueue()
            raise RuntimeError("payment failed")
    assert len(mail.outbox) == 0
    assert OutgoingEmail.objects.count() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_same_key_twice_and_task_twice_send_once():
    first = _enqueue()
    second = _enqueue()
    assert first.pk == second.pk
    assert deliver_email.apply(args=[first.pk]).get() is False  # already sent
    assert len(mail.outbox) == 1
    assert OutgoingEmail.objects.count() == 1
