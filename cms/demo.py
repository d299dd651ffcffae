"""Demo content for the programme site: home page, about, FAQ, policies, site settings,
programme news."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings as conf
from django.utils import timezone
from wagtail.models import Site

from cms.models import HomePage, NewsIndexPage, NewsPage, SiteSettings, StandardPage
from core.demo import demo_image

HOME = {
    "hero_title": "Sản phẩm OCOP, mua trực tiếp từ người làm ra",
    "hero_text": "Nước mắm, mật ong, trà, gốm, thổ cẩm… từ hộ kinh doanh, hợp tác xã và doanh nghiệp nhỏ "
                 "khắp các tỉnh, được chứng nhận 3 đến 5 sao. Thanh toán khi nhận hàng.",
    "hero_cta_label": "Xem sản phẩm",
    "hero_cta_url": "/products/",
    "intro": "<p><b>Chợ Số OCOP</b> là sàn thương mại điện tử của Chương trình Mỗi xã một sản phẩm. "
             "Người bán được hướng dẫn mở gian hàng, học kỹ năng số và được cán bộ chương trình xác minh "
             "chứng nhận OCOP trước khi sản phẩm hiển thị số sao.</p>",
}

PAGES = [
    {
        "slug": "gioi-thieu", "title": "Giới thiệu", "menu": True,
        "lead": "Đưa sản phẩm OCOP của hộ kinh doanh và hợp tác xã lên môi trường số.",
        "body": [
            ("heading", "Chúng tôi làm gì"),
            ("paragraph", "<p>Chợ Số OCOP giúp người sản xuất mở gian hàng trực tuyến, đăng sản phẩm bằng điện "
                          "thoại, nhận đơn và giao hàng thu tiền tận nơi. Cán bộ chương trình duyệt hồ sơ người "
                          "bán và xác minh giấy chứng nhận OCOP.</p>"),
            ("heading", "Vì sao cần đào tạo"),
            ("paragraph", "<p>Nhiều hộ đã có tài khoản nhưng ít hộ thực sự bán hàng. Mỗi người bán hoàn thành khoá "
                          "<i>Bán hàng trực tuyến cơ bản</i> trước khi gian hàng được mở.</p>"),
            ("callout", {"tone": "tip", "title": "Người mua ở nông thôn",
                         "text": "<p>Trang nhẹ, dùng tốt trên điện thoại và mạng yếu, không cần JavaScript.</p>"}),
        ],
    },
    {
        "slug": "cau-hoi-thuong-gap", "title": "Câu hỏi thường gặp", "menu": True,
        "lead": "Những điều người mua và người bán hay hỏi.",
        "body": [
            ("faq", {"title": "Người mua", "items": [
                {"question": "Sao OCOP trên sản phẩm có nghĩa là gì?",
                 "answer": "<p>Sản phẩm được Hội đồng đánh giá OCOP cấp tỉnh (hoặc trung ương với 5 sao) chấm "
                           "điểm và công nhận từ 3 đến 5 sao. Sao chỉ hiển thị khi giấy chứng nhận đã được xác minh "
                           "và còn hiệu lực.</p>"},
                {"question": "Tôi có thể trả tiền khi nhận hàng không?",
                 "answer": "<p>Có. Thanh toán khi nhận hàng (COD) luôn có sẵn.</p>"},
            ]}),
            ("faq", {"title": "Người bán", "items": [
                {"question": "Hộ kinh doanh chưa có mã số thuế có đăng ký được không?",
                 "answer": "<p>Được. Mã số thuế không bắt buộc với hộ kinh doanh.</p>"},
                {"question": "Khi nào gian hàng của tôi được hiển thị?",
                 "answer": "<p>Khi hồ sơ được duyệt, thông tin gian hàng đầy đủ, bạn hoàn thành khoá học bắt buộc, "
                           "đăng ít nhất một sản phẩm và khai báo tài khoản nhận tiền.</p>"},
            ]}),
        ],
    },
    {
        "slug": "chinh-sach", "title": "Chính sách", "menu": False,
        "lead": "Điều khoản sử dụng, bảo vệ dữ liệu cá nhân, đổi trả và giao hàng.",
        "body": [
            ("heading", "Bảo vệ dữ liệu cá nhân"),
            ("paragraph", "<p>Chúng tôi chỉ thu thập dữ liệu cần cho việc mua bán và chương trình, theo Nghị định "
                          "13/2023/NĐ-CP. Giấy tờ của người bán chỉ cán bộ chương trình được xem.</p>"),
            ("heading", "Đổi trả"),
            ("paragraph", "<p>Người mua kiểm tra hàng khi nhận; sản phẩm lỗi được đổi trong 7 ngày.</p>"),
        ],
    },
]


NEWS_INDEX = {"slug": "tin-tuc", "title": "Tin tức", "lead": "Tin hoạt động của Chương trình OCOP và Chợ Số OCOP."}

NEWS = [
    {
        "slug": "khai-truong-cho-so-ocop", "days_ago": 40, "title": "Khai trương sàn Chợ Số OCOP",
        "author": "Văn phòng Điều phối OCOP", "tags": ["Chương trình", "Thương mại điện tử"],
        "colour": (31, 111, 67),
        "lead": "Sàn thương mại điện tử của Chương trình Mỗi xã một sản phẩm chính thức mở cửa, với những gian "
                "hàng đầu tiên của hộ kinh doanh và hợp tác xã trong tỉnh.",
        "body": [
            ("paragraph", "<p>Người mua có thể tìm sản phẩm OCOP theo nhóm, theo số sao và theo tỉnh, thanh toán "
                          "khi nhận hàng hoặc bằng thẻ. Mỗi gian hàng đều được cán bộ chương trình duyệt hồ sơ "
                          "trước khi mở.</p>"),
            ("heading", "Người bán được hỗ trợ từ đầu"),
            ("paragraph", "<p>Hộ kinh doanh nộp hồ sơ trực tuyến, học khoá <i>Bán hàng trực tuyến cơ bản</i> "
                          "và được hướng dẫn chụp ảnh, đăng sản phẩm bằng điện thoại.</p>"),
        ],
    },
    {
        "slug": "tap-huan-ky-nang-so-cho-ho-kinh-doanh", "days_ago": 21,
        "title": "Tập huấn kỹ năng số cho 120 hộ kinh doanh OCOP", "author": "Phòng Kinh tế",
        "tags": ["Đào tạo", "Chương trình"], "colour": (201, 138, 0),
        "lead": "Ba lớp tập huấn tại xã giúp các hộ sản xuất mở gian hàng, chụp ảnh sản phẩm và xử lý đơn hàng "
                "trên điện thoại.",
        "body": [
            ("paragraph", "<p>Sau mỗi buổi, học viên tiếp tục học trực tuyến và nhận chứng nhận khi hoàn thành "
                          "khoá học. Gian hàng chỉ được mở khi chủ hộ đã hoàn thành khoá học bắt buộc.</p>"),
            ("callout", {"tone": "tip", "title": "Đăng ký lớp tiếp theo",
                         "text": "<p>Liên hệ đường dây nóng 1900 6868 hoặc cán bộ OCOP của xã.</p>"}),
        ],
    },
    {
        "slug": "thanh-toan-khong-dung-tien-mat", "days_ago": 7,
        "title": "Khuyến khích thanh toán không dùng tiền mặt trên Chợ Số OCOP", "author": "Văn phòng Điều phối OCOP",
        "tags": ["Thanh toán", "Thương mại điện tử"], "colour": (59, 111, 182),
        "lead": "Bên cạnh thanh toán khi nhận hàng, người mua có thể trả bằng thẻ hoặc chuyển khoản VietQR; "
                "tiền được đối soát và chuyển cho người bán định kỳ.",
        "body": [
            ("paragraph", "<p>Tỷ lệ thanh toán không dùng tiền mặt là một trong các chỉ tiêu chuyển đổi số của "
                          "tỉnh. Chương trình theo dõi chỉ số này hằng tuần trên bảng số liệu.</p>"),
        ],
    },
]


def seed_news(home: HomePage) -> NewsIndexPage:
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = NewsIndexPage(title=NEWS_INDEX["title"], slug=NEWS_INDEX["slug"], lead=NEWS_INDEX["lead"],
                              show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    today = timezone.localdate()
    for spec in NEWS:
        if NewsPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            continue
        article = NewsPage(title=spec["title"], slug=spec["slug"], author=spec["author"], lead=spec["lead"],
                           date=today - datetime.timedelta(days=spec["days_ago"]), body=spec["body"],
                           cover_image=demo_image(f"Tin: {spec['title']}", colour=spec["colour"], size=(960, 540)))
        article.tags.add(*spec["tags"])
        index.add_child(instance=article)
        article.save_revision().publish()
    return index


def point_site_at(site_url: str) -> Site:
    """Give the default Wagtail Site the host and port of `site_url` (SITE_URL), so the
    addresses Wagtail writes (sitemap.xml, the admin's "view live", full page URLs) name
    the host the site answers on, as e-mails and certificate QR codes do. Wagtail infers
    the scheme from the port: 443 is https, any other port http."""
    parts = urlsplit(site_url)
    hostname = parts.hostname or "localhost"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.get(is_default_site=True)
    taken = Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists()
    if (site.hostname, site.port) != (hostname, port) and not taken:
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site


def seed_site(out) -> HomePage:
    home = HomePage.objects.first()
    if not home.hero_image_id or home.hero_title != HOME["hero_title"]:
        for field, value in HOME.items():
            setattr(home, field, value)
        home.hero_image = demo_image("Ảnh bìa trang chủ", colour=(31, 111, 67), size=(1280, 540))
        home.save_revision().publish()
    site = point_site_at(conf.SITE_URL)
    for spec in PAGES:
        if home.get_children().filter(slug=spec["slug"]).exists():
            continue
        page = StandardPage(title=spec["title"], slug=spec["slug"], lead=spec["lead"], body=spec["body"],
                            show_in_menus=spec["menu"])
        home.add_child(instance=page)
        page.save_revision().publish()
    settings = SiteSettings.for_site(site)
    if not settings.hotline:
        about = home.get_children().get(slug="gioi-thieu")
        policies = home.get_children().get(slug="chinh-sach")
        settings.office_name = "Văn phòng Điều phối Chương trình OCOP tỉnh"
        settings.office_address = "Số 1 Lê Lợi, phường Thuận Hoá, thành phố Huế"
        settings.hotline = "1900 6868"
        settings.contact_email = "hotro@choso-ocop.vn"
        settings.facebook_url = "https://www.facebook.com/"
        settings.zalo_url = "https://zalo.me/"
        settings.footer_links = [("link", {"label": "Giới thiệu", "page": about, "url": ""}),
                                 ("link", {"label": "Chính sách", "page": policies, "url": ""})]
        settings.save()
    index = seed_news(home)
    out(f"Site: {home.title} at {site.root_url}/, {home.get_children().count()} pages, "
        f"{NewsPage.objects.child_of(index).count()} news articles")
    return home
