"""Learner views: thin wrappers that call training.services and render the page templates.

Course, module and lesson views are reached through the Wagtail page tree (the pages'
`serve`/routes call these functions); certificates have their own URLs (/certificates/).
"""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from training import selectors, services
from training.models import Certificate


def _login_needed(request, page):
    if request.user.is_authenticated:
        return None
    return redirect_to_login(page.url)


def _route_url(page, name: str) -> str:
    return page.url + page.reverse_subpage(name)


def course_view(request, course):
    outline = selectors.course_outline(course=course, user=request.user)
    return course.render(request, context_overrides={"outline": outline, "enrol_url": _route_url(course, "enrol")})


def course_enrol(request, course):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if response := _login_needed(request, course):
        return response
    services.enrolment_create(user=request.user, course=course)
    outline = selectors.course_outline(course=course, user=request.user)
    messages.success(request, _("You are enrolled. Start with the first lesson."))
    next_lesson = outline.next_lesson
    return redirect(next_lesson.url if next_lesson else course.url)


def module_view(request, module):
    course = selectors.course_for_page(module)
    outline = selectors.course_outline(course=course, user=request.user)
    context = module.get_context(request)
    context.update(course=course, outline=outline, module_row=outline.module_row(module.pk))
    return render(request, module.get_template(request), context)


def _quiz_questions(lesson, answers, *, user_id, attempt: int) -> list[dict]:
    """The quiz as a form: each question's radio options, in the order of the learner's
    `attempt`-th attempt (true/false keeps its order), keeping the learner's earlier choices."""
    answers = answers or {}
    questions = []
    for block in lesson.quiz:
        name = f"q-{block.id}"
        if block.block_type == "true_false":
            text, options = block.value["statement"], [("true", _("True")), ("false", _("False"))]
        else:
            text = block.value["question"]
            listed = list(block.value["choices"])
            order = services.quiz_option_order(user_id=user_id, lesson_id=lesson.pk, attempt=attempt,
                                               block_id=block.id, count=len(listed))
            options = [(str(i), listed[i]["text"]) for i in order]
        chosen = answers.get(name, "")
        questions.append({"name": name, "text": text, "options": [
            {"value": value, "text": label, "checked": value == chosen} for value, label in options]})
    return questions


def _lesson_context(request, lesson, course, outline, answers=None, **extra):
    module_row = outline.module_of(lesson.pk)
    lesson_row = outline.lesson_row(lesson.pk)
    can_study = bool(outline.enrolment and module_row and module_row.unlocked) or getattr(request, "is_preview", False)
    context = lesson.get_context(request)
    context.update(
        course=course, outline=outline, module_row=module_row, can_study=can_study,
        lesson_row=lesson_row, next_lesson=outline.lesson_after(lesson.pk),
        done_url=_route_url(lesson, "done"), quiz_url=_route_url(lesson, "answer_quiz"),
        enrol_url=_route_url(course, "enrol"),
        quiz_questions=_quiz_questions(lesson, answers, user_id=request.user.pk,
                                       attempt=(lesson_row.attempts if lesson_row else 0) + 1)
        if lesson.has_quiz else [],
    )
    context.update(extra)
    return context


def lesson_view(request, lesson, *, status=200, **extra):
    course = selectors.course_for_page(lesson)
    outline = selectors.course_outline(course=course, user=request.user)
    context = _lesson_context(request, lesson, course, outline, **extra)
    return render(request, lesson.get_template(request), context, status=status)


def _finished(request, course, outcome_outline):
    messages.success(request, _("Congratulations! You have completed the course and received a certificate."))
    return redirect(outcome_outline.certificate.get_absolute_url())


def lesson_done(request, lesson):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if response := _login_needed(request, lesson):
        return response
    try:
        outcome = services.lesson_mark_done(user=request.user, lesson=lesson)
    except services.TrainingError as error:
        messages.error(request, error.message)
        return lesson_view(request, lesson, status=400 if isinstance(error, services.QuizRequired) else 403)
    if outcome.course_completed:
        return _finished(request, outcome.outline.course, outcome.outline)
    next_lesson = outcome.outline.lesson_after(lesson.pk)
    if next_lesson is not None:
        return redirect(next_lesson.url)
    return redirect(outcome.outline.course.url)


def lesson_quiz(request, lesson):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if response := _login_needed(request, lesson):
        return response
    try:
        result = services.quiz_submit(user=request.user, lesson=lesson, answers=request.POST)
    except services.QuizIncomplete as error:
        messages.error(request, error.message)
        return lesson_view(request, lesson, status=400, answers=request.POST)
    except services.TrainingError as error:
        messages.error(request, error.message)
        return lesson_view(request, lesson, status=403)
    if result.course_completed:
        messages.success(request, _("Congratulations! You have completed the course and received a certificate."))
    elif result.passed:
        messages.success(request, _("You passed with %(score)s%%.") % {"score": result.score})
    else:
        messages.warning(request, _("You scored %(score)s%%; %(mark)s%% is needed to pass. Read the explanations "
                                    "and try again.") % {"score": result.score, "mark": lesson.pass_mark})
    return lesson_view(request, lesson, quiz_result=result)


def certificate_detail(request, code: str):
    """Public verification: anyone with the code (or the QR code) sees who completed what, when."""
    certificate = get_object_or_404(Certificate.objects.select_related("course"), code=code.upper())
    qr = segno.make(certificate.public_url, error="m")
    return render(request, "training/certificate.html", {
        "certificate": certificate,
        "qr_svg": qr.svg_inline(scale=4, border=2, title=certificate.public_url),
        "is_owner": request.user.is_authenticated and request.user.pk == certificate.user_id,
    })


@login_required
def my_certificates(request):
    certificates = Certificate.objects.filter(user=request.user).order_by("-issued_at")
    return render(request, "training/my_certificates.html", {"certificates": certificates})
