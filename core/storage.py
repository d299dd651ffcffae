"""Private files (seller documents, certificate scans): never served from /media/.

They are stored through the `private` storage (a folder outside MEDIA_ROOT, or a private
S3 bucket prefix with signed URLs) and reached only through views that check permission.
"""

from django.core.files.storage import storages


def private_storage():
    return storages["private"]
