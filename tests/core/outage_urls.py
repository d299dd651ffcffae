from django.http import HttpResponse
from django.urls import path


def remember_visit(request):
    """No query of its own: the session is written by SessionMiddleware on the way out."""
    request.session["visited"] = True
    return HttpResponse("ok")


urlpatterns = [path("visit/", remember_visit)]
