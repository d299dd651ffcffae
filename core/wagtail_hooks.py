"""The Wagtail admin as officers and trainers meet it: in Vietnamese, with nothing loaded
from another site.

- `static/css/admin.css` lets the sidebar's labels wrap: Vietnamese labels are longer than
  the English ones the sidebar was drawn for ("Hồ sơ đăng ký bán hàng (3)").
- The Help menu keeps Wagtail's editor guide and the keyboard shortcuts, but not "What's new
  in Wagtail", release notes for developers, in English, on Wagtail's site.
Wagtail's own strings its Vietnamese catalogue lacks are in locale_wagtail/ (docs/DECISIONS.md,
"The admin in Vietnamese")."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("construct_help_menu")
def drop_whats_new(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith("whats-new-in-wagtail")]
