from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from marketplace.models import Category


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Product groups")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", "parent", "sort_order"]
    search_fields = ["name"]


register_snippet(CategoryViewSet)
