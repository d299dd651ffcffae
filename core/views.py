from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.outage import healthz_unavailable


@never_cache
@require_GET
def healthz(request):
    """Liveness for load balancers: the process answers and the database is reachable."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return healthz_unavailable()  # the same answer as core.outage gives every request
    return JsonResponse({"status": "ok", "database": "ok"})
