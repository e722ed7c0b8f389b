"""The media library's files, as readers fetch them: only those of public items.

Every file goes through here, never straight from MEDIA_ROOT or the bucket:
a file is answered only when something readers may see uses it, or to staff
(media/visibility.py); otherwise 404, as for a draft's page. From the
filesystem the file is streamed with its checked type; from an S3-compatible
store the answer is a redirect to a signed URL that expires within
MEDIA_SIGNED_URL_SECONDS, made after the same check. The name in the address
is only for people: the id decides.
"""

from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404, HttpResponseNotModified, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from media.downloads import content_disposition, disposition
from media.models import Document, Image
from media.visibility import may_fetch
from sscportal.caching.pages import never_page_cached

FILE_POLICY = "default-src 'none'; img-src 'self'; media-src 'self'; object-src 'self'"


@never_page_cached
@require_safe
def document(request, pk, name):
    item = get_object_or_404(Document, pk=pk)
    return _answer(request, item, item.file.name, item.content_type, disposition(item))


@never_page_cached
@require_safe
def image(request, pk, name, width=None):
    item = get_object_or_404(Image, pk=pk)
    if width is None:
        return _answer(request, item, item.file.name, item.content_type, disposition(item))
    stored = item.renditions.get(str(width))
    if stored is None:
        raise Http404
    header = content_disposition("inline", f"{width}-{item.download_name()}", stored.split("/")[-1])
    return _answer(request, item, stored, "image/webp", header, etag_suffix=f"-{width}")


def _answer(request, item, stored_name, content_type, content_disposition, etag_suffix=""):
    if not may_fetch(request.user, item):
        raise Http404
    storage = item.file.storage
    if not isinstance(storage, FileSystemStorage):
        # The bucket's own address, signed for a minute; the store answers the
        # type and name given here, not what it guesses.
        url = storage.url(
            stored_name,
            parameters={
                "ResponseContentType": content_type,
                "ResponseContentDisposition": content_disposition,
            },
        )
        response = HttpResponseRedirect(url)
        # The signed address expires: no one may keep this answer.
        patch_cache_control(response, no_store=True)
        return response
    etag = f'"{item.sha256[:32]}{etag_suffix}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        try:
            opened = storage.open(stored_name, "rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(opened, content_type=content_type)
        response["Content-Disposition"] = content_disposition
    response["ETag"] = etag
    response["X-Content-Type-Options"] = "nosniff"
    # Nothing in a library file runs on this site's origin, whatever it holds;
    # a PDF is not sandboxed, since browsers refuse to show one that is.
    response["Content-Security-Policy"] = (
        FILE_POLICY if content_type == "application/pdf" else f"{FILE_POLICY}; sandbox"
    )
    if not request.user.is_staff:
        # A file whose item is unpublished stops being answered at once; a
        # browser checks again after a minute.
        patch_cache_control(response, public=True, max_age=60)
    return response
