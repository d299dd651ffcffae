"""The training section's fixed structure, created by a data migration (and re-checked
by seed_demo): the /training/ index page, what Trainers and Programme officers may do
there, and the review workflow.

Trainers add and edit course pages but cannot publish; every change they submit goes to
the "Duyệt khoá học" workflow, whose one task is approved by the Programme officers
group. Approving publishes the page.

Takes an `apps` registry so the migration runs it on historical models (safe when the
models change later) and seed_demo on the live ones. Idempotent: every object is looked
up before it is created.
"""

from django.utils import timezone

TRAINING_SLUG = "training"
TRAINING_TITLE = "Đào tạo"
# Trainers and officers read these names in the admin ("Gửi tới quy trình Duyệt khoá học").
WORKFLOW_NAME = "Duyệt khoá học"
TASK_NAME = "Cán bộ chương trình duyệt"
TRAINERS = "Trainers"
PROGRAMME_OFFICERS = "Programme officers"

# Page permissions on the training index (inherited by every course below it).
TRAINER_PAGE_PERMISSIONS = ("add_page", "change_page")
OFFICER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# Trainers illustrate lessons and attach handouts from the root collection.
# Officers look certificates up and revoke one issued by mistake (no add, no delete).
OFFICER_MODEL_PERMISSIONS = {("training", "certificate"): ("view_certificate", "change_certificate")}
MEDIA_PERMISSIONS = {
    ("wagtailimages", "image"): ("add_image", "choose_image"),
    ("wagtaildocs", "document"): ("add_document", "choose_document"),
}

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path alphabet for Wagtail pages
_STEPLEN = 4


def _next_child_path(Page, parent) -> str:
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    if last is None:
        return parent.path + "0001"
    number = int(last.path[-_STEPLEN:], 36) + 1
    step = ""
    while number:
        number, digit = divmod(number, 36)
        step = _ALPHABET[digit] + step
    return parent.path + step.rjust(_STEPLEN, "0")


def _permission(apps, app_label: str, model: str, codename: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename,
        defaults={"name": f"Can {codename.split('_')[0]} {model}"},
    )
    return permission


def ensure_training_index(apps):
    """The TrainingIndexPage at /training/ (a child of the home page), or None without a home page."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    TrainingIndexPage = apps.get_model("training", "TrainingIndexPage")
    home = Page.objects.filter(depth=2, content_type__app_label="cms", content_type__model="homepage").first()
    if home is None:
        return None
    existing = TrainingIndexPage.objects.filter(path__startswith=home.path, depth=3).first()
    if existing is not None:
        return existing
    content_type, _ = ContentType.objects.get_or_create(app_label="training", model="trainingindexpage")
    now = timezone.now()
    index = TrainingIndexPage.objects.create(
        title=TRAINING_TITLE, draft_title=TRAINING_TITLE, slug=TRAINING_SLUG, content_type=content_type,
        path=_next_child_path(Page, home), depth=home.depth + 1, numchild=0,
        url_path=f"{home.url_path}{TRAINING_SLUG}/", locale_id=home.locale_id, live=True,
        show_in_menus=False, first_published_at=now, last_published_at=now,
        intro="Khoá học miễn phí giúp hộ kinh doanh, hợp tác xã và doanh nghiệp nhỏ bán hàng trực tuyến.",
    )
    Page.objects.filter(pk=home.pk).update(numchild=Page.objects.filter(
        path__startswith=home.path, depth=home.depth + 1).count())
    return index


def ensure_training_setup(apps) -> None:
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    index = ensure_training_index(apps)
    if index is None:
        return
    trainers, _ = Group.objects.get_or_create(name=TRAINERS)
    officers, _ = Group.objects.get_or_create(name=PROGRAMME_OFFICERS)
    for group, codenames in ((trainers, TRAINER_PAGE_PERMISSIONS), (officers, OFFICER_PAGE_PERMISSIONS)):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=index.pk, permission=_permission(apps, "wagtailcore", "page", codename))

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for group in (trainers, officers):
            for (app_label, model), codenames in MEDIA_PERMISSIONS.items():
                for codename in codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection,
                        permission=_permission(apps, app_label, model, codename))

    for (app_label, model), codenames in OFFICER_MODEL_PERMISSIONS.items():
        for codename in codenames:
            officers.permissions.add(_permission(apps, app_label, model, codename))

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True, content_type=task_type)
    task.groups.add(officers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})
