"""Orders placed through the real services (stock reserved, events written)."""

from core import divisions
from marketplace.orders.checkout import DeliveryDetails, build_checkout_context
from marketplace.orders.services.checkout import checkout_place
from tests.factories.marketplace import HUE, first_ward


def delivery(email: str = "khach@example.vn") -> DeliveryDetails:
    return DeliveryDetails(email=email, contact_name="Nguyễn Thị Lan", phone="0912345678", province_code=HUE,
                           ward_code=first_ward(HUE), street="12 Lê Lợi")


def place(quantities: dict, *, buyer=None, method: str = "cod", email: str = "khach@example.vn"):
    """Place a checkout of {product: quantity}; returns the Payment."""
    context = build_checkout_context({p.pk: q for p, q in quantities.items()})
    return checkout_place(context=context, details=delivery(email), method=method, buyer=buyer)


def place_one(product, quantity: int = 1, **kwargs):
    """One order for one product; returns the Order."""
    return place({product: quantity}, **kwargs).orders.get()




def run_at_once(target, n: int) -> list:
    """Run `target()` in n threads released together; returns what each returned (or the
    exception it raised). Each thread closes its own database connection."""
    import threading

    from django.db import close_old_connections, connection

    barrier = threading.Barrier(n)
    results = []

    def worker():
        try:
            barrier.wait(timeout=10)
            results.append(target())
        except Exception as exc:  # the caller asserts on it
            results.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return results


__all__ = ["delivery", "divisions", "place", "place_one", "run_at_once"]
