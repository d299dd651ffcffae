from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _

from cms.program.access import require_officer
from cms.program.figures import dashboard_figures
from cms.program.forms import DashboardFilterForm
from cms.program.presenters import build_charts
from cms.program.tables import build_tables
from core import csv as safe_csv


@login_required
def dashboard(request):
    """/program/: figures, charts and tables for a period and province; `?format=csv&table=`
    downloads one table. Officers only (others: 404)."""
    provinces = require_officer(request.user)
    form = DashboardFilterForm(request.GET, provinces=provinces)
    if not form.is_valid():
        return render(request, "program/dashboard.html", {"form": form}, status=400)
    figures = dashboard_figures(form.scope())
    tables = build_tables(figures)
    if request.GET.get("format") == "csv":
        return _csv(tables, request.GET.get("table", ""), form)
    query = request.GET.copy()
    query.pop("format", None)
    query.pop("table", None)
    return render(request, "program/dashboard.html", {
        "form": form, "figures": figures, "tables": tables,
        "charts": {c["key"]: c["svg"] for c in build_charts(figures)},
        "period": figures.scope.period, "query": query.urlencode(),
    })


def _csv(tables, key: str, form) -> HttpResponse:
    table = tables.get(key)
    if table is None:
        return HttpResponseBadRequest(_("Unknown table. Choose one of: %(tables)s.")
                                      % {"tables": ", ".join(tables)}, content_type="text/plain; charset=utf-8")
    period = form.period()
    province = form.cleaned_data.get("province")
    name = f"chuong-trinh-{key}-{period.start:%Y%m%d}-{period.end:%Y%m%d}{f'-{province}' if province else ''}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}"'})
    response.write("\ufeff")  # BOM: spreadsheet programs then read the Vietnamese text as UTF-8
    safe_csv.writer(response).writerows(table.csv_rows())
    return response
