"""The JSON API at /api/v1/ (OpenAPI at /api/v1/docs). Each app owns a ninja Router."""

from functools import partial

from ninja import NinjaAPI
from ninja.errors import ValidationError

from core.api import validation_error
from marketplace.api import router as catalogue_router
from search.api import router as search_router

api = NinjaAPI(title="Chợ Số OCOP API", version="1", urls_namespace="api-v1")
api.add_exception_handler(ValidationError, partial(validation_error, api=api))
api.add_router("/", catalogue_router)
api.add_router("/search", search_router)
