from django.conf import settings

from accounts.models import User


def seed_accounts(out) -> User:
    """The admin account (superuser, staff) whose credentials seed_demo prints."""
    admin, created = User.objects.get_or_create(
        email=settings.DEMO_ADMIN_EMAIL,
        defaults={"full_name": "Quản trị viên", "is_staff": True, "is_superuser": True},
    )
    if created:
        admin.set_password(settings.DEMO_ADMIN_PASSWORD)
        admin.save()
    out(f"Admin: {settings.DEMO_ADMIN_EMAIL} / {settings.DEMO_ADMIN_PASSWORD}  (http://127.0.0.1:8000/admin/)")
    return admin


# Demo applicants, one per state, and the officers who reviewed them.
DEMO_OFFICERS = (("canbo@choso-ocop.vn", "Phạm Minh Tuấn", None), ("canbo.hue@choso-ocop.vn", "Hồ Thị Thu", "Huế"))
DEMO_APPLICATIONS = (
    # (e-mail, applicant, state, producer type, legal name, trading name, tax code, province)
    ("dangky.nhap@choso-ocop.vn", "Lê Văn Bình", "draft", "household", "Hộ kinh doanh Lê Văn Bình",
     "Bánh ép Bình An", "", "Huế"),
    ("dangky.cho@choso-ocop.vn", "Đỗ Thị Hằng", "submitted", "cooperative", "Hợp tác xã Chè Tân Cương Xanh",
     "Chè Tân Cương Xanh", "0100686209", "Thái Nguyên"),
    ("dangky.sua@choso-ocop.vn", "Nguyễn Văn Hải", "changes_requested", "enterprise",
     "Công ty TNHH Nước mắm Cửa Việt", "Nước mắm Cửa Việt", "0300588569", "Quảng Trị"),
    ("dangky.tuchoi@choso-ocop.vn", "Trần Thị Mơ", "rejected", "household", "Hộ kinh doanh Trần Thị Mơ",
     "Mứt gừng Mơ", "", "Huế"),
    ("dangky.duyet@choso-ocop.vn", "Phan Thị Sen", "approved", "cooperative", "Hợp tác xã Sen Tịnh Tâm",
     "Sen Tịnh Tâm Huế", "0100112437", "Huế"),
)
_DEMO_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _demo_officers():
    from django.contrib.auth.models import Group

    from accounts.roles import PROGRAMME_OFFICERS
    from core import divisions
    from onboarding.models import OfficerScope

    officers = []
    for email, name, province in DEMO_OFFICERS:
        user, created = User.objects.get_or_create(email=email, defaults={"full_name": name})
        if created:
            user.set_password(settings.DEMO_ADMIN_PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name=PROGRAMME_OFFICERS))
            if province:
                OfficerScope.objects.create(user=user, province_codes=[divisions.province_code_for_name(province)])
        officers.append(user)
    return officers[0]


def _demo_application(officer, email, full_name, state, producer_type, legal_name, trading_name, tax_code, province):
    """Written directly (not through the services) so seeding sends no e-mails; the events
    tell the same story the services would have recorded."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from core import divisions
    from marketplace.models import Category
    from marketplace.services.lifecycle import store_open_for_approved_application
    from onboarding.models import ApplicationDocument, ApplicationEvent, SellerApplication
    from onboarding.models import ApplicationStatus as S

    applicant = User.objects.create(email=email, full_name=full_name)
    applicant.set_password(settings.DEMO_ADMIN_PASSWORD)
    applicant.save()
    province_code = divisions.province_code_for_name(province)
    application = SellerApplication.objects.create(
        applicant=applicant, producer_type=producer_type, legal_name=legal_name, trading_name=trading_name,
        tax_code=tax_code)
    if state == S.DRAFT:
        return
    now = timezone.now()
    SellerApplication.objects.filter(pk=application.pk).update(
        registration_number=f"{province_code:02d}-{application.pk:06d}", representative_name=applicant.full_name,
        representative_phone="0912345678", province_code=province_code,
        ward_code=divisions.ward_choices(province_code)[0][0], street="Thôn Đông", terms_accepted_at=now,
        submitted_at=now, status=state)
    application.refresh_from_db()
    application.categories.set(Category.objects.filter(parent__isnull=True)[:1])
    for kind in ApplicationDocument.Kind.values:
        document = ApplicationDocument(application=application, kind=kind, content_type="application/pdf",
                                       size=len(_DEMO_PDF), original_name=f"{kind}.pdf")
        document.file.save(f"{kind}.pdf", ContentFile(_DEMO_PDF), save=False)
        document.save()
    ApplicationEvent.objects.create(application=application, actor=applicant, from_status=S.DRAFT,
                                    to_status=S.SUBMITTED)
    if state == S.CHANGES_REQUESTED:
        notes = {"representative_id": "Ảnh căn cước bị mờ, vui lòng chụp lại."}
        application.field_notes = notes
        application.save(update_fields=["field_notes"])
        ApplicationEvent.objects.create(application=application, actor=officer, from_status=S.SUBMITTED,
                                        to_status=state, field_notes=notes)
    elif state == S.REJECTED:
        ApplicationEvent.objects.create(application=application, actor=officer, from_status=S.SUBMITTED,
                                        to_status=state, note="Sản phẩm chưa có giấy chứng nhận an toàn thực phẩm.")
    elif state == S.APPROVED:
        from django.contrib.auth.models import Group

        from accounts.roles import SELLERS

        application.store = store_open_for_approved_application(
            owner=applicant, name=application.trading_name or application.legal_name,
            producer_type=application.producer_type, province_code=application.province_code,
            ward_code=application.ward_code, street=application.street, phone=application.representative_phone,
            approved_at=now)
        application.decided_at = now
        application.save(update_fields=["store", "decided_at"])
        applicant.groups.add(Group.objects.get(name=SELLERS))
        ApplicationEvent.objects.create(application=application, actor=officer, from_status=S.SUBMITTED,
                                        to_status=state, note="Hồ sơ đầy đủ.")


def seed_applications(out) -> None:
    """Seller applications in each state, with their applicants and two officers (one
    limited to Huế). Idempotent: an applicant who exists is left as they are."""
    officer = _demo_officers()
    created = 0
    for email, *rest in DEMO_APPLICATIONS:
        if User.objects.filter(email=email).exists():
            continue
        _demo_application(officer, email, *rest)
        created += 1
    out(f"Seller applications: {len(DEMO_APPLICATIONS)} demo applicants ({created} new), one per state; "
        f"officers {DEMO_OFFICERS[0][0]} (all provinces) and {DEMO_OFFICERS[1][0]} (Huế), "
        f"password {settings.DEMO_ADMIN_PASSWORD}")


def seed_store_applications(out) -> None:
    """The demo stores (seeded live by the catalogue) came through the programme too: each
    gets the approved application that opened it, so the checklist, the review queue and
    the programme figures tell one story. Idempotent: stores with an application are skipped."""
    from django.utils import timezone

    from marketplace.models import StoreMember
    from onboarding.models import ApplicationEvent, SellerApplication
    from onboarding.models import ApplicationStatus as S

    officer = _demo_officers()
    now = timezone.now()
    created = 0
    owners = (StoreMember.objects.filter(role=StoreMember.Role.OWNER, store__application__isnull=True)
              .select_related("store", "user").order_by("store_id"))
    for member in owners:
        store = member.store
        application = SellerApplication.objects.create(
            applicant=member.user, status=S.APPROVED, producer_type=store.producer_type, legal_name=store.name,
            trading_name=store.name, registration_number=f"{store.province_code:02d}-DEMO-{store.pk:05d}",
            representative_name=member.user.full_name, representative_phone=store.phone,
            province_code=store.province_code, ward_code=store.ward_code, street=store.street,
            terms_accepted_at=now, submitted_at=now, decided_at=now, store=store)
        ApplicationEvent.objects.create(application=application, actor=member.user, from_status=S.DRAFT,
                                        to_status=S.SUBMITTED)
        ApplicationEvent.objects.create(application=application, actor=officer, from_status=S.SUBMITTED,
                                        to_status=S.APPROVED, note="Hồ sơ đầy đủ.")
        created += 1
    out(f"Seller applications: the demo stores' approved applications ({created} new)")
