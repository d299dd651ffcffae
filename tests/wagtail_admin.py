"""Reading the Wagtail admin's pages in tests: an edit form's values as a browser without
JavaScript would post them, and the sidebar's menu items (Wagtail renders them from JSON)."""

import json

from bs4 import BeautifulSoup


def page_form_data(client, url: str) -> dict:
    """The admin page form's current values at `url`, as the browser would post them."""
    response = client.get(url)
    assert response.status_code == 200, url
    form = BeautifulSoup(response.content, "html.parser").find("form", id="page-edit-form")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            selected = field.find("option", selected=True)
            data[name] = selected.get("value", "") if selected else ""
        else:
            data[name] = field.get("value", "")
    return data


def sidebar_items(html: str) -> list[dict]:
    """Every menu item (a dict with a name and a label) of the sidebar's props."""
    start = html.index('<script id="wagtail-sidebar-props" type="application/json">')
    start = html.index(">", start) + 1
    found = []

    def walk(node):
        if isinstance(node, dict):
            if "name" in node and "label" in node:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(html[start:html.index("</script>", start)]))
    return found
