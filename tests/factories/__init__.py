"""factory_boy factories, one module per app. Import from the module
(`from tests.factories.marketplace import ProductFactory`); this package re-exports only
the account factories."""

from tests.factories.accounts import UserFactory

__all__ = ["UserFactory"]
