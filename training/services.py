"""Writes: enrolment, lesson completion, quiz attempts and certificates.

Each service runs in one transaction and raises a `TrainingError` (with a message for the
learner) when the action is refused; a refused action writes nothing. When a course
becomes complete, the learner's stores re-check their go-live checklist after commit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
    id: str
    kind: str
    text: str
    choices: list[dict]
    chosen: str | None
    correct: bool
    explanation: str


@dataclass
class QuizResult:
    score: int
    passed: bool
    best_score: int
    questions: list[QuestionResult] = field(default_factory=list)
    course_completed: bool = False

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


def quiz_grade(*, lesson: LessonPage, answers: Mapping[str, str]) -> list[QuestionResult]:
    """Mark each question of the lesson's quiz. `answers` maps "q-<block id>" to the
    chosen choice's index (multiple choice) or "true"/"false". Raises QuizIncomplete
    when a question has no valid answer."""
    results = []
    for block in lesson.quiz:
        chosen = (answers.get(f"q-{block.id}") or "").strip()
        value = block.value
        if block.block_type == "true_false":
            if chosen not in ("true", "false"):
                raise QuizIncomplete()
            right = "true" if value["is_true"] else "false"
            choices = [{"value": "true", "text": _("True"), "correct": right == "true"},
                       {"value": "false", "text": _("False"), "correct": right == "false"}]
            text = value["statement"]
        else:
            choices = [{"value": str(i), "text": c["text"], "correct": bool(c["correct"])}
                       for i, c in enumerate(value["choices"])]
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


def _announce_completed(user, course) -> None:
    course_completed.send(sender=CoursePage, user=user, course=course)


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
            transaction.on_commit(lambda: _announce_completed(user, course))
    return LessonOutcome(progress=progress, outline=outline, course_completed=completed_now)


def quiz_submit(*, user, lesson: LessonPage, answers: Mapping[str, str]) -> QuizResult:
    """Grade an attempt (unlimited retries); keep the best score; passing completes the lesson."""
    course = selectors.course_for_page(lesson)
    if not lesson.has_quiz:
        raise TrainingError(_("This lesson has no quiz."))
    with transaction.atomic():
        _check_can_study(user=user, lesson=lesson, course=course)
        questions = quiz_grade(lesson=lesson, answers=answers)
        score = round(100 * sum(q.correct for q in questions) / len(questions))
        passed = score >= lesson.pass_mark
        now = timezone.now()
        progress = _lock_progress(user=user, lesson=lesson, course=course)
        progress.attempts += 1
        progress.best_score = max(progress.best_score or 0, score)
        if passed and progress.completed_at is None:
            progress.completed_at = now
        progress.save(update_fields=["attempts", "best_score", "completed_at", "updated_at"])
        _outline, completed_now = _after_lesson_done(user=user, course=course, now=now)
        if completed_now:
            transaction.on_commit(lambda: _announce_completed(user, course))
    return QuizResult(score=score, passed=passed, best_score=progress.best_score, questions=questions,
                      course_completed=completed_now)


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
