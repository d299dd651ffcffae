"""What training announces to the apps that follow it, so it imports none of them.

`course_completed` is sent once the transaction that completed a course has committed
(receivers get `user` and `course`): marketplace re-checks the learner's stores, which may
go live when the starter course is done.
"""

from django.dispatch import Signal

course_completed = Signal()
