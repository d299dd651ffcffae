"""What learners did: enrolments, lesson progress and certificates.

`LessonProgress.course` repeats the lesson's course on purpose: per-course counts (the
course cards of /training/) are then one grouped query. A learner's outline reads progress
by lesson id (one query too), so a lesson moved to another course keeps its progress.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: codes are read aloud and typed from paper.
CERTIFICATE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CERTIFICATE_CODE_LENGTH = 8


def new_certificate_code() -> str:
    return "".join(secrets.choice(CERTIFICATE_ALPHABET) for _ in range(CERTIFICATE_CODE_LENGTH))


class Enrolment(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments",
                             verbose_name=_("learner"))
    course = models.ForeignKey("training.CoursePage", on_delete=models.CASCADE, related_name="enrolments",
                               verbose_name=_("course"))
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    last_activity_at = models.DateTimeField(_("last activity"), auto_now_add=True, db_index=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="training_enrolment_once")]

    def __str__(self):
        return f"{self.user} · {self.course_id}"


class LessonProgress(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey("training.LessonPage", on_delete=models.CASCADE, related_name="progress")
    course = models.ForeignKey("training.CoursePage", on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    best_score = models.PositiveSmallIntegerField(_("best quiz score (%)"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("quiz attempts"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="training_progress_once")]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self):
        return f"{self.user} · {self.lesson_id}"


class Certificate(models.Model):
    """Proof that a learner completed a course, verifiable by anyone at /certificates/<code>/.

    The learner's name and the course title are copied at issue time: the certificate
    states what was true that day, even if the course is renamed later.
    """

    code = models.CharField(_("code"), max_length=CERTIFICATE_CODE_LENGTH, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    course = models.ForeignKey("training.CoursePage", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="certificates")
    learner_name = models.CharField(_("learner"), max_length=150)
    course_title = models.CharField(_("course"), max_length=255)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="training_certificate_once")]

    def __str__(self):
        return self.code

    def get_absolute_url(self) -> str:
        return f"/certificates/{self.code}/"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    @property
    def public_url(self) -> str:
        return settings.SITE_URL.rstrip("/") + self.get_absolute_url()
