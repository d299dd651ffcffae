# The seller dashboard's fixtures (a seller, their store, a signed-in client), for the
# request-level tests here that reach the dashboard.
from tests.marketplace.conftest import seller, seller_client, store  # noqa: F401
