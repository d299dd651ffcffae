"""Writes: enrolment, lesson completion, quiz attempts and certificates.

Each service runs in one transaction and raises a `TrainingError` (with a message for the
learner) when the action is refused; a refused action writes nothing. When a course
becomes complete, the learner's stores re-check their go-live checklist after commit.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.commit import after_commit
from training import selectors
from training.models import Certificate, CoursePage, Enrolment, LessonPage, LessonProgress
from training.models.progress import new_certificate_code
from training.signals import course_completed


class TrainingError(Exception):
    message = _("This action is not possible.")

    def __init__(self, message=None):
        super().__init__(message or self.message)
        self.message = message or self.message


class NotEnrolled(TrainingError):
    message = _("Enrol in the course first.")


class LessonLocked(TrainingError):
    message = _("This lesson opens when you have completed the previous module.")


class QuizRequired(TrainingError):
    message = _("Pass the quiz at the end of this lesson to complete it.")


class QuizIncomplete(TrainingError):
    message = _("Answer every question before checking your answers.")


@dataclass
class QuestionResult:
    """One question of an attempt. `choices` are dicts (value, text, correct, chosen,
    explanation) in the order the learner saw them; `explanation` is what to show under
    the question."""

    id: str
    kind: str
    text: str
    choices: list[dict]
    chosen: str | None
    correct: bool
    explanation: str
    answer_hidden: bool = False

    def without_the_answer(self) -> QuestionResult:
        """A missed question after a failed attempt: only the learner's own choice and its
        own explanation, nothing that says which answer is right (the next attempt must
        still test them)."""
        mine = [c for c in self.choices if c["chosen"]]
        return replace(self, choices=mine, explanation=mine[0]["explanation"] if mine else "", answer_hidden=True)


@dataclass
class QuizResult:
    score: int
    passed: bool
    best_score: int
    questions: list[QuestionResult] = field(default_factory=list)
    course_completed: bool = False
    attempt: int = 1

    @property
    def correct_count(self) -> int:
        return sum(q.correct for q in self.questions)


@dataclass
class LessonOutcome:
    progress: LessonProgress
    outline: selectors.CourseOutline
    course_completed: bool = False


def enrolment_create(*, user, course: CoursePage) -> Enrolment:
    """Enrol `user` in `course`; enrolling twice returns the existing enrolment."""
    with transaction.atomic():
        enrolment, _created = Enrolment.objects.get_or_create(user=user, course=course)
    return enrolment


def quiz_option_order(*, user_id, lesson_id: int, attempt: int, block_id: str, count: int) -> list[int]:
    """The order (indices) in which the `count` answers of a multiple-choice question are
    shown at a learner's `attempt`-th attempt: shuffled, so that an order learnt by heart
    is no use at the next attempt, and the same for as long as that attempt lasts (a form
    shown again after an error keeps its order). The answers' values stay their indices
    in the editor, so grading does not depend on the order.

    Two attempts in a row never show the same order: a shuffle's parity (its number of
    inversions, odd or even) is made that of the attempt's number, by swapping the first
    two answers when they differ."""
    order = list(range(count))
    random.Random(f"{user_id}:{lesson_id}:{attempt}:{block_id}").shuffle(order)  # noqa: S311 - an order, no secret
    inversions = sum(order[i] > order[j] for i in range(count) for j in range(i + 1, count))
    if count > 1 and inversions % 2 != attempt % 2:
        order[0], order[1] = order[1], order[0]
    return order


def quiz_grade(*, lesson: LessonPage, answers: Mapping[str, str], user_id=None, attempt: int = 1
               ) -> list[QuestionResult]:
    """Mark each question of the lesson's quiz. `answers` maps "q-<block id>" to the
    chosen choice's index (multiple choice) or "true"/"false". Raises QuizIncomplete
    when a question has no valid answer. Choices come in the order shown at `attempt`."""
    results = []
    for block in lesson.quiz:
        chosen = (answers.get(f"q-{block.id}") or "").strip()
        value = block.value
        if block.block_type == "true_false":
            if chosen not in ("true", "false"):
                raise QuizIncomplete()
            right = "true" if value["is_true"] else "false"
            choices = [{"value": "true", "text": _("True"), "correct": right == "true", "explanation": ""},
                       {"value": "false", "text": _("False"), "correct": right == "false", "explanation": ""}]
            text = value["statement"]
        else:
            listed = list(value["choices"])
            order = quiz_option_order(user_id=user_id, lesson_id=lesson.pk, attempt=attempt, block_id=block.id,
                                      count=len(listed))
            choices = [{"value": str(i), "text": listed[i]["text"], "correct": bool(listed[i]["correct"]),
                        "explanation": listed[i].get("explanation") or ""} for i in order]
            if chosen not in {c["value"] for c in choices}:
                raise QuizIncomplete()
            text = value["question"]
        for choice in choices:
            choice["chosen"] = choice["value"] == chosen
        correct = any(c["chosen"] and c["correct"] for c in choices)
        results.append(QuestionResult(id=block.id, kind=block.block_type, text=text, choices=choices,
                                      chosen=chosen, correct=correct, explanation=value["explanation"]))
    return results


def _check_can_study(*, user, lesson: LessonPage, course: CoursePage) -> selectors.CourseOutline:
    outline = selectors.course_outline(course=course, user=user)
    if outline.enrolment is None:
        raise NotEnrolled()
    module = outline.module_of(lesson.pk)
    if module is None or not module.unlocked:
        raise LessonLocked()
    return outline


def _lock_progress(*, user, lesson: LessonPage, course: CoursePage) -> LessonProgress:
    progress, _created = LessonProgress.objects.get_or_create(user=user, lesson=lesson,
                                                              defaults={"course": course})
    return LessonProgress.objects.select_for_update().get(pk=progress.pk)


def _after_lesson_done(*, user, course: CoursePage, now) -> tuple[selectors.CourseOutline, bool]:
    """Record activity; complete the course and issue its certificate once every lesson is done."""
    outline = selectors.course_outline(course=course, user=user)
    enrolment = outline.enrolment
    enrolment.last_activity_at = now
    completed_now = outline.complete and enrolment.completed_at is None
    if completed_now:
        enrolment.completed_at = now
        outline.certificate = certificate_issue(user=user, course=course)
    enrolment.save(update_fields=["last_activity_at", "completed_at"])
    return outline, completed_now


def _announce_completed_on_commit(user, course) -> None:
    """Tell the followers of `course_completed` once the completion is committed; whatever
    they fail at (a cache down) is logged and never turns the committed lesson into a 500."""
    after_commit(course_completed.send, sender=CoursePage, user=user, course=course)


def lesson_mark_done(*, user, lesson: LessonPage) -> LessonOutcome:
    """The learner read the lesson to the end. Lessons with a quiz complete by passing it."""
    course = selectors.course_for_page(lesson)
    if lesson.has_quiz:
        raise QuizRequired()
    with transaction.atomic():
        _check_can_study(user=user, lesson=lesson, course=course)
        now = timezone.now()
        progress = _lock_progress(user=user, lesson=lesson, course=course)
        if progress.completed_at is None:
            progress.completed_at = now
            progress.save(update_fields=["completed_at", "updated_at"])
        outline, completed_now = _after_lesson_done(user=user, course=course, now=now)
        if completed_now:
            _announce_completed_on_commit(user, course)
    return LessonOutcome(progress=progress, outline=outline, course_completed=completed_now)


def quiz_submit(*, user, lesson: LessonPage, answers: Mapping[str, str]) -> QuizResult:
    """Grade an attempt (unlimited retries); keep the best score; passing completes the lesson.

    A failed attempt's result does not tell the right answers of the questions missed
    (`QuestionResult.without_the_answer`): only a pass shows every answer and explanation."""
    course = selectors.course_for_page(lesson)
    if not lesson.has_quiz:
        raise TrainingError(_("This lesson has no quiz."))
    with transaction.atomic():
        _check_can_study(user=user, lesson=lesson, course=course)
        now = timezone.now()
        progress = _lock_progress(user=user, lesson=lesson, course=course)
        questions = quiz_grade(lesson=lesson, answers=answers, user_id=user.pk, attempt=progress.attempts + 1)
        score = round(100 * sum(q.correct for q in questions) / len(questions))
        passed = score >= lesson.pass_mark
        if not passed:
            questions = [q if q.correct else q.without_the_answer() for q in questions]
        progress.attempts += 1
        progress.best_score = max(progress.best_score or 0, score)
        if passed and progress.completed_at is None:
            progress.completed_at = now
        progress.save(update_fields=["attempts", "best_score", "completed_at", "updated_at"])
        _outline, completed_now = _after_lesson_done(user=user, course=course, now=now)
        if completed_now:
            _announce_completed_on_commit(user, course)
    return QuizResult(score=score, passed=passed, best_score=progress.best_score, questions=questions,
                      course_completed=completed_now, attempt=progress.attempts)


def _learner_name(user) -> str:
    # The verification page is public: never print the e-mail address, only its local part.
    return (user.full_name or "").strip() or user.email.split("@")[0]


def certificate_issue(*, user, course: CoursePage) -> Certificate:
    """The learner's certificate for `course` (issued once; a new short code on collision)."""
    existing = Certificate.objects.filter(user=user, course=course).first()
    if existing is not None:
        return existing
    for _attempt in range(5):
        certificate = Certificate(code=new_certificate_code(), user=user, course=course,
                                  learner_name=_learner_name(user), course_title=course.title)
        certificate.full_clean(validate_unique=False)
        try:
            with transaction.atomic():
                certificate.save()
            return certificate
        except IntegrityError:
            if Certificate.objects.filter(user=user, course=course).exists():
                return Certificate.objects.get(user=user, course=course)
    raise TrainingError(_("Could not issue the certificate; please try again."))


def certificate_revoke(*, certificate: Certificate) -> Certificate:
    """Issued by mistake: the public page says "revoked" from now on. Revoking twice keeps the first date."""
    if certificate.revoked_at is None:
        certificate.revoked_at = timezone.now()
        certificate.save(update_fields=["revoked_at"])
    return certificate


def certificate_reinstate(*, certificate: Certificate) -> Certificate:
    """A revocation made by mistake, undone: the certificate is valid again."""
    if certificate.revoked_at is not None:
        certificate.revoked_at = None
        certificate.save(update_fields=["revoked_at"])
    return certificate
