from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _


def chosen_language(request) -> str:
    """The language the visitor picked with the switcher (its cookie), else Vietnamese."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in {code for code, _name in settings.LANGUAGES} else settings.LANGUAGE_CODE


class ChosenLanguageMiddleware:
    """Vietnamese unless the visitor picked another language with the switcher.

    Django's LocaleMiddleware also follows the browser's Accept-Language header; many
    phones sold in Vietnam report English, and the programme wants Vietnamese first, so
    only the explicit choice (the language cookie set by `set_language`) counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


NUL = "\x00"
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class RefuseNulMiddleware:
    """A NUL character ("\\x00") in the address, the query string or a form answers 404 (in
    the path) or 400 with a message, before any view runs.

    PostgreSQL text cannot hold or compare NUL, so without this every lookup or save of
    such a value would be a 500. Form fields are read only for form content types (a JSON
    body such as the Stripe webhook's is never touched); uploaded file names are checked
    too. Under /api/ the answer is JSON ({"detail": …}) like the rest of the API.
    """

    API_PREFIX = "/api/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info:
            return self._refuse(request, 404, _("Page not found: the address contains a null character (NUL)."))
        if self._has_nul(request.GET) or self._form_has_nul(request):
            return self._refuse(request, 400, _("What you sent contains a null character (NUL), which cannot be "
                                                "saved. Remove it and try again."))
        return self.get_response(request)

    @staticmethod
    def _has_nul(data) -> bool:
        return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())

    def _form_has_nul(self, request) -> bool:
        if request.method != "POST" or request.content_type not in FORM_CONTENT_TYPES:
            return False
        if self._has_nul(request.POST):
            return True
        return any(NUL in key or any(NUL in (upload.name or "") for upload in uploads)
                   for key, uploads in request.FILES.lists())

    def _refuse(self, request, status: int, message: str):
        if request.path_info.startswith(self.API_PREFIX):
            return JsonResponse({"detail": message}, status=status)
        html = render_to_string("core/refused.html", {"status": status, "message": message})
        return HttpResponse(html, status=status)
