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
    video = EmbedBlock(help_text=_("A YouTube or Facebook video link."))
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "media"
        template = "training/blocks/video.html"


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    label = blocks.CharBlock(required=False, help_text=_("Shown instead of the file's title."))

    class Meta:
        icon = "doc-full"
        template = "training/blocks/download.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock()
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], required=False)


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False)
    steps = blocks.ListBlock(StepBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "training/blocks/steps.html"


class LessonBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", template="cms/blocks/heading.html")
    text = blocks.RichTextBlock(features=LESSON_TEXT_FEATURES)
    image = ImageBlock(template="cms/blocks/image.html")
    video = VideoBlock()
    download = DownloadBlock()
    callout = CalloutBlock()
    steps = StepsBlock()


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock()
    correct = blocks.BooleanBlock(required=False)


class MultipleChoiceBlock(blocks.StructBlock):
    """One question, several answers, exactly one of them right."""

    question = blocks.CharBlock()
    choices = blocks.ListBlock(ChoiceBlock(), min_num=2, max_num=6)
    explanation = blocks.TextBlock(help_text=_("Shown to the learner after answering."))

    class Meta:
        icon = "list-ul"

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["correct"]) != 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Tick exactly one correct answer."))})
        return value


class TrueFalseBlock(blocks.StructBlock):
    statement = blocks.CharBlock()
    is_true = blocks.BooleanBlock(required=False, label=_("The statement is true"))
    explanation = blocks.TextBlock(help_text=_("Shown to the learner after answering."))

    class Meta:
        icon = "tick"


class QuizBlock(blocks.StreamBlock):
    multiple_choice = MultipleChoiceBlock(label=_("Multiple choice"))
    true_false = TrueFalseBlock(label=_("True or false"))
