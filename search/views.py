from django.http import QueryDict
from django.shortcuts import render

from search import pages
from search.forms import SearchForm

# Which backend answered ("elasticsearch" or "database"): how a person or a probe can tell
# the cluster is serving, and when the site has fallen back to the database.
BACKEND_HEADER = "X-Search-Backend"


def search_page(request):
    """/search/?q=…: works without JavaScript; bad parameters answer 400 with the reason."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "error": form.error_message(), "q": request.GET.get("q", "")[:100],
                   "popular_groups": pages.popular_groups()}
        return render(request, "search/search.html", context, status=400)
    params = form.params()
    if not params.text and not params.type and not params.has_product_filters and not params.province:
        return render(request, "search/search.html", {"form": form, "q": "", "landing": True,
                                                      "popular_groups": pages.popular_groups()})
    query = request.GET.copy() if isinstance(request.GET, QueryDict) else QueryDict(mutable=True)
    page = pages.build(query, params)
    response = render(request, "search/search.html", {"form": form, "q": params.text, "search": page})
    response[BACKEND_HEADER] = page.main.backend
    return response
