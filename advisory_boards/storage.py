from django.core.files.storage import FileSystemStorage


class PrivateFileStorage(FileSystemStorage):
    """Files with no URL at all: they are served only by permission-checked views."""

    def url(self, name):
        raise ValueError("Private files have no URL; serve them through a view.")
