"""Settings: embedded defaults without environment, and a production configuration that
passes Django's deployment checklist (RELIABILITY 20)."""

import json
import os
import subprocess
import sys

from django.conf import settings

SERVICE_VARS = ("DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "ELASTICSEARCH_URL", "STRIPE_SECRET_KEY",
                "STRIPE_WEBHOOK_SECRET", "AWS_STORAGE_BUCKET_NAME", "EMAIL_URL")


def _clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in SERVICE_VARS and not k.startswith("DJANGO_")}
    env.update(extra)
    return env


def test_production_settings_pass_check_deploy():
    env = _clean_env(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="t3st-Only-9f8Qz!pL2wX7vB4nK6mR1sD5hJ0cY8eU3aG7iO2-extra",
        DJANGO_ALLOWED_HOSTS="choso.example.vn",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = _clean_env(DJANGO_SETTINGS_MODULE="config.settings.production")
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_embedded_defaults_without_any_setting():
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], 'name': str(s.DATABASES['default']['NAME']),"
        "'eager': s.CELERY_TASK_ALWAYS_EAGER, 'media': str(s.MEDIA_ROOT), 'stripe': bool(s.STRIPE_SECRET_KEY),"
        "'es': s.ELASTICSEARCH_URL, 'storage': s.STORAGES['default']['BACKEND'], 'lang': s.LANGUAGE_CODE}))"
    )
    env = _clean_env(DJANGO_SETTINGS_MODULE="config.settings.dev")
    result = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    var = settings.BASE_DIR / "var"
    assert values == {
        "db": "django.db.backends.sqlite3", "name": str(var / "db.sqlite3"), "eager": True,
        "media": str(var / "media"), "stripe": False, "es": "",
        "storage": "django.core.files.storage.FileSystemStorage", "lang": "vi",
    }


def test_env_example_lists_every_setting_read():
    """Every variable the settings read appears in .env.example."""
    import re

    folder = settings.BASE_DIR / "config" / "settings"
    source = "".join((folder / name).read_text() for name in ("base.py", "dev.py", "production.py"))
    read = set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z_]+)"', source))
    read |= set(re.findall(r'Env\(\)\.str\("([A-Z_]+)"', source))
    example = (settings.BASE_DIR / ".env.example").read_text()
    listed = set(re.findall(r"^#?\s*([A-Z_]+)=", example, flags=re.M))
    assert read - listed == set()
