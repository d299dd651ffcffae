"""Reads: a learner's outline of a course (modules, lessons, progress, what is unlocked),
the course cards of /training/, and what other capabilities ask of training.

Every function here runs a fixed number of queries whatever the number of modules and
lessons: pages come from two path-prefix queries, progress from one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Max, Q

from training.models import Certificate, CoursePage, Enrolment, LessonPage, LessonProgress, ModulePage

STARTER_COURSE_TITLE = "Bán hàng trực tuyến cơ bản"


@dataclass
class LessonRow:
    lesson: LessonPage
    done: bool = False
    best_score: int | None = None
    attempts: int = 0  # quiz attempts made: the form shows the order of attempt `attempts + 1`


class LessonCounts:
    """Progress figures over `self.lessons` (a list of LessonRow)."""

    lessons: list[LessonRow]
    percent_when_empty = 0

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def done_count(self) -> int:
        return sum(row.done for row in self.lessons)

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.total) if self.total else self.percent_when_empty


@dataclass
class ModuleRow(LessonCounts):
    module: ModulePage
    lessons: list[LessonRow] = field(default_factory=list)
    unlocked: bool = False
    percent_when_empty = 100  # an empty module does not hold the learner back

    @property
    def complete(self) -> bool:
        return self.done_count == self.total


@dataclass
class CourseOutline(LessonCounts):
    """One learner's view of one course, built once and passed to templates and services."""

    course: CoursePage
    modules: list[ModuleRow]
    enrolment: Enrolment | None = None
    certificate: Certificate | None = None

    @property
    def lessons(self) -> list[LessonRow]:
        return [row for module in self.modules for row in module.lessons]

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done_count == self.total

    @property
    def next_lesson(self) -> LessonPage | None:
        """The first lesson not done in an unlocked module: where the learner stopped."""
        for module in self.modules:
            if not module.unlocked:
                return None
            for row in module.lessons:
                if not row.done:
                    return row.lesson
        return None

    def module_row(self, module_id: int) -> ModuleRow | None:
        return next((m for m in self.modules if m.module.pk == module_id), None)

    def module_of(self, lesson_id: int) -> ModuleRow | None:
        return next((m for m in self.modules if any(r.lesson.pk == lesson_id for r in m.lessons)), None)

    def lesson_row(self, lesson_id: int) -> LessonRow | None:
        return next((r for r in self.lessons if r.lesson.pk == lesson_id), None)

    def lesson_after(self, lesson_id: int) -> LessonPage | None:
        rows = self.lessons
        for i, row in enumerate(rows):
            if row.lesson.pk == lesson_id:
                return rows[i + 1].lesson if i + 1 < len(rows) else None
        return None


def course_for_page(page) -> CoursePage | None:
    """The live course a module or lesson belongs to (one query, by tree path)."""
    prefixes = [page.path[:page.steplen * depth] for depth in range(1, page.depth)]
    return CoursePage.objects.filter(path__in=prefixes).first()


def course_outline(*, course: CoursePage, user) -> CourseOutline:
    modules = [ModuleRow(module=m) for m in
               ModulePage.objects.live().public().child_of(course).order_by("path")]
    by_path = {row.module.path: row for row in modules}
    lessons = LessonPage.objects.live().public().descendant_of(course).defer("body").order_by("path")
    for lesson in lessons:
        row = by_path.get(lesson.path[:-lesson.steplen])
        if row is not None:
            row.lessons.append(LessonRow(lesson=lesson))
    outline = CourseOutline(course=course, modules=modules)
    if user.is_authenticated:
        outline.enrolment = Enrolment.objects.filter(user=user, course=course).first()
        # By lesson id, not by the stored course: a lesson moved to another course keeps its progress.
        lesson_ids = [row.lesson.pk for row in outline.lessons]
        progress = {p.lesson_id: p for p in LessonProgress.objects.filter(user=user, lesson_id__in=lesson_ids)}
        for row in outline.lessons:
            found = progress.get(row.lesson.pk)
            if found is not None:
                row.done = found.completed_at is not None
                row.best_score = found.best_score
                row.attempts = found.attempts
        if outline.enrolment:  # asked even before completion: the query count stays fixed
            outline.certificate = Certificate.objects.filter(user=user, course=course).first()
    # A module opens when the learner is enrolled and every module before it is complete.
    previous_complete = outline.enrolment is not None
    for row in modules:
        row.unlocked = previous_complete
        previous_complete = previous_complete and row.complete
    return outline


@dataclass
class CourseCard:
    course: CoursePage
    lesson_count: int = 0
    done_count: int = 0
    enrolled: bool = False
    completed: bool = False

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.lesson_count) if self.lesson_count else 0


def course_cards(*, index_page, user) -> list[CourseCard]:
    """The courses under `index_page` with lesson counts and the user's progress."""
    courses = (CoursePage.objects.live().public().child_of(index_page).select_related("cover_image")
               .prefetch_related("cover_image__renditions").order_by("-required_for_onboarding", "path"))
    cards = {course.path: CourseCard(course=course) for course in courses}
    if not cards:
        return []
    steplen = index_page.steplen
    course_path_len = len(index_page.path) + steplen
    for path in LessonPage.objects.live().public().descendant_of(index_page).values_list("path", flat=True):
        card = cards.get(path[:course_path_len])
        if card is not None:
            card.lesson_count += 1
    if user.is_authenticated:
        by_id = {card.course.pk: card for card in cards.values()}
        for enrolment in Enrolment.objects.filter(user=user, course_id__in=by_id):
            by_id[enrolment.course_id].enrolled = True
            by_id[enrolment.course_id].completed = enrolment.completed_at is not None
        done = (LessonProgress.objects.filter(user=user, course_id__in=by_id, completed_at__isnull=False,
                                              lesson__live=True)
                .values("course_id").annotate(n=Count("id")))
        for row in done:
            by_id[row["course_id"]].done_count = row["n"]
    return list(cards.values())


def continue_learning_outline(user) -> CourseOutline | None:
    """The course the user worked on last and has not completed, with its next lesson."""
    if not user.is_authenticated:
        return None
    enrolment = (Enrolment.objects.filter(user=user, completed_at__isnull=True, course__live=True)
                 .select_related("course").order_by("-last_activity_at", "-pk").first())
    if enrolment is None:
        return None
    return course_outline(course=enrolment.course, user=user)


def starter_course_to_start(user) -> CoursePage | None:
    """A required starter course the user has not enrolled in yet (the first, if several)."""
    if not user.is_authenticated:
        return None
    return starter_courses().exclude(enrolments__user=user).order_by("path").first()


def starter_courses():
    """The courses a seller must complete before going live: those flagged as required,
    or, when none is flagged, the one titled "Bán hàng trực tuyến cơ bản"."""
    flagged = CoursePage.objects.live().filter(required_for_onboarding=True)
    if flagged.exists():
        return flagged
    return CoursePage.objects.live().filter(title=STARTER_COURSE_TITLE)


def trained_users(*, completed_between: tuple | None = None):
    """The one definition of "trained": users who completed every required starter course.

    A values queryset of `user_id`, for `__in` filters and subqueries: the go-live
    checklist, the programme dashboard and the home page's figures all read it. With
    `completed_between=(start, end)`, only users who became trained in that period (their
    last required course completed then). With no starter course at all, nobody is trained.
    """
    required = list(starter_courses().values_list("pk", flat=True))
    completions = Enrolment.objects.filter(course_id__in=required, completed_at__isnull=False)
    trained = (completions.values("user_id").annotate(courses=Count("course_id", distinct=True),
                                                       trained_at=Max("completed_at"))
               .filter(courses=len(required)).order_by())
    if not required:
        return trained.none().values("user_id")
    if completed_between is not None:
        start, end = completed_between
        trained = trained.filter(trained_at__gte=start, trained_at__lt=end)
    return trained.values("user_id")


def user_completed_starter_course(user) -> bool:
    """Has `user` completed the required starter course ("Bán hàng trực tuyến cơ bản")?
    (`trained_users` for one user.)"""
    return bool(user.is_authenticated and trained_users().filter(user_id=user.pk).exists())


def starter_course():
    """The starter course to show people (the first required one), or None."""
    return starter_courses().public().select_related("cover_image").order_by("path").first()


def course_report_rows(*, user):
    """Courses with enrolment and completion numbers: a trainer's own courses, every
    course for programme officers and superusers."""
    from accounts.roles import PROGRAMME_OFFICERS, user_in_group

    courses = CoursePage.objects.all()
    if not user_in_group(user, PROGRAMME_OFFICERS):
        courses = courses.filter(owner=user)
    return (courses.annotate(
        enrolled=Count("enrolments", distinct=True),
        completed=Count("enrolments", filter=Q(enrolments__completed_at__isnull=False), distinct=True),
    ).order_by("title"))
