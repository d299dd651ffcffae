"""CSV import/export: all-or-nothing, upsert by SKU, bulk writes, idempotent re-import."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.models import Category, Product
from marketplace.services.catalogue_csv import CatalogueImportError, catalogue_export, catalogue_import
from tests.factories.marketplace import ProductFactory

pytestmark = pytest.mark.django_db
HEADER = "sku,name,description,price,stock,unit,category\n"


def csv_bytes(rows: str, bom=False) -> bytes:
    return (("\ufeff" if bom else "") + HEADER + rows).encode()


def test_import_with_bom_diacritics_free_group_and_unit_labels(store):
    data = csv_bytes("MO-1,Mật ong rừng,<p>Ngon<script>x</script></p>,185.000,40,chai,Thuc pham\n"
                     "TRA-1,Trà sen,,320000,,Hộp,ĐỒ UỐNG\n"
                     "KHAN-1,Khăn lụa,,450000,3,piece,vai va may mac\n", bom=True)
    result = catalogue_import(store=store, data=data)
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    rows = {p.sku: p for p in Product.objects.for_store(store)}
    assert (rows["MO-1"].price, rows["MO-1"].stock, rows["MO-1"].unit, rows["MO-1"].category.slug) == (
        185000, 40, "chai", "thuc-pham")
    assert rows["MO-1"].description == "<p>Ngon</p>"
    assert (rows["TRA-1"].unit, rows["TRA-1"].stock, rows["TRA-1"].category.slug) == ("hộp", 0, "do-uong")
    assert (rows["KHAN-1"].unit, rows["KHAN-1"].category.slug) == ("cái", "vai-may-mac")
    assert {p.status for p in rows.values()} == {"draft"}
    assert rows["MO-1"].slug == "mat-ong-rung"


def test_one_bad_row_imports_nothing_and_every_bad_row_is_named(store):
    existing = ProductFactory(store=store, sku="MO-1", price=1000)
    data = csv_bytes("MO-1,Mật ong,,2000,1,chai,Thực phẩm\n"
                     "X-2,,,abc,1,chai,Thực phẩm\n"
                     "X-3,Trà,,5000,-1,thùng,Không có nhóm\n"
                     "MO-1,Trùng,,100,1,kg,Thực phẩm\n"
                     'X-6,Chè,,"120,5",1.5,một đơn vị tính quá dài,Đồ uống\n')
    with pytest.raises(CatalogueImportError) as exc:
        catalogue_import(store=store, data=data)
    # Any unit is accepted ("thùng"); a price with decimals is refused as the product form refuses it.
    assert [str(e) for e in exc.value.errors] == [
        "Dòng 3: tên sản phẩm đang trống; giá “abc” không phải số đồng nguyên lớn hơn 0.",
        "Dòng 4: tồn kho “-1” không phải số nguyên; không có nhóm sản phẩm “Không có nhóm”.",
        "Dòng 5: mã SKU MO-1 đã có ở dòng 2.",
        "Dòng 6: giá “120,5” không rõ ràng: hãy ghi số đồng nguyên, dùng dấu chấm ngăn cách hàng nghìn, "
        "ví dụ 120.000; tồn kho “1.5” không phải số nguyên; đơn vị tính “một đơn vị tính quá dài” dài quá 20 ký tự.",
    ]
    existing.refresh_from_db()
    assert existing.price == 1000
    assert Product.objects.count() == 1


@pytest.mark.parametrize(("data", "message"), [
    (b"sku,title\nA,B\n", "Thiếu cột: name, description, price, stock, unit, category."),
    # "Trà" in TCVN3 (an old Vietnamese font encoding): neither UTF-8 nor Windows-1258 Vietnamese.
    (b"sku,name,description,price,stock,unit,category\nA,Tr\xb5,,1,1,kg,Do uong\n",
     "Tệp không phải văn bản UTF-8."),
    (HEADER.encode(), "Tệp không có dòng sản phẩm nào."),
])
def test_file_level_errors(store, data, message):
    with pytest.raises(CatalogueImportError) as exc:
        catalogue_import(store=store, data=data)
    assert str(exc.value.errors[0]).startswith(message)
    assert Product.objects.count() == 0


def thousand_rows() -> bytes:
    groups = ["Thực phẩm", "Do uong", "Thảo dược", "vải và may mặc"]
    return csv_bytes("".join(f"SKU-{i:04d},Sản phẩm thử số {i},Mô tả {i},{10000 + i},{i % 50},kg,{groups[i % 4]}\n"
                             for i in range(1000)))


def test_thousand_rows_in_bulk_then_reimport_changes_nothing(store):
    data = thousand_rows()
    with CaptureQueriesContext(connection) as ctx:
        result = catalogue_import(store=store, data=data)
    assert result.created == 1000
    inserts = [q for q in ctx.captured_queries if q["sql"].startswith("INSERT")]
    # Multi-row INSERTs, not 1,000 saves: batches of 500 (SQLite's 999-variable limit makes ~66 rows each).
    # Besides them a constant 7: groups, savepoint, existing SKUs, taken slugs, release, and the two
    # the page cache reads to know which listings the new products reach (marketplace/page_cache.py).
    assert 1 <= len(inserts) <= 16 and len(ctx.captured_queries) <= len(inserts) + 7
    stamps = dict(Product.objects.values_list("sku", "updated_at"))
    assert len(set(Product.objects.values_list("slug", flat=True))) == 1000

    with CaptureQueriesContext(connection) as ctx:
        again = catalogue_import(store=store, data=data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1000)
    assert not [q for q in ctx.captured_queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]
    assert dict(Product.objects.values_list("sku", "updated_at")) == stamps


def test_reimport_updates_changed_rows_only(store):
    catalogue_import(store=store, data=csv_bytes("A,Trà,,1000,1,hộp,Đồ uống\nB,Cà phê,,2000,1,gói,Đồ uống\n"))
    b_stamp = Product.objects.get(sku="B").updated_at
    result = catalogue_import(store=store, data=csv_bytes("A,Trà sen,,1500,1,hộp,Đồ uống\n"
                                                          "B,Cà phê,,2000,1,gói,Đồ uống\n"))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    a = Product.objects.get(sku="A")
    assert (a.name, a.price) == ("Trà sen", 1500)
    assert Product.objects.get(sku="B").updated_at == b_stamp


def test_same_sku_in_another_store_is_not_touched(store, other_store):
    theirs = ProductFactory(store=other_store, sku="A", price=9)
    catalogue_import(store=store, data=csv_bytes("A,Trà,,1000,1,hộp,Đồ uống\n"))
    theirs.refresh_from_db()
    assert theirs.price == 9 and Product.objects.for_store(store).get(sku="A").price == 1000


def test_export_round_trips(store):
    catalogue_import(store=store, data=csv_bytes('A,"Trà, sen",<p>Hương sen</p>,1000,4,hộp,Đồ uống\n'))
    text = catalogue_export(store=store)
    assert text == ("\ufeffsku,name,description,price,stock,unit,category\r\n"
                    "A,\"Trà, sen\",<p>Hương sen</p>,1000,4,hộp,Đồ uống\r\n")
    assert catalogue_import(store=store, data=text.encode()).unchanged == 1


def test_dashboard_upload_and_errors(seller_client, store):
    bad = SimpleUploadedFile("sp.csv", csv_bytes("A,Trà,,0,1,hộp,Đồ uống\n"), content_type="text/csv")
    response = seller_client.post("/seller/import/", {"file": bad})
    assert response.status_code == 400
    assert response.context["errors"] == ["Dòng 2: giá “0” không phải số đồng nguyên lớn hơn 0."]
    assert "Dòng 2: giá" in response.content.decode()
    good = SimpleUploadedFile("sp.csv", csv_bytes("A,Trà,,1000,1,hộp,Đồ uống\n"), content_type="text/csv")
    response = seller_client.post("/seller/import/", {"file": good})
    assert response.status_code == 302
    assert Product.objects.for_store(store).get(sku="A").category == Category.objects.get(slug="do-uong")
    export = seller_client.get("/seller/export.csv")
    assert export["Content-Type"] == "text/csv; charset=utf-8"
    assert export.content.decode("utf-8-sig").splitlines()[1] == "A,Trà,,1000,1,hộp,Đồ uống"


def test_management_command(store, tmp_path):
    path = tmp_path / "sp.csv"
    path.write_bytes(csv_bytes("A,Trà,,1000,1,hộp,Đồ uống\n"))
    out = io.StringIO()
    call_command("import_products", str(path), "--store", store.slug, stdout=out)
    assert out.getvalue().strip() == "Cửa hàng của tôi: 1 mới, 0 cập nhật, 0 không đổi."
    path.write_bytes(csv_bytes("B,,,1000,1,hộp,Đồ uống\n"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="Không nhập sản phẩm nào: 1 lỗi."):
        call_command("import_products", str(path), "--store", store.slug, stderr=err)
    assert err.getvalue().strip() == "Dòng 2: tên sản phẩm đang trống."
    with pytest.raises(CommandError, match="Không có gian hàng “khong-co”."):
        call_command("import_products", str(path), "--store", "khong-co")
    assert Product.objects.count() == 1


def test_import_enqueues_search_indexing_of_changed_products_after_commit(store, django_capture_on_commit_callbacks):
    from core.models import OutboxMessage

    catalogue_import(store=store, data=csv_bytes("A,Trà,,1000,1,hộp,Đồ uống\n"))
    OutboxMessage.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        catalogue_import(store=store, data=csv_bytes("A,Trà,,1000,1,hộp,Đồ uống\nB,Cà phê,,2000,1,gói,Đồ uống\n"))
    # One task for the whole file, with only the changed product (A is unchanged), written with
    # the import (the outbox) and not sent before commit.
    expected = [("search.tasks.index_objects", ["product", [Product.objects.get(sku="B").pk]], None)]
    assert list(OutboxMessage.objects.values_list("task", "args", "sent_at")) == expected
    for callback in callbacks:  # commit
        callback()
    assert OutboxMessage.objects.get().sent_at is not None


FORMULA_NAMES = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tX", "\rX"]


def _formula_products(store):
    for n, name in enumerate(FORMULA_NAMES, start=1):
        ProductFactory(store=store, sku=f"S{n}", name=name, description="", price=1000 * n, stock=n, unit="hũ")
    ProductFactory(store=store, sku="-07", name="Mật ong", description="-giảm giá", price=7000, stock=0, unit="hũ")


def test_export_neutralises_formula_cells_and_keeps_numbers(seller_client, store):
    _formula_products(store)
    response = seller_client.get("/seller/export.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["sku", "name", "description", "price", "stock", "unit", "category"],
        ["'-07", "Mật ong", "'-giảm giá", "7000", "0", "hũ", "Thực phẩm"],
        ["S1", "'=HYPERLINK(\"http://x\")", "", "1000", "1", "hũ", "Thực phẩm"],
        ["S2", "'+1", "", "2000", "2", "hũ", "Thực phẩm"],
        ["S3", "'-2", "", "3000", "3", "hũ", "Thực phẩm"],
        ["S4", "'@SUM(A1)", "", "4000", "4", "hũ", "Thực phẩm"],
        ["S5", "'\tX", "", "5000", "5", "hũ", "Thực phẩm"],
        ["S6", "'\rX", "", "6000", "6", "hũ", "Thực phẩm"],
    ]


def test_neutralised_export_round_trips_through_an_edit(store):
    _formula_products(store)
    before = {p.sku: (p.name, p.description, p.price, p.stock) for p in Product.objects.for_store(store)}
    exported = catalogue_export(store=store)
    assert catalogue_import(store=store, data=exported.encode()).unchanged == 7  # nothing read differently

    rows = list(csv.reader(io.StringIO(exported.lstrip("\ufeff"))))
    for row in rows[1:]:
        row[3] = str(int(row[3]) + 1)  # the seller raises every price by 1 đồng in a spreadsheet
    edited = io.StringIO()
    csv.writer(edited).writerows(rows)
    result = catalogue_import(store=store, data=edited.getvalue().encode())
    assert (result.created, result.updated, result.unchanged) == (0, 7, 0)
    after = {p.sku: (p.name, p.description, p.price, p.stock) for p in Product.objects.for_store(store)}
    assert after == {sku: (name, description, price + 1, stock) for sku, (name, description, price, stock)
                     in before.items()}
    assert after["S1"][0] == '=HYPERLINK("http://x")' and after["-07"][1] == "-giảm giá"
