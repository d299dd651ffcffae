"""A real OCOP catalogue imports in full: handicrafts and community tourism with their own
units, group names as provinces write them, semicolons and the encodings Excel writes on
Vietnamese Windows, and a template to start from."""

import csv
import io
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from marketplace.models import Product
from marketplace.services.catalogue_csv import CatalogueImportError, catalogue_import, catalogue_template

pytestmark = pytest.mark.django_db
CATALOGUE = Path(__file__).parent / "data" / "ocop_catalogue_60.csv"


def upload(client, data: bytes, name="danh-muc.csv", **kwargs):
    return client.post("/seller/import/", {"file": SimpleUploadedFile(name, data, content_type="text/csv")}, **kwargs)


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_the_60_line_catalogue_from_several_provinces_imports_in_full(seller_client, store):
    response = upload(seller_client, CATALOGUE.read_bytes(), follow=True)
    assert response.redirect_chain == [("/seller/products/", 302)]
    assert messages_of(response) == ["Đã nhập xong: 60 mới, 0 cập nhật, 0 không đổi."]

    products = {p.sku: p for p in Product.objects.for_store(store).select_related("category")}
    assert len(products) == 60
    assert {p.status for p in products.values()} == {"draft"}
    assert Counter(p.category.slug for p in products.values()) == {
        "thuc-pham": 16, "do-uong": 10, "thao-duoc": 8, "vai-may-mac": 6, "luu-niem-noi-that-trang-tri": 12,
        "dich-vu-du-lich-nong-thon": 8}
    assert Counter(p.unit for p in products.values()) == {
        "hộp": 8, "gói": 6, "cái": 4, "bức": 4, "chai": 4, "hũ": 4, "đêm": 4, "kg": 3, "túi": 3, "chiếc": 3,
        "tấm": 3, "vé": 3, "ché": 2, "lọ": 2, "bộ": 2, "chục": 1, "lốc": 1, "bánh": 1, "mét": 1, "suất": 1}

    def row(sku):
        p = products[sku]
        return p.name, p.price, p.stock, p.unit, p.category.slug

    assert row("CM-MO-500") == ("Mật ong rừng U Minh 500 ml", 185000, 40, "chai", "thuc-pham")  # "Chai"
    assert row("CM-KHO-01")[1:] == (280000, 18, "kg", "thuc-pham")  # "280,000", "THỰC PHẨM"
    assert row("AG-DUONG-01")[1:] == (65000, 80, "hũ", "thuc-pham")  # "65 000", "Hủ", "thuc pham"
    assert row("DT-SEN-01")[1] == 120000  # "120.000đ"
    assert row("CT-GAO-5")[1] == 210000  # "210.000 ₫"
    assert row("SL-THIT-01")[1] == 1200000  # "1.200.000 VND"
    assert row("DT-NEM-01")[3] == "chục"  # a unit no list has
    assert row("GL-RUOU-02") == ("Rượu cần Jrai (ché 5 lít)", 650000, 10, "ché", "do-uong")
    assert products["GL-RUOU-02"].description == "Ủ men lá rừng; uống bằng cần tre, Gia Lai"  # quoted ";"
    assert row("NB-CHIEU-02") == ("Chiếu cói in hoa 1,8 m", 420000, 15, "tấm", "luu-niem-noi-that-trang-tri")
    assert row("BN-TRANH-01")[3:] == ("bức", "luu-niem-noi-that-trang-tri")  # en dashes
    assert row("LD-TRANH-01")[3:] == ("bức", "luu-niem-noi-that-trang-tri")  # no diacritics
    assert row("VL-LB-01")[4] == "luu-niem-noi-that-trang-tri"  # commas
    assert row("QNG-SAM-01")[1:] == (2500000, 5, "hũ", "thao-duoc")
    assert row("HN-KHAN-02")[4] == "vai-may-mac"  # "Vải, may mặc"
    assert row("LC-HOME-01") == ("Homestay bản Cát Cát, phòng đôi", 450000, 6, "đêm", "dich-vu-du-lich-nong-thon")
    assert row("SL-HOME-01")[3:] == ("đêm", "dich-vu-du-lich-nong-thon")  # "Đêm", the official long name
    assert row("DLK-VE-01")[3:] == ("vé", "dich-vu-du-lich-nong-thon")  # "Vé", "dich vu du lich cong dong"
    assert row("CT-TOUR-01")[3] == "suất"

    # The same file again changes nothing.
    response = upload(seller_client, CATALOGUE.read_bytes(), follow=True)
    assert messages_of(response) == ["Đã nhập xong: 0 mới, 0 cập nhật, 60 không đổi."]


@pytest.mark.parametrize("written", [
    "Lưu niệm - nội thất - trang trí", "Lưu niệm – nội thất – trang trí", "LUU NIEM-NOI THAT-TRANG TRI",
    "Lưu niệm, nội thất, trang trí", "Lưu niệm — nội thất — trang trí.", "luu-niem-noi-that-trang-tri",
])
def test_souvenir_group_as_typed(store, written):
    catalogue_import(store=store, data=f"sku,name,description,price,stock,unit,category\nA,Chiếu,,1000,1,tấm,"
                                       f'"{written}"\n'.encode())
    assert Product.objects.get(sku="A").category.slug == "luu-niem-noi-that-trang-tri"


@pytest.mark.parametrize("written", [
    "Dịch vụ du lịch cộng đồng, du lịch nông thôn và điểm du lịch", "Dịch vụ du lịch cộng đồng",
    "DICH VU DU LICH CONG DONG", "Du lịch cộng đồng", "Du lịch nông thôn", "Dịch vụ du lịch nông thôn",
    "Dịch vụ du lịch nông thôn và bán hàng",
])
def test_tourism_group_by_its_official_long_and_short_names(store, written):
    catalogue_import(store=store, data=f'sku,name,description,price,stock,unit,category\nA,Homestay,,1000,1,đêm,'
                                       f'"{written}"\n'.encode())
    assert Product.objects.get(sku="A").category.slug == "dich-vu-du-lich-nong-thon"


def cp1258(text: str) -> bytes:
    """Text as Windows code page 1258 stores it: base letters precomposed where the code page
    has them, tone marks as combining characters."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return out


def test_plain_csv_from_excel_on_vietnamese_windows(seller_client, store):
    """Excel's plain "CSV" there: code page 1258, semicolons, and sometimes its "sep=;" line."""
    text = ("sep=;\r\nsku;name;description;price;stock;unit;category\r\n"
            "NB-CHIEU-01;Chiếu cói Kim Sơn;Dệt tay, Ninh Bình;350.000;20;Tấm;Lưu niệm - nội thất - trang trí\r\n"
            "HUE-VE-01;Vé làng hương Thủy Xuân;;80.000;150;vé;Dịch vụ du lịch cộng đồng\r\n")
    assert b"\xd2" in cp1258(text)  # a combining hook above: really the code page, not Latin-1
    response = upload(seller_client, cp1258(text))
    assert response.status_code == 302
    rows = {p.sku: (p.name, p.description, p.price, p.unit, p.category.slug)
            for p in Product.objects.for_store(store).select_related("category")}
    assert rows == {
        "NB-CHIEU-01": ("Chiếu cói Kim Sơn", "Dệt tay, Ninh Bình", 350000, "tấm", "luu-niem-noi-that-trang-tri"),
        "HUE-VE-01": ("Vé làng hương Thủy Xuân", "", 80000, "vé", "dich-vu-du-lich-nong-thon"),
    }
    assert unicodedata.is_normalized("NFC", rows["NB-CHIEU-01"][0])


def test_semicolon_file_errors_name_the_spreadsheet_rows(seller_client, store):
    data = ("\ufeffMã;Tên sản phẩm;Mô tả;Giá bán;Tồn kho;Đơn vị tính;Nhóm\r\n"
            "A;Trà sen;;120.000;5;hộp;Đồ uống\r\n"
            "B;Chiếu cói;;350,5;5;tấm;Lưu niệm - nội thất - trang trí\r\n"
            "C;Homestay;;-400.000;5;đêm;Du lịch sinh thái biển\r\n").encode()
    response = upload(seller_client, data)
    assert response.status_code == 400
    assert response.context["errors"] == [
        "Dòng 3: giá “350,5” không rõ ràng: hãy ghi số đồng nguyên, dùng dấu chấm ngăn cách hàng nghìn, ví dụ 120.000.",
        "Dòng 4: giá “-400.000” là số âm; không có nhóm sản phẩm “Du lịch sinh thái biển”.",
    ]
    assert Product.objects.count() == 0


def test_tab_separated_file_with_vietnamese_headers_without_diacritics(store):
    data = "ma\tten san pham\tmo ta\tgia\tton kho\tdon vi tinh\tnhom\nA\tTrà\t\t45.000\t3\tgói\tDo uong\n".encode()
    result = catalogue_import(store=store, data=data)
    assert result.created == 1
    assert Product.objects.filter(sku="A", price=45000, unit="gói", category__slug="do-uong").exists()


def test_a_file_in_a_legacy_font_encoding_is_refused_not_garbled(store):
    vni = b"sku;name;description;price;stock;unit;category\nA;Cho\xf8 co\xe2i;;1000;1;ta\xefm;Thuc pham\n"  # VNI
    with pytest.raises(CatalogueImportError) as exc:
        catalogue_import(store=store, data=vni)
    assert [str(e) for e in exc.value.errors] == [
        "Tệp không phải văn bản UTF-8. Hãy lưu dưới dạng “CSV UTF-8” rồi thử lại."]
    assert Product.objects.count() == 0


def test_template_download_is_linked_and_imports_as_it_is(seller_client, store):
    page = seller_client.get("/seller/import/").content.decode()
    assert '<a href="/seller/import/template.csv" download>Tải tệp mẫu (CSV) về và điền vào</a>' in page
    assert "sku;name;description;price;stock;unit;category\r\nMO-500;" in page  # the example shown is the template

    response = seller_client.get("/seller/import/template.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-san-pham.csv"'
    assert response.content.startswith("\ufeff".encode())
    assert response.content.decode() == catalogue_template()
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["sku", "name", "description", "price", "stock", "unit", "category"],
        ["MO-500", "Mật ong rừng U Minh 500 ml", "Mật ong nguyên chất, khai thác tự nhiên", "185.000", "40", "chai",
         "Thực phẩm"],
        ["CHIEU-01", "Chiếu cói Kim Sơn 1,6 m", "Dệt tay từ cói Kim Sơn, Ninh Bình", "350.000", "12", "tấm",
         "Lưu niệm - nội thất - trang trí"],
    ]
    response = upload(seller_client, response.content, name="mau-nhap-san-pham.csv")
    assert response.status_code == 302
    assert sorted(Product.objects.for_store(store).values_list("sku", "price", "unit")) == [
        ("CHIEU-01", 350000, "tấm"), ("MO-500", 185000, "chai")]


def test_template_needs_a_seller(client):
    response = client.get("/seller/import/template.csv")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
