"""The quiz is a real test: a failed attempt does not give the right answers of the
questions missed away, and multiple-choice answers are shuffled per attempt."""

import re

import pytest

from tests.factories import UserFactory
from tests.factories.training import create_course, lessons_of
from training.demo_content import mc, tf
from training.models import LessonProgress
from training.services import quiz_option_order

pytestmark = pytest.mark.django_db

QUIZ = [
    mc("Nên chụp ảnh ở đâu?", ["Dưới bóng đèn vàng", "Cạnh cửa sổ buổi sáng", "Trong phòng tối", "Ngoài nắng trưa"], 1,
       "Ánh sáng gián tiếp từ cửa sổ là đẹp nhất.", why={0: "Đèn vàng làm ảnh ngả màu."}),
    mc("Mỗi sản phẩm nên có mấy ảnh?", ["Một ảnh", "Bốn ảnh", "Không cần ảnh"], 1, "Bốn ảnh cho đủ các góc."),
    tf("Lau ống kính giúp ảnh rõ hơn.", True, "Vân tay làm ảnh mờ."),
]


@pytest.fixture
def lesson(client):
    user = UserFactory()
    client.force_login(user)
    course = create_course(modules=(1,))
    lesson = lessons_of(course)[0]
    lesson.quiz = QUIZ
    lesson.save_revision().publish()
    client.post(course.url + "enrol/")
    lesson.refresh_from_db()
    lesson.learner = user
    return lesson


def _answers(lesson, picks: list[str]) -> dict:
    return {f"q-{block.id}": pick for block, pick in zip(lesson.quiz, picks, strict=True)}


def _results(html: str) -> str:
    return html.split('<ol class="quiz-results">', 1)[1].split('<p><a class="button"', 1)[0]


def _form_options(html: str) -> list[list[str]]:
    form = html.split('<form method="post"', 2)[-1].split("</form>", 1)[0]
    return [re.findall(r'<label class="quiz-option">.*?value="([^"]+)"', fieldset, re.S)
            for fieldset in form.split("<fieldset")[1:]]


def test_a_failed_attempt_explains_the_learners_own_choices_but_not_the_right_answers_missed(client, lesson):
    # Question 1 wrong (with an explanation of that choice), 2 wrong (without one), 3 right: 33 % < 70 %.
    response = client.post(lesson.url + "quiz/", _answers(lesson, ["0", "2", "true"]))
    html = response.content.decode()
    assert response.status_code == 200 and "Điểm của bạn: 33% (1 / 3 câu đúng)" in html
    results = _results(html)
    for answer in ("Cạnh cửa sổ buổi sáng", "Bốn ảnh"):  # the right answers of the questions missed
        assert answer not in html
    for explanation in ("Ánh sáng gián tiếp từ cửa sổ là đẹp nhất.", "Bốn ảnh cho đủ các góc."):
        assert explanation not in html  # the questions' explanations say the answer
    questions = results.split('<li class="quiz-question')[1:]
    assert "Dưới bóng đèn vàng <em>(bạn chọn)</em>" in questions[0]
    assert '<p class="quiz-explanation">Đèn vàng làm ảnh ngả màu.</p>' in questions[0]  # why the own choice is wrong
    assert "Không cần ảnh <em>(bạn chọn)</em>" in questions[1] and "quiz-explanation" not in questions[1]
    assert "Một ảnh" not in questions[1] and "đáp án đúng" not in questions[0] + questions[1]
    # A question answered right keeps its explanation and says it was right.
    assert "Đúng <em>(bạn chọn)</em> <strong>✔ đáp án đúng</strong>" in questions[2]
    assert '<p class="quiz-explanation">Vân tay làm ảnh mờ.</p>' in questions[2]
    assert "Đáp án đúng của các câu bạn trả lời sai sẽ hiện khi bạn đạt" in html

    # Passing shows every answer and explanation.
    html = client.post(lesson.url + "quiz/", _answers(lesson, ["1", "1", "true"])).content.decode()
    assert "Cạnh cửa sổ buổi sáng <em>(bạn chọn)</em> <strong>✔ đáp án đúng</strong>" in html
    assert "Ánh sáng gián tiếp từ cửa sổ là đẹp nhất." in html and "Bốn ảnh cho đủ các góc." in html
    assert "sẽ hiện khi bạn đạt" not in html


def test_a_passed_attempt_with_a_mistake_shows_the_right_answer_and_why_the_choice_was_wrong(client, lesson):
    lesson.pass_mark = 60
    lesson.save_revision().publish()
    html = client.post(lesson.url + "quiz/", _answers(lesson, ["0", "1", "true"])).content.decode()
    assert "Điểm của bạn: 67% (2 / 3 câu đúng)" in html and "Đạt" in html
    first = _results(html).split('<li class="quiz-question')[1]
    assert "Dưới bóng đèn vàng <em>(bạn chọn)</em> — Đèn vàng làm ảnh ngả màu.</li>" in first
    assert "Cạnh cửa sổ buổi sáng <strong>✔ đáp án đúng</strong>" in first
    assert "Ánh sáng gián tiếp từ cửa sổ là đẹp nhất." in first


def test_the_order_of_the_answers_is_fixed_per_attempt_and_changes_between_attempts():
    orders = [quiz_option_order(user_id=7, lesson_id=12, attempt=attempt, block_id="q1", count=4)
              for attempt in (1, 2, 3, 4)]
    assert orders == [[1, 2, 3, 0], [2, 1, 3, 0], [0, 3, 2, 1], [2, 1, 3, 0]]
    assert orders[0] == quiz_option_order(user_id=7, lesson_id=12, attempt=1, block_id="q1", count=4)
    assert quiz_option_order(user_id=8, lesson_id=12, attempt=1, block_id="q1", count=4) == [0, 3, 2, 1]
    # Whatever the learner, lesson or question, two attempts in a row never look the same.
    for user_id in range(40):
        for count in (2, 3, 4, 6):
            previous = None
            for attempt in range(1, 12):
                order = quiz_option_order(user_id=user_id, lesson_id=3, attempt=attempt, block_id="b", count=count)
                assert sorted(order) == list(range(count)) and order != previous
                previous = order


def test_the_form_shows_the_order_of_the_next_attempt_and_keeps_it_after_an_error(client, lesson):
    user, blocks = lesson.learner, list(lesson.quiz)

    def expected(attempt):
        return [[str(i) for i in quiz_option_order(user_id=user.pk, lesson_id=lesson.pk, attempt=attempt,
                                                    block_id=block.id, count=len(block.value["choices"]))]
                for block in blocks[:2]] + [["true", "false"]]  # true/false keeps its order

    first = _form_options(client.get(lesson.url).content.decode())
    assert first == expected(1)
    incomplete = _answers(lesson, ["0", "2", "true"])
    incomplete.pop(f"q-{blocks[2].id}")
    response = client.post(lesson.url + "quiz/", incomplete)
    assert response.status_code == 400 and _form_options(response.content.decode()) == expected(1)

    client.post(lesson.url + "quiz/", _answers(lesson, ["0", "2", "true"]))  # failed: attempt 1
    assert LessonProgress.objects.get(user=user, lesson=lesson).attempts == 1
    second = _form_options(client.get(lesson.url).content.decode())
    assert second == expected(2) and second[0] != first[0] and second[1] != first[1]
    # The result lists the learner's choices in the order they saw them.
    html = client.post(lesson.url + "quiz/", _answers(lesson, ["1", "1", "true"])).content.decode()
    shown = re.findall(r"<li>(Dưới bóng đèn vàng|Cạnh cửa sổ buổi sáng|Trong phòng tối|Ngoài nắng trưa)", html)
    texts = [c["text"] for c in blocks[0].value["choices"]]
    assert shown == [texts[int(i)] for i in expected(2)[0]]
