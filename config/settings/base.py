"""Settings shared by every environment.

This is the one place that reads the environment (django-environ), after loading `.env`.
Every external part has an embedded default chosen by the *absence* of its setting: see
docs/ARCHITECTURE.md ("Embedded default, or the real engine") and the README's
configuration table. `.env.example` lists every variable read here.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# .env first: every setting below, VAR_DIR included, may come from it (the environment wins).
env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))

# --- core -----------------------------------------------------------------------------
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    "core",
    "accounts",
    "onboarding",
    "cms",
    "marketplace",
    "marketplace.orders",
    "marketplace.payments",
    "training",
    "search",
    "labels",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.WagtailUsersConfig",  # wagtail.users with full name and phone (accounts/wagtail_users.py)
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "ninja",  # serves the API docs' Swagger UI from static files (without it: from a CDN)
    "axes",
    "storages",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.outage.DatabaseOutageMiddleware",  # database down → 503; must stay above sessions and auth
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.ChosenLanguageMiddleware",
    "core.middleware.RefuseNulMiddleware",  # NUL in path/query/form: 404/400 (PostgreSQL cannot store it)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # AxesMiddleware must be last: it turns lockouts into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- database ---------------------------------------------------------------------------
# Embedded default: one SQLite file under var/. Scale-out: PostgreSQL via DATABASE_URL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the single writer work side by side; the busy timeout makes
    # a second writer wait instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache and sessions -------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "core.redis_cache.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Page cache for the public pages (core/cache.py); 0 = off. Each change refreshes the pages
# that show it at once; this is the longest a page is kept, so the units sold and ratings on
# listing cards (which an order or a review does not refresh) are at most this old.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)

# --- auth -------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out credentials before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend with the signed-in user's row cached (accounts/backends.py).
    "accounts.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Login brute force (RELIABILITY 19): lock the e-mail + IP pair after a few failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "accounts.axes.lockout_username"

# --- i18n ---------------------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# The project's catalogue first (it wins), then the translations of Wagtail's own strings
# that Wagtail's Vietnamese lacks (kept apart: `make messages` rewrites locale/).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_wagtail"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # ASCII page addresses: core/pages.py

# --- static and media ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"

AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    # S3-compatible media (AWS, MinIO, Viettel/VNPT object storage) via django-storages.
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default=None)
    AWS_ACCESS_KEY_ID = env.str("AWS_ACCESS_KEY_ID", default=None)
    AWS_SECRET_ACCESS_KEY = env.str("AWS_SECRET_ACCESS_KEY", default=None)
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False
    MEDIA_BACKEND = {"BACKEND": "storages.backends.s3.S3Storage"}
    PRIVATE_BACKEND = {"BACKEND": "storages.backends.s3.S3Storage",
                       "OPTIONS": {"location": "private", "default_acl": "private", "querystring_auth": True,
                                   "querystring_expire": 300}}
else:
    MEDIA_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    PRIVATE_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage",
                       "OPTIONS": {"location": str(VAR_DIR / "private"), "base_url": None}}
STORAGES = {
    "default": MEDIA_BACKEND,
    "private": PRIVATE_BACKEND,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploads (RELIABILITY 14): reject early and keep memory bounded.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
UPLOAD_MAX_IMAGE_BYTES = env.int("UPLOAD_MAX_IMAGE_BYTES", default=8 * 1024 * 1024)
UPLOAD_MAX_IMAGE_PIXELS = env.int("UPLOAD_MAX_IMAGE_PIXELS", default=40_000_000)
# Onboarding documents and OCOP certificate scans (a PDF, or a photo within the limits above).
UPLOAD_MAX_DOCUMENT_BYTES = env.int("UPLOAD_MAX_DOCUMENT_BYTES", default=10 * 1024 * 1024)

# --- wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Chợ Số OCOP"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = UPLOAD_MAX_IMAGE_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = UPLOAD_MAX_IMAGE_PIXELS
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "avif": "webp"}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "csv", "txt"]
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No Gravatar: avatars would come from another origin (and tell it who uses the admin).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"  # its fields labelled in Vietnamese
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- e-mail -------------------------------------------------------------------------------
# Embedded default: e-mails are printed on the console of `make run`.
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Chợ Số OCOP <no-reply@choso-ocop.vn>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- celery -------------------------------------------------------------------------------
# Embedded default: no broker, tasks run eagerly in-process (still after commit, because
# every task is enqueued from transaction.on_commit). Scale-out: Redis via CELERY_BROKER_URL.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    # Never a queue (tasks run in-process), but Celery still opens a producer for eager
    # tasks: an in-memory transport keeps kombu from guessing amqp://localhost (and warning).
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
# RELIABILITY 13: no countdown may exceed this; tasks with acks_late are redelivered
# after it if a worker dies mid-task.
CELERY_VISIBILITY_TIMEOUT = 3600
# A broker that does not answer fails fast: the message waits in the outbox (core.outbox)
# and is re-sent later, so the request that committed a write never waits or errors.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT, "max_retries": 0,
                                   "socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BEAT_SCHEDULE: dict = {
    # The outbox: messages the broker did not take are re-sent; sent ones pruned after a week.
    "outbox-relay": {"task": "core.tasks.relay_outbox", "schedule": 60.0},
    # E-mails whose delivery gave up while the mail server was down are tried again.
    "emails-resend-unsent": {"task": "core.tasks.resend_unsent_emails", "schedule": 900.0},
    # Unpaid card orders past ORDERS_PAYMENT_TIMEOUT_MINUTES release their stock.
    "orders-expire-unpaid": {"task": "marketplace.orders.tasks.expire_unpaid_orders", "schedule": 300.0},
    # The home page's rankings and figures, computed off the request path (cms/home.py REFRESH_SECONDS).
    "home-rankings": {"task": "cms.tasks.refresh_home_rankings", "schedule": 300.0},
    # Search: database table and Elasticsearch indices equal what is searchable; drift repaired.
    "search-reconcile": {"task": "search.tasks.reconcile_search", "schedule": crontab(hour=2, minute=30)},
}

# --- integrations switched on by their keys ---------------------------------------------------
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX_PREFIX = env.str("ELASTICSEARCH_INDEX_PREFIX", default="choso")
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=2.0)
# The database search backend considers at most this many matches per search (the newest),
# so a common word costs no more than a rare one; 0 = every match (search/backends/database.py).
SEARCH_DATABASE_MAX_MATCHES = env.int("SEARCH_DATABASE_MAX_MATCHES", default=1000)
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")

# --- orders and payments ------------------------------------------------------------------
ORDERS_SHIPPING_FEE_VND = env.int("ORDERS_SHIPPING_FEE_VND", default=30_000)
ORDERS_PAYMENT_TIMEOUT_MINUTES = env.int("ORDERS_PAYMENT_TIMEOUT_MINUTES", default=30)
# VietQR bank transfers: how long an order waits for the store to confirm the money arrived.
ORDERS_TRANSFER_TIMEOUT_MINUTES = env.int("ORDERS_TRANSFER_TIMEOUT_MINUTES", default=1440)
ORDERS_COMMISSION_PERCENT = env.float("ORDERS_COMMISSION_PERCENT", default=5.0)

# --- demo ---------------------------------------------------------------------------------
DEMO_ADMIN_EMAIL = env.str("DEMO_ADMIN_EMAIL", default="admin@choso-ocop.vn")
DEMO_ADMIN_PASSWORD = env.str("DEMO_ADMIN_PASSWORD", default="ocop-demo-2026")

# --- logging ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # elastic_transport logs every request at INFO: one line per search is noise, failures still show.
    "loggers": {"axes": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"},
                "elastic_transport": {"level": "WARNING"}},
}

SITE_NAME = _("Chợ Số OCOP")
