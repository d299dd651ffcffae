"""The course tree under /training/: index → course → module → lesson (Wagtail pages).

Courses are pages so trainers write them in the Wagtail admin and every change goes
through the training workflow (officer approval) before it is live. Learner actions
(enrol, mark a lesson done, submit a quiz) are POST sub-routes of the pages
(RoutablePageMixin); their logic lives in `training.services`, their reads in
`training.selectors`. https://docs.wagtail.org/en/stable/reference/contrib/routablepage.html
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from training.blocks import LessonBodyBlock, QuizBlock


class TrainingIndexPage(Page):
    """/training/: the list of courses and "continue where I stopped"."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["training.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("training index")

    def get_context(self, request, *args, **kwargs):
        from training import selectors

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = selectors.course_cards(index_page=self, user=request.user)
        return context


class CoursePage(RoutablePageMixin, Page):
    """A course: modules in order, a certificate when every module is complete."""

    summary = models.TextField(_("summary"), help_text=_("Two or three sentences shown in lists and search."))
    audience = models.CharField(_("who it is for"), max_length=200, blank=True)
    duration = models.CharField(_("duration"), max_length=60, blank=True, help_text=_("For example: about 3 hours"))
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("cover image"),
    )
    required_for_onboarding = models.BooleanField(
        _("required for onboarding"), default=False,
        help_text=_("Sellers must complete this course before their store goes live."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("audience"), FieldPanel("duration"), FieldPanel("cover_image")],
                        heading=_("About the course")),
        FieldPanel("required_for_onboarding"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.AutocompleteField("title"),
        index.FilterField("required_for_onboarding"),
    ]

    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = ["training.ModulePage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @path("")
    def course(self, request):
        from training.views import course_view

        return course_view(request, self)

    @path("enrol/")
    def enrol(self, request):
        from training.views import course_enrol

        return course_enrol(request, self)


class ModulePage(Page):
    """A module of a course; it unlocks when the previous module is complete."""

    summary = models.TextField(_("summary"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary")]
    search_fields = Page.search_fields + [index.SearchField("summary")]

    parent_page_types = ["training.CoursePage"]
    subpage_types = ["training.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def serve(self, request, *args, **kwargs):
        from training.views import module_view

        return module_view(request, self)


class LessonPage(RoutablePageMixin, Page):
    """A lesson: content blocks, then a "done / next lesson" button or a quiz to pass."""

    summary = models.CharField(_("summary"), max_length=255, blank=True)
    body = StreamField(LessonBodyBlock(), verbose_name=_("lesson content"))
    quiz = StreamField(QuizBlock(), blank=True, verbose_name=_("quiz"),
                       help_text=_("Optional. With questions, the lesson is complete when the quiz is passed."))
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)],
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("quiz"), FieldPanel("pass_mark")], heading=_("Quiz")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["training.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @property
    def has_quiz(self) -> bool:
        return len(self.quiz) > 0

    @path("")
    def lesson(self, request):
        from training.views import lesson_view

        return lesson_view(request, self)

    @path("done/")
    def done(self, request):
        from training.views import lesson_done

        return lesson_done(request, self)

    @path("quiz/")
    def answer_quiz(self, request):
        from training.views import lesson_quiz

        return lesson_quiz(request, self)
