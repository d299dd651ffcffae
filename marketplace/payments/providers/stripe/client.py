import stripe
from django.conf import settings


def get_client() -> stripe.StripeClient:
    """The one place a Stripe client is built; tests replace this function with a stub.

    No automatic network retries: a retry is ours, with the same idempotency key.
    """
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, max_network_retries=0)
