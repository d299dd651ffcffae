"""Where payments end: provider codes are spelled out only in marketplace/payments/, the
gateway asks providers through `PaymentProvider` (no hasattr), and orders and payments use
each other's public names only."""

import ast
import re
from pathlib import Path

from django.conf import settings

from marketplace.payments import providers
from marketplace.payments.providers import PaymentProvider

ROOT = Path(settings.BASE_DIR)
PAYMENTS = ROOT / "marketplace" / "payments"
# Not the project's code: tests may name methods as they please; the rest is tooling, data
# or generated.
SKIPPED_DIRS = {".git", ".venv", ".ruff_cache", ".pytest_cache", "__pycache__", "node_modules", "var",
                "staticfiles", "tests", "migrations", "locale", "docs"}
CODE_SUFFIXES = {".py", ".html", ".txt", ".js", ".sh", ".json"}
CODES = "|".join(re.escape(code) for code in (providers.COD, providers.STRIPE, providers.VIETQR))
CODE_LITERAL = re.compile(rf"""(["'])({CODES})\1""")


def _code_files():
    pending = [ROOT]
    while pending:
        folder = pending.pop()
        for path in folder.iterdir():
            if path.is_dir():
                if path.name not in SKIPPED_DIRS and path != PAYMENTS:
                    pending.append(path)
            elif path.suffix in CODE_SUFFIXES:
                yield path


def test_provider_codes_are_string_literals_only_inside_the_payments_package():
    found = []
    for path in _code_files():
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="ignore").splitlines(), 1):
            if CODE_LITERAL.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == [], "import the code from marketplace.payments.providers (COD, STRIPE, VIETQR) " \
                        "or ask the payment (is_cash_on_delivery, is_bank_transfer):\n" + "\n".join(found)


def test_the_literal_check_sees_the_templates_and_the_python():
    files = {path.relative_to(ROOT).as_posix() for path in _code_files()}
    assert "templates/orders/placed.html" in files and "marketplace/orders/views/checkout.py" in files
    assert not any(name.startswith(("marketplace/payments/", "tests/")) for name in files)


def test_every_provider_is_a_payment_provider():
    assert list(providers.registry()) == [providers.COD, providers.STRIPE, providers.VIETQR]
    for code, provider in providers.registry().items():
        assert isinstance(provider, PaymentProvider) and provider.code == code


def test_cash_on_delivery_is_the_base_class_defaults():
    cod = providers.registry()[providers.COD]
    assert (cod.redirects, cod.pays_store_directly, cod.depends_on_store) == (False, False, False)
    assert cod.accepts_store(object()) is True and cod.cancel(payment=None) is None
    assert type(cod).start is PaymentProvider.start and type(cod).refund is PaymentProvider.refund


def _calls(path: Path, names: set[str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{path.name}:{node.lineno} {node.func.id}" for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names]


def test_the_gateway_calls_provider_methods_and_never_probes_for_them():
    assert _calls(PAYMENTS / "gateway.py", {"hasattr", "getattr"}) == []


def test_orders_and_payments_import_no_private_name_of_another_module():
    found = []
    for folder in (ROOT / "marketplace" / "orders", PAYMENTS):
        for path in folder.rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom):
                    found += [f"{path.relative_to(ROOT)}:{node.lineno} {alias.name}" for alias in node.names
                              if alias.name.startswith("_") and not alias.name.startswith("__")]
    assert found == []
