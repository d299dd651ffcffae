"""What is on disk in a storage (tests use temporary folders, config/settings/test.py):
compare the listing before and after an action to prove it left no file behind."""

import os

from django.core.files.storage import storages


def stored_files(alias: str = "default") -> set[str]:
    """Every file under the storage `alias` ("default" for media, "private"), relative paths."""
    root = storages[alias].location
    return {os.path.relpath(os.path.join(folder, name), root)
            for folder, _dirs, names in os.walk(root) for name in names}
