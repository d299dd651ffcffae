"""Work that follows a committed write.

`after_commit(func, *args)` runs `func(*args)` once the current transaction commits (at
once outside one), as a robust hook: what it raises (a cache or a broker down) is logged by
Django and never reaches the request, so a write that committed always answers as a success.

Django logs a failing robust hook by the function's `__qualname__`, which a
`functools.partial` or a lambda does not carry usefully (a partial has none at all: the
failure then raised from Django's error handler itself, and the committed write answered
500). The hook here is named after `func`: "Error calling after_commit(<func>) in
on_commit() (…)".
"""

from django.db import transaction


def after_commit(func, *args, **kwargs) -> None:
    def run():
        func(*args, **kwargs)

    run.__qualname__ = f"after_commit({getattr(func, '__qualname__', repr(func))})"
    transaction.on_commit(run, robust=True)
