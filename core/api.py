"""What the JSON API's routers share (marketplace/api.py, search/api.py): the error bodies
with the statuses that answer them, and the province parameter's documented codes.

Every operation documents each status it can answer (scripts/fuzz_api.sh checks it):
- 400 `ErrorOut`: a NUL character in the query, refused before the API runs
  (core.middleware.RefuseNulMiddleware answers JSON under /api/);
- 404 `ErrorOut`: a detail operation's object does not exist or is not public;
- 422 `ValidationErrorOut`: a parameter that is not valid, either as a sentence (a rule
  of ours: unknown province, a page past the last) or, for a value of the wrong type or
  out of its documented range, as django-ninja's list of pydantic errors, whose `msg` is
  put in the request's language (`validation_error`).

Sentences are in the request's language like the pages: Vietnamese unless the language
switcher chose English.
"""

from typing import Any

from django.utils.translation import gettext_lazy
from ninja import Field, Schema

from core import divisions


class ErrorOut(Schema):
    detail: str = Field(description="What was wrong, in the request's language.")


class ValidationIssue(Schema):
    type: str = Field(description="pydantic's error type, e.g. `int_parsing`, `less_than_equal`.")
    loc: list[str | int] = Field(description='Where: `["query", "<parameter>"]`.')
    msg: str = Field(description="What was wrong, in the request's language.")


class ValidationErrorOut(Schema):
    detail: str | list[ValidationIssue] = Field(
        description="A sentence, or one entry per parameter of the wrong type or out of its range.")


def errors(*, not_found: bool = False, invalid: bool = True) -> dict[int, type[Schema]]:
    """The error part of an operation's `response=`: a detail operation answers 404 and,
    having no parameter that can be invalid, no 422; a list or search operation the reverse."""
    return {400: ErrorOut, **({404: ErrorOut} if not_found else {}), **({422: ValidationErrorOut} if invalid else {})}


def province_codes() -> list[int]:
    return sorted(int(code) for code, _name in divisions.province_choices())


def _province_description() -> str:
    names = dict(divisions.province_choices())
    return "Province code, one of: " + ", ".join(f"{code} ({names[code]})" for code in province_codes()) + "."


def province_schema(schema: dict[str, Any]) -> None:
    """json_schema_extra of an integer province parameter: its codes as an enum (the
    parameter is optional; leaving it out means every province)."""
    schema.clear()
    schema.update(type="integer", enum=province_codes(), title="Province", description=_province_description())


def province_text_schema(schema: dict[str, Any]) -> None:
    """The same for a parameter kept as text (the search form validates it): the codes as
    strings, and the empty string for every province."""
    schema.clear()
    schema.update(type="string", enum=["", *map(str, province_codes())], title="Province",
                  description=_province_description() + " Empty: every province.")


# pydantic's error types a query parameter of ours can raise, in words a person reads;
# `%(…)s` are filled from the error's ctx. Other types keep pydantic's English.
ISSUE_MESSAGES = {
    "int_parsing": gettext_lazy("Enter a whole number."),
    "int_from_float": gettext_lazy("Enter a whole number."),
    "bool_parsing": gettext_lazy("Enter true or false."),
    "greater_than_equal": gettext_lazy("Enter a number of at least %(ge)s."),
    "less_than_equal": gettext_lazy("Enter a number of at most %(le)s."),
    "literal_error": gettext_lazy("Enter one of %(expected)s."),
    "string_too_long": gettext_lazy("Enter at most %(max_length)s characters."),
    "missing": gettext_lazy("This parameter is required."),
}


def _in_language(issue: dict) -> dict:
    message = ISSUE_MESSAGES.get(issue.get("type"))
    if message is None:
        return issue
    try:
        text = str(message) % issue.get("ctx", {})
    except (KeyError, TypeError, ValueError):
        return issue
    return {**issue, "msg": text}


def validation_error(request, exc, api):
    """NinjaAPI's 422 for a parameter of the wrong type or out of its range: the list of
    pydantic errors (type, loc, ctx unchanged), each `msg` in the request's language."""
    return api.create_response(request, {"detail": [_in_language(issue) for issue in exc.errors]}, status=422)
