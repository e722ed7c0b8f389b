"""/{lang}/data/, the open data: what can be taken away, under which licence,
how to cite it; and the full dumps at /data/<name> (sscportal/open_data/dumps.py)."""

from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.html import format_html
from django.utils.translation import override
from django.views.generic import TemplateView

from sscportal.configuration.site import absolute_url
from sscportal.open_data import dumps
from sscportal.open_data.changes import last_change

from .opendata.links import API_ROOT, list_links
from .opendata.lists import LISTS


class DataView(TemplateView):
    template_name = "front/data/data.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lists"] = [
            {"label": public_list.label, "links": list_links(name)}
            for name, public_list in LISTS.items()
        ]
        context["api"] = API_ROOT
        context["api_docs"] = f"{API_ROOT}docs/"
        context["dumps"] = {
            "content": reverse("dump", args=["sscportal-content.json.gz"]),
            "package": reverse("dump", args=["sscportal-datapackage.zip"]),
        }
        context["iati"] = {
            "activities": reverse("iati_activities"),
            "organisations": reverse("iati_organisations"),
        }
        context["license_name"] = settings.CONTENT_LICENSE_NAME
        # The licence's own (English) name, isolated and marked inside an Arabic line.
        context["license_name_html"] = format_html(
            '<bdi lang="en" dir="ltr">{}</bdi>', settings.CONTENT_LICENSE_NAME
        )
        context["license_url"] = settings.CONTENT_LICENSE_URL
        context["last_change"] = last_change()
        context["page_url"] = absolute_url(self.request.path)
        with override(settings.LANGUAGE_CODE):
            context["format_url"] = absolute_url(reverse("data"))
        return context


def dump(request, name):
    """A full dump of the current content, built first if the content changed since."""
    if name not in dumps.declared():
        raise Http404
    path, version = dumps.current(name)
    # The file's version is the content's: a reader holding it is answered 304.
    etag = f'"{version}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = FileResponse(
            open(path, "rb"),  # noqa: SIM115 - FileResponse closes it once sent
            as_attachment=True,
            filename=name,
            content_type=dumps.declared()[name].content_type,
        )
    response["ETag"] = etag
    # Shared caches may keep it a minute, as pages; the ETag makes asking again cheap.
    patch_cache_control(response, public=True, max_age=60)
    return response
