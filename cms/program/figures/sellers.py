"""Seller applications and seller training."""

from django.db.models import Count, Q

from cms.program.figures.scope import Scope, share
from cms.program.figures.weekly import per_week
from marketplace.models import StoreMember
from onboarding.models import ApplicationStatus, SellerApplication


def training_figures(scope: Scope) -> dict:
    """Sellers (owners of a store in the provinces in view) who are trained (training's one
    definition: every required starter course completed), as a share of all sellers."""
    from training.selectors import trained_users

    owners = StoreMember.objects.filter(role=StoreMember.Role.OWNER, **scope.province_q("store__province_code"))
    result = owners.aggregate(
        sellers=Count("user", distinct=True),
        trained=Count("user", distinct=True, filter=Q(user_id__in=trained_users())),
        trained_in_period=Count("user", distinct=True, filter=Q(user_id__in=trained_users(
            completed_between=(scope.period.start_at, scope.period.end_at)))))
    result["share"] = share(result["trained"], result["sellers"])
    return result


def application_figures(scope: Scope) -> dict:
    """Seller applications submitted in the period, by their state today (drafts: started
    in the period and not submitted yet)."""
    in_period = Q(**scope.between("submitted_at")) | Q(status=ApplicationStatus.DRAFT, **scope.between("created_at"))
    rows = (SellerApplication.objects.filter(in_period, **scope.province_q()).values("status")
            .annotate(n=Count("pk")).order_by())
    counts = {row["status"]: row["n"] for row in rows}
    by_state = [{"state": state, "label": label, "count": counts.get(state, 0)}
                for state, label in ApplicationStatus.choices]
    return {"by_state": by_state, "total": sum(counts.values()),
            "submitted_in_period": sum(n for state, n in counts.items() if state != ApplicationStatus.DRAFT)}


def weekly_applications(scope: Scope) -> dict:
    """Applications submitted, per week (by the date they were last submitted)."""
    return per_week(SellerApplication.objects.filter(**scope.province_q()), "submitted_at", scope)
