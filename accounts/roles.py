"""The platform's roles, as Django groups created by a data migration."""

BUYERS = "Buyers"
SELLERS = "Sellers"
TRAINERS = "Trainers"
PROGRAMME_OFFICERS = "Programme officers"

ALL_GROUPS = (BUYERS, SELLERS, TRAINERS, PROGRAMME_OFFICERS)
# Roles that work in the Wagtail admin (trainers write courses, officers review).
ADMIN_GROUPS = (TRAINERS, PROGRAMME_OFFICERS)


def user_in_group(user, name: str) -> bool:
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=name).exists())
