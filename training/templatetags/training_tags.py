"""Template tags other pages use (the seller dashboard and /training/)."""

from django import template
from django.template.loader import render_to_string

from training.selectors import continue_learning_outline, starter_course_to_start

register = template.Library()


@register.simple_tag
def continue_learning(user):
    """"Continue where I stopped" for `user`, as HTML (seller dashboard, /training/).

    With no course in progress, it invites the user to start the required starter course
    (sellers need it to go live); empty for visitors and when there is nothing to do. The
    output is a rendered template (auto-escaped), so it is safe to insert as is.
    """
    outline = continue_learning_outline(user)
    starter = starter_course_to_start(user) if outline is None else None
    if outline is None and starter is None:
        return ""
    return render_to_string("training/includes/continue_learning.html", {"outline": outline, "starter": starter})
