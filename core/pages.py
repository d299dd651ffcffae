"""Page addresses for every page type of the site: ASCII slugs, unique among siblings.

A Vietnamese title gives an ASCII slug ("Bán hàng qua Zalo" → "ban-hang-qua-zalo"), the
same one in the editor's slug box (Wagtail's slug widget, taught Vietnamese letters) and
on the server (`core.text.vietnamese_slugify`), so links stay readable when shared
instead of turning into %-escapes. `WAGTAIL_ALLOW_UNICODE_SLUGS = False` in the settings
makes Wagtail's own widget and copy form ASCII too.

While a page has never been published its slug follows its title, and a slug already
used by a sibling gets a number ("bai-1-2") instead of an error: Wagtail's autosave
would otherwise stop on "slug already in use" for a lesson titled like another one in
its module. Once a page is live, its address changes only when an editor changes the
slug, and a clash is reported (Wagtail then redirects the old address by itself).

`install()` (CoreConfig.ready) gives every page model this form as its base form; a page
model with a form of its own must subclass `AsciiSlugPageForm`.
"""

from __future__ import annotations

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.admin.widgets import SlugInput

from core.text import fold, vietnamese_slugify

SLUG_MAX_LENGTH = 255  # Page.slug


def ascii_slug(text: str) -> str:
    """The ASCII slug of a title or a typed slug ("" when nothing is left)."""
    return vietnamese_slugify(text or "", max_length=SLUG_MAX_LENGTH)


def _first_free(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = slug[:SLUG_MAX_LENGTH - len(suffix)].rstrip("-") + suffix
    return candidate


def unique_child_slug(parent, slug: str, page=None) -> str:
    """`slug`, or `slug-2`, `slug-3`… : the first one no other child of `parent` uses."""
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    return _first_free(slug, set(siblings.filter(slug__startswith=slug).values_list("slug", flat=True)))


def _slug_formatters() -> list[tuple[str, str]]:
    """Regex replacements for Wagtail's slug widget (run before its own ASCII clean-up):
    every precomposed letter that `core.text.fold` turns into one ASCII letter, then the
    combining marks of decomposed text. Built from `fold`, so both sides agree."""
    by_letter: dict[str, list[str]] = {}
    for start, end in ((0x00C0, 0x024F), (0x1E00, 0x1EFF)):
        for point in range(start, end + 1):
            char = chr(point)
            folded = fold(char)
            if len(folded) == 1 and folded.isascii() and folded.isalpha():
                by_letter.setdefault(folded, []).append(char)
    formatters = [(f"[{''.join(chars)}]", letter) for letter, chars in sorted(by_letter.items())]
    formatters.append(("[\\u0300-\\u036f]", ""))
    return formatters


SLUG_FORMATTERS = _slug_formatters()


class AsciiSlugPageForm(WagtailAdminPageForm):
    """The admin form of every page: ASCII slug, made unique among siblings while the page is a draft."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("slug")
        if field is not None:
            widget = SlugInput(formatters=SLUG_FORMATTERS)
            field.widget.attrs["data-w-slug-formatters-value"] = widget.attrs["data-w-slug-formatters-value"]
            field.widget.attrs["data-w-slug-allow-unicode-value"] = False
            # The server makes the slug (from what was typed, or the title): a box left
            # empty or typed with Vietnamese letters is not an error.
            self.fields["slug"] = forms.CharField(max_length=SLUG_MAX_LENGTH, required=False, label=field.label,
                                                  help_text=field.help_text, widget=field.widget)

    @cached_property
    def _slug_follows_title(self) -> bool:
        """A page never published yet: its address is not known to anyone, so it may move."""
        return self.instance.first_published_at is None

    def clean(self):
        if "slug" in self.cleaned_data:
            typed = self.cleaned_data.get("slug") or ""
            slug = ascii_slug(typed) or ascii_slug(self.cleaned_data.get("title") or "")
            if slug and self.parent_page is not None and self._slug_follows_title:
                slug = unique_child_slug(self.parent_page, slug, self.instance)
            if slug:
                self.cleaned_data["slug"] = slug
            elif self.cleaned_data.get("title"):
                self.add_error("slug", _("Type an address for the page with letters or digits."))
        return super().clean()

    def get_field_updates_for_resave(self):
        """After an autosave, put the slug the server chose back into the editor's slug box."""
        updates = list(super().get_field_updates_for_resave())
        slug = getattr(self, "cleaned_data", {}).get("slug")
        name = self.add_prefix("slug")
        if slug and "slug" in self.fields and self.data.get(name) != slug:
            updates.append((name, slug))
        return updates


def install() -> None:
    """Make `AsciiSlugPageForm` the base form of every page model that has no form of its own."""
    from wagtail.models import Page, get_page_models

    for model in get_page_models():
        if model is Page:
            continue
        current = getattr(model, "base_form_class", None)
        if current is None or current is WagtailAdminPageForm:
            model.base_form_class = AsciiSlugPageForm



# --- pages made before slugs were ASCII (data migration core 0003) ----------------------

_STEPLEN = 4  # treebeard's path step for Wagtail pages


def _redirect_path(url_path: str, root_url_path: str) -> str:
    """The path a visitor typed for a page, as Wagtail's Redirect stores it (no trailing slash)."""
    path = "/" + url_path[len(root_url_path):]
    return path.rstrip("/") or "/"


def ascii_slugs_for_existing_pages(apps) -> list[tuple[str, str]]:
    """Give every page whose slug is not ASCII its ASCII slug (unique among its siblings),
    move the addresses of the page and its descendants, redirect the old addresses of
    live pages permanently (wagtail.contrib.redirects), and rewrite the slug in the
    pages' revisions so that publishing an older draft does not bring the old slug back.

    Takes an `apps` registry (historical models in the migration, live ones in tests).
    Returns [(old url_path, new url_path)] of the renamed pages. Idempotent."""
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Revision = apps.get_model("wagtailcore", "Revision")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    ContentType = apps.get_model("contenttypes", "ContentType")

    renamed: list[tuple[str, str]] = []
    new_slugs: dict[int, tuple[str, str]] = {}  # page id → (old slug, new slug)
    for pk in list(Page.objects.filter(depth__gt=1).order_by("path").values_list("pk", flat=True)):
        page = Page.objects.get(pk=pk)
        if page.slug.isascii():
            continue
        siblings = Page.objects.filter(path__startswith=page.path[:-_STEPLEN], depth=page.depth).exclude(pk=pk)
        slug = _first_free(ascii_slug(page.slug) or ascii_slug(page.title) or f"trang-{pk}",
                           set(siblings.values_list("slug", flat=True)))
        old_url = page.url_path
        new_url = old_url[:-(len(page.slug) + 1)] + slug + "/"
        roots = [(site, Page.objects.get(pk=site.root_page_id).url_path) for site in Site.objects.all()]
        for moved in Page.objects.filter(path__startswith=page.path).order_by("path"):
            moved_new_url = new_url + moved.url_path[len(old_url):]
            for site, root_url in roots:
                if not (moved.live and moved.url_path.startswith(root_url)):
                    continue
                old_path = _redirect_path(moved.url_path, root_url)
                if old_path != _redirect_path(moved_new_url, root_url):
                    Redirect.objects.update_or_create(
                        site=site, old_path=old_path,
                        defaults={"redirect_page_id": moved.pk, "is_permanent": True, "redirect_link": "",
                                  "automatically_created": True})
            Page.objects.filter(pk=moved.pk).update(url_path=moved_new_url)
        Page.objects.filter(pk=pk).update(slug=slug)
        new_slugs[pk] = (page.slug, slug)
        renamed.append((old_url, new_url))

    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is not None:
        for revision in Revision.objects.filter(base_content_type=page_type).iterator():
            content = revision.content if isinstance(revision.content, dict) else None
            old = (content or {}).get("slug")
            if not isinstance(old, str) or old.isascii():
                continue
            page_id = int(revision.object_id)
            previous, current = new_slugs.get(page_id, (None, None))
            if old != previous:
                page = Page.objects.filter(pk=page_id).first()
                if page is None:
                    continue
                siblings = Page.objects.filter(path__startswith=page.path[:-_STEPLEN], depth=page.depth)
                current = _first_free(ascii_slug(old) or page.slug,
                                      set(siblings.exclude(pk=page_id).values_list("slug", flat=True)))
            content["slug"] = current
            Revision.objects.filter(pk=revision.pk).update(content=content)
    return renamed
