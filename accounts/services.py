from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import roles
from accounts.models import User
from core.services import email_enqueue


@transaction.atomic
def user_sign_up(*, email: str, password: str, full_name: str, phone: str = "") -> User:
    """Create a buyer account and queue the welcome e-mail (sent after commit)."""
    user = User(email=email.lower(), full_name=full_name.strip(), phone=phone)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    user.groups.add(Group.objects.get(name=roles.BUYERS))
    email_enqueue(
        key=f"welcome-{user.pk}",
        to=user.email,
        subject=_("Welcome to Chợ Số OCOP"),
        template="emails/welcome.txt",
        context={"user": user},
    )
    return user
