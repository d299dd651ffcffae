"""A stub Stripe client (never the network) and signed webhook payloads built with
Stripe's documented `t=…,v1=…` HMAC-SHA256 scheme."""

import hashlib
import hmac
import json
import time
from types import SimpleNamespace

import pytest
import stripe

WEBHOOK_SECRET = "whsec_test_secret"


class FakeSessions:
    def __init__(self):
        self.calls = []
        self.expired = []
        self.fail_next = 0

    def create(self, params=None, options=None):
        self.calls.append({"params": params, "options": options})
        if self.fail_next:
            self.fail_next -= 1
            raise stripe.APIConnectionError("Read timed out")
        key = options["idempotency_key"]
        # Stripe returns the same session for the same idempotency key.
        return {"id": f"cs_test_{key[-12:]}", "url": f"https://checkout.stripe.com/c/pay/cs_test_{key[-12:]}"}

    def expire(self, session, params=None, options=None):
        self.expired.append((session, options))
        return {"id": session, "status": "expired"}


class FakeRefunds:
    def __init__(self):
        self.calls = []
        self.fail_next = 0

    def create(self, params=None, options=None):
        self.calls.append({"params": params, "options": options})
        if self.fail_next:
            self.fail_next -= 1
            raise stripe.APIConnectionError("Read timed out")
        return {"id": f"re_test_{len(self.calls)}", "status": "succeeded"}


class FakeStripeClient:
    def __init__(self):
        self.sessions = FakeSessions()
        self.refunds = FakeRefunds()
        self.v1 = SimpleNamespace(checkout=SimpleNamespace(sessions=self.sessions), refunds=self.refunds)


@pytest.fixture
def stripe_stub(settings, monkeypatch):
    settings.STRIPE_SECRET_KEY = "sk_test_stub"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    fake = FakeStripeClient()
    monkeypatch.setattr("marketplace.payments.providers.stripe.client.get_client", lambda: fake)
    return fake


def sign(body: bytes, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    signature = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={signature}"


def event(event_id: str, event_type: str, obj: dict) -> bytes:
    return json.dumps({"id": event_id, "object": "event", "type": event_type, "api_version": "2025-01-27",
                       "data": {"object": obj}}).encode()


def session_object(payment, *, payment_status: str = "paid", intent: str = "pi_test_1") -> dict:
    return {"id": "cs_test_1", "object": "checkout.session", "client_reference_id": str(payment.reference),
            "payment_status": payment_status, "payment_intent": intent, "amount_total": payment.amount,
            "currency": "vnd", "metadata": {"payment_reference": str(payment.reference)}}


def post_event(client, body: bytes, signature: str | None = None):
    return client.post("/payments/stripe/webhook/", data=body, content_type="application/json",
                       HTTP_STRIPE_SIGNATURE=signature if signature is not None else sign(body))
