from training.models.pages import CoursePage, LessonPage, ModulePage, TrainingIndexPage
from training.models.progress import Certificate, Enrolment, LessonProgress

__all__ = ["Certificate", "CoursePage", "Enrolment", "LessonPage", "LessonProgress", "ModulePage",
           "TrainingIndexPage"]
