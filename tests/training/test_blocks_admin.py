"""Trainers' editing surface: quiz validation and the admin forms of every page type."""

import pytest
from wagtail.blocks import StructBlockValidationError

from tests.factories.training import create_course, lessons_of, training_index
from training.blocks import MultipleChoiceBlock
from training.models import ModulePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("flags", [(False, False), (True, True)])
def test_multiple_choice_needs_exactly_one_right_answer(flags):
    block = MultipleChoiceBlock()
    value = block.to_python({"question": "Câu?", "explanation": "Vì.",
                             "choices": [{"text": "A", "correct": flags[0]}, {"text": "B", "correct": flags[1]}]})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_multiple_choice_with_one_right_answer_is_valid():
    block = MultipleChoiceBlock()
    value = block.to_python({"question": "Câu?", "explanation": "Vì.",
                             "choices": [{"text": "A", "correct": False}, {"text": "B", "correct": True}]})
    assert block.clean(value)["question"] == "Câu?"


def test_admin_forms_open_for_every_training_page_type(admin_client):
    course = create_course(modules=(1,))
    module = ModulePage.objects.child_of(course).get()
    lesson = lessons_of(course)[0]
    for url in (f"/admin/pages/add/training/coursepage/{training_index().pk}/",
                f"/admin/pages/add/training/modulepage/{course.pk}/",
                f"/admin/pages/add/training/lessonpage/{module.pk}/",
                f"/admin/pages/{lesson.pk}/edit/", f"/admin/pages/{course.pk}/edit/"):
        assert admin_client.get(url).status_code == 200, url


def test_lesson_preview_shows_the_content_without_enrolment():
    lesson = lessons_of(create_course(modules=(1,)))[0]
    response = lesson.make_preview_request()
    if hasattr(response, "render"):
        response.render()
    assert response.status_code == 200
    assert "Nội dung bài học." in response.content.decode()


def test_page_types_are_strict():
    from training.models import CoursePage, LessonPage, TrainingIndexPage

    assert [m.__name__ for m in TrainingIndexPage.allowed_subpage_models()] == ["CoursePage"]
    assert [m.__name__ for m in CoursePage.allowed_subpage_models()] == ["ModulePage"]
    assert [m.__name__ for m in ModulePage.allowed_subpage_models()] == ["LessonPage"]
    assert LessonPage.allowed_subpage_models() == []
    assert [m.__name__ for m in CoursePage.allowed_parent_page_models()] == ["TrainingIndexPage"]


def test_video_falls_back_to_a_link_when_the_embed_cannot_be_fetched():
    from unittest import mock

    from wagtail.embeds.exceptions import EmbedNotFoundException

    from training.blocks import VideoBlock

    block = VideoBlock()
    value = block.to_python({"video": "https://www.youtube.com/watch?v=abc", "caption": "Cách chụp"})
    with mock.patch("wagtail.embeds.embeds.get_embed", side_effect=EmbedNotFoundException):
        html = block.render(value)
    assert 'href="https://www.youtube.com/watch?v=abc"' in html and "Xem video" in html and "Cách chụp" in html
