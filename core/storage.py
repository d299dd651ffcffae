"""Private files (seller documents, certificate scans): never served from /media/.

They are stored through the `private` storage (a folder outside MEDIA_ROOT, or a private
S3 bucket prefix with signed URLs) and reached only through views that check permission.
`files_deleted_on_error` (any storage) deletes the files a failed save had written.
"""

import logging
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.core.files.storage import storages

logger = logging.getLogger(__name__)


def private_storage():
    return storages["private"]


class WrittenFiles:
    """The files a service has written so far; see `files_deleted_on_error`."""

    def __init__(self):
        self._files: list[tuple[object, str]] = []

    def save(self, fieldfile, name: str, content) -> None:
        """Write `content` through a model's FieldFile (without saving the row) and remember it."""
        fieldfile.save(name, content, save=False)
        self._files.append((fieldfile.storage, fieldfile.name))

    def delete_all(self) -> None:
        for storage, name in reversed(self._files):
            try:
                storage.delete(name)
            except Exception:  # the original error matters more; the file is only an orphan
                logger.exception("Could not delete %s after a failed save", name)
        self._files.clear()


def clean_all(uploads: dict, clean) -> dict:
    """{field: clean(upload)} for every upload, or one ValidationError naming every refused
    field: nothing is written before all of them passed."""
    cleaned, errors = {}, {}
    for field, upload in uploads.items():
        try:
            cleaned[field] = clean(upload)
        except ValidationError as exc:
            errors[field] = exc.error_list
    if errors:
        raise ValidationError(errors)
    return cleaned


@contextmanager
def files_deleted_on_error():
    """All or nothing for uploads (RELIABILITY): a storage cannot roll back with the
    database, so a service validates every upload first, then writes the files through the
    yielded `WrittenFiles` inside this block, with its transaction inside it too:

        with files_deleted_on_error() as written, transaction.atomic():
            written.save(document.file, clean.name, clean.content)
            document.save()

    Any exception in the block (including one raised by the commit) deletes the files
    written and is raised again. `transaction.on_commit` cannot do this: it never runs on a
    rollback."""
    written = WrittenFiles()
    try:
        yield written
    except BaseException:
        written.delete_all()
        raise
