"""Builders for course trees (Wagtail pages are created with add_child, not factory_boy)."""

import itertools

from training.demo_content import mc, tf
from training.models import CoursePage, LessonPage, ModulePage, TrainingIndexPage

_seq = itertools.count(1)

QUIZ = [
    mc("Câu hỏi một?", ["Sai", "Đúng", "Sai nữa"], 1, "Giải thích câu một."),
    tf("Câu hai là đúng.", True, "Giải thích câu hai."),
]
BODY = [("text", "<p>Nội dung bài học.</p>"),
        ("steps", {"title": "Các bước", "steps": [{"title": "Bước 1", "text": ""}]})]


def training_index() -> TrainingIndexPage:
    return TrainingIndexPage.objects.get()


def _publish(parent, page, owner=None):
    page.owner = owner
    parent.add_child(instance=page)
    page.save_revision(user=owner).publish()
    return page


def create_lesson(module, *, title=None, quiz=None, pass_mark=70, owner=None) -> LessonPage:
    n = next(_seq)
    return _publish(module, LessonPage(title=title or f"Bài {n}", slug=f"bai-{n}", body=BODY, quiz=quiz or [],
                                       pass_mark=pass_mark), owner)


def create_module(course, *, title=None, owner=None) -> ModulePage:
    n = next(_seq)
    return _publish(course, ModulePage(title=title or f"Học phần {n}", slug=f"hoc-phan-{n}"), owner)


def create_course(*, modules=(1,), quiz_in=(), title=None, owner=None, required=False) -> CoursePage:
    """A published course; `modules` gives the number of lessons per module; lessons whose
    (module index, lesson index) is in `quiz_in` carry QUIZ."""
    n = next(_seq)
    course = _publish(training_index(), CoursePage(
        title=title or f"Khoá học {n}", slug=f"khoa-hoc-{n}", summary="Tóm tắt khoá học.",
        required_for_onboarding=required), owner)
    for m, lesson_count in enumerate(modules):
        module = create_module(course, owner=owner)
        for i in range(lesson_count):
            create_lesson(module, quiz=QUIZ if (m, i) in quiz_in else None, owner=owner)
    return course


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def quiz_answers(lesson, *, correct=True) -> dict:
    """POST data answering every question of `lesson`'s quiz right (or all wrong)."""
    data = {}
    for block in lesson.quiz:
        if block.block_type == "true_false":
            right = "true" if block.value["is_true"] else "false"
            data[f"q-{block.id}"] = right if correct else ("false" if right == "true" else "true")
        else:
            choices = list(block.value["choices"])
            index = next(i for i, c in enumerate(choices) if c["correct"] == correct)
            data[f"q-{block.id}"] = str(index)
    return data
