"""StreamField blocks for lessons: the lesson body and its quiz.

The quiz is a StreamField of question blocks, not InlinePanel orderables, because:
- it lives in the lesson page's own row and revision, so a trainer's quiz change goes
  through the same moderation workflow as the lesson text and is published with it;
- rendering a lesson (and its quiz) costs no extra SQL query, whatever the number of
  questions;
- every block carries a stable UUID (`block.id`), which is what the learner's answers
  are keyed on, so reordering questions in the editor does not mix answers up.
See https://docs.wagtail.org/en/stable/topics/streamfield.html
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from core.blocks import CalloutBlock

LESSON_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text=_("A YouTube or Facebook video link."), label=_("Video link"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "training/blocks/video.html"


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(required=False, help_text=_("Shown instead of the file's title."), label=_("Link text"))

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "training/blocks/download.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], required=False, label=_("Text"))

    class Meta:
        label = _("Step")


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("Title"))
    steps = blocks.ListBlock(StepBlock(), min_num=1, label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Steps")
        template = "training/blocks/steps.html"


class LessonBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", template="cms/blocks/heading.html",
                               label=_("Heading"))
    text = blocks.RichTextBlock(features=LESSON_TEXT_FEATURES, label=_("Text"))
    image = ImageBlock(template="cms/blocks/image.html", label=_("Image"))
    video = VideoBlock()
    download = DownloadBlock()
    callout = CalloutBlock()
    steps = StepsBlock()


QUESTION_EXPLANATION_HELP = _("Shown with the result once the learner passes, or after any attempt in which they "
                              "answered this question right. It may give the answer away.")


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"))
    correct = blocks.BooleanBlock(required=False, label=_("Right answer"))
    explanation = blocks.CharBlock(
        required=False, label=_("Why (for a learner who picks it)"),
        help_text=_("Optional. Shown to a learner who picked this answer, also after a failed attempt: say why it is "
                    "not right without giving the right answer away."))


class MultipleChoiceBlock(blocks.StructBlock):
    """One question, several answers, exactly one of them right. The answers are shown in
    a different order at each attempt (training.services.quiz_option_order)."""

    question = blocks.CharBlock(label=_("Question"))
    choices = blocks.ListBlock(ChoiceBlock(), min_num=2, max_num=6, label=_("Answers"))
    explanation = blocks.TextBlock(help_text=QUESTION_EXPLANATION_HELP, label=_("Explanation"))

    class Meta:
        icon = "list-ul"

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["correct"]) != 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Tick exactly one correct answer."))})
        return value


class TrueFalseBlock(blocks.StructBlock):
    statement = blocks.CharBlock(label=_("Statement"))
    is_true = blocks.BooleanBlock(required=False, label=_("The statement is true"))
    explanation = blocks.TextBlock(help_text=QUESTION_EXPLANATION_HELP, label=_("Explanation"))

    class Meta:
        icon = "tick"


class QuizBlock(blocks.StreamBlock):
    multiple_choice = MultipleChoiceBlock(label=_("Multiple choice"))
    true_false = TrueFalseBlock(label=_("True or false"))
