"""Error pages that speak the reader's language."""

from django.http import Http404, HttpResponseNotFound
from django.template import loader


class ExplainedHttp404(Http404):
    """A 404 whose (translated) message is worth showing to the reader.

    Django's own 404 messages are for developers and English only, so the
    404 page shows only messages raised with this class.
    """


def page_not_found(request, exception):
    message = str(exception) if isinstance(exception, ExplainedHttp404) else ""
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"message": message}, request))
