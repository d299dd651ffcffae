#!/usr/bin/env python
"""Scale data for the benchmarks: 5,000 stores, 100,000 products with certificates and
photos shared from a small pool, 20,000 orders. Bulk inserts; minutes, not hours.

    .venv/bin/python bench/generate.py [--stores 5000 --products 100000 --orders 20000]

Uses whatever DATABASE_URL / VAR_DIR point at (bench/run.py sets them). Refuses to run
on a database that already has more than a handful of products, so it never mixes
benchmark rows into real data.
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from core import divisions  # noqa: E402
from core.demo import demo_image  # noqa: E402
from marketplace.models import (  # noqa: E402
    Category,
    OcopCertificate,
    Product,
    ProductPhoto,
    Store,
    StoreMember,
    certificate_expiry,
)

BATCH = 2000
WORDS = {
    "thuc-pham": ["Mật ong", "Nước mắm", "Gạo", "Chè lam", "Mè xửng", "Tôm chua", "Bánh tét", "Mắm ruốc", "Hạt điều"],
    "do-uong": ["Trà Shan tuyết", "Cà phê", "Rượu cần", "Trà atiso", "Nước cốt gừng", "Rượu sim"],
    "thao-duoc": ["Tinh dầu tràm", "Cao dược liệu", "Trà túi lọc", "Nghệ mật ong", "Sâm"],
    "vai-may-mac": ["Thổ cẩm", "Khăn lụa", "Áo dài", "Vải lanh"],
    "luu-niem-noi-that-trang-tri": ["Nón lá", "Gốm", "Mây tre đan", "Tranh gỗ", "Đèn lồng"],
    "dich-vu-du-lich-nong-thon": ["Tour làng nghề", "Homestay", "Trải nghiệm nông trại"],
}
PLACES = ["Huế", "Quảng Ngãi", "Ninh Bình", "Phú Quốc", "Hà Giang", "Sa Pa", "Bến Tre", "Đà Lạt", "Mộc Châu"]
UNITS = ["kg", "chai", "hộp", "gói", "hũ", "cái", "bộ", "túi"]


def timed(label):
    class _T:
        def __enter__(self):
            self.t = time.perf_counter()

        def __exit__(self, *exc):
            print(f"  {label}: {time.perf_counter() - self.t:.1f} s", flush=True)
    return _T()


def generate(stores: int, products: int, orders: int, seed: int = 2026) -> None:
    rng = random.Random(seed)
    if Product.objects.count() > 1000:
        raise SystemExit("this database already holds products; use an empty benchmark database")
    provinces = [code for code, _ in divisions.province_choices()]
    wards = {p: [w for w, _ in divisions.ward_choices(p)] for p in provinces}
    categories = list(Category.objects.filter(parent=None))
    pool = [demo_image(f"Ảnh mẫu benchmark {i}", colour=(40 + i * 9, 110, 70 + i * 5), size=(640, 480))
            for i in range(20)]
    now = timezone.now()

    unusable = make_password(None)
    with timed(f"{stores} users and stores"), transaction.atomic():
        users = User.objects.bulk_create(
            [User(email=f"bench-seller-{i}@example.vn", full_name=f"Người bán {i}", password=unusable)
             for i in range(stores)], batch_size=BATCH)
        store_rows = []
        for i in range(stores):
            province = rng.choice(provinces)
            store_rows.append(Store(
                name=f"{rng.choice(['Hợp tác xã', 'Cơ sở', 'Hộ kinh doanh', 'Công ty'])} {rng.choice(PLACES)} {i}",
                slug=f"bench-store-{i}", producer_type=rng.choice(["household", "cooperative", "enterprise"]),
                province_code=province, ward_code=rng.choice(wards[province]), street=f"Thôn {i % 20 + 1}",
                phone="0912345678", status=Store.Status.ACTIVE, went_live_at=now,
                story="<p>Sản phẩm truyền thống của địa phương.</p>"))
        store_rows = Store.objects.bulk_create(store_rows, batch_size=BATCH)
        StoreMember.objects.bulk_create([StoreMember(store=s, user=u) for s, u in zip(store_rows, users, strict=True)],
                                        batch_size=BATCH)

    with timed(f"{products} products, photos and certificates"):
        for start in range(0, products, 10_000):
            with transaction.atomic():
                rows = []
                for i in range(start, min(products, start + 10_000)):
                    category = rng.choice(categories)
                    word = rng.choice(WORDS.get(category.slug, ["Sản phẩm"]))
                    rows.append(Product(
                        store=rng.choice(store_rows), name=f"{word} {rng.choice(PLACES)} loại {i % 7 + 1} #{i}",
                        slug=f"bench-product-{i}", description=f"<p>{word} làm thủ công, đóng gói cẩn thận.</p>",
                        category=category, price=rng.randrange(20, 2000) * 1000, stock=rng.choice([0, 5, 20, 100]),
                        unit=rng.choice(UNITS), sku=f"B{i:06d}", status=Product.Status.PUBLISHED, published_at=now))
                rows = Product.objects.bulk_create(rows, batch_size=BATCH)
                ProductPhoto.objects.bulk_create(
                    [ProductPhoto(product=p, image=rng.choice(pool), alt_text=p.name) for p in rows], batch_size=BATCH)
                certs = []
                for p in rows:
                    if rng.random() < 0.3:
                        decided = timezone.localdate() - timezone.timedelta(days=rng.randrange(30, 900))
                        certs.append(OcopCertificate(
                            store_id=p.store_id, product=p, stars=rng.choice([3, 3, 4, 4, 5]),
                            score=rng.randrange(50, 100),
                            decision_number=f"{p.pk}/QĐ-UBND", decision_date=decided,
                            expires_on=certificate_expiry(decided),
                            issuing_authority="UBND tỉnh", status=OcopCertificate.Status.VERIFIED, verified_at=now))
                OcopCertificate.objects.bulk_create(certs, batch_size=BATCH)

    generate_orders(rng, orders)
    # Fresh planner statistics, as autovacuum (PostgreSQL) would gather soon after a bulk
    # load: without them PostgreSQL plans the OCOP-stars subqueries as if the tables were
    # empty (46 s for the home page instead of 1 s).
    with timed("ANALYZE"), connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def generate_orders(rng, orders: int) -> None:
    """Orders come from the checkout capability's models (marketplace.orders)."""
    try:
        from bench.orders import bulk_orders
    except ImportError:
        print("  orders: skipped (bench/orders.py not present)")
        return
    with timed(f"{orders} orders"):
        bulk_orders(rng, orders)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=int, default=5000)
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=20_000)
    args = parser.parse_args()
    started = time.perf_counter()
    generate(args.stores, args.products, args.orders)
    print(f"generated in {time.perf_counter() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
