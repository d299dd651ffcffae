"""manage.py outbox_relay: send now the outbox messages the broker did not take."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from core import outbox
from core.models import OutboxMessage


class Command(BaseCommand):
    help = "Re-send the outbox messages that are due (what the every-minute beat job does)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Also those still waiting out their back-off.")

    def handle(self, *args, all=False, **options):
        if all:
            OutboxMessage.objects.filter(sent_at=None).update(next_attempt_at=timezone.now())
        sent = outbox.relay()
        left = OutboxMessage.objects.filter(sent_at=None).count()
        self.stdout.write(f"outbox: {sent} sent, {left} waiting")
