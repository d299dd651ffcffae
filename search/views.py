from django.http import QueryDict
from django.shortcuts import render

from search import pages
from search.forms import SearchForm


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
    context = {"form": form, "q": params.text, "search": pages.build(query, params)}
    return render(request, "search/search.html", context)
