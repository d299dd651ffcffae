import pytest

from tests.factories import UserFactory
from tests.factories.marketplace import StoreFactory


@pytest.fixture
def seller(db):
    return UserFactory(email="chu-hang@example.vn")


@pytest.fixture
def store(seller):
    return StoreFactory(owner=seller, slug="cua-hang-cua-toi", name="Cửa hàng của tôi")


@pytest.fixture
def seller_client(client, seller, store):
    client.force_login(seller)
    return client


@pytest.fixture
def other_store(db):
    """Another seller's store, with its owner."""
    return StoreFactory(owner=UserFactory(email="nguoi-khac@example.vn"), slug="cua-hang-nguoi-khac")
