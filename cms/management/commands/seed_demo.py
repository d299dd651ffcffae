"""Build demo content so a fresh `make run` looks like a real programme site.

Idempotent: every step looks up what it would create first, so a second run changes
nothing. Each capability adds its own seeding function below, in dependency order.
Never run this on a production database: it creates a known admin password.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import translation

from cms.demo import seed_site
from marketplace.demo import live_store_owners, seed_marketplace
from marketplace.orders.demo import seed_orders
from onboarding.demo import seed_accounts, seed_applications, seed_store_applications
from training.demo import seed_trained_sellers, seed_training


class Command(BaseCommand):
    help = "Create idempotent demo content (site tree, admin account, programme pages)."

    def handle(self, *args, **options):
        out = self.stdout.write
        # Demo data is Vietnamese, and the notifications demo orders trigger are kept in
        # memory instead of flooding the console of `make run`.
        # (The atomic block is innermost: its on-commit deliveries run while both hold.)
        with (override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"),
              translation.override("vi"), transaction.atomic()):
            seed_accounts(out)
            seed_site(out)
            seed_training(out)  # before stores: going live needs the starter course
            seed_marketplace(out)
            seed_trained_sellers(out, owners=live_store_owners())  # they took the starter course
            seed_applications(out)
            seed_store_applications(out)  # the live demo stores' approved applications
            seed_orders(out)
        out(self.style.SUCCESS("Demo data ready."))
