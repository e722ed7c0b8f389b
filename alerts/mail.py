"""The alerts' mails, each in its subscriber's language, as plain text and HTML.

They go through Django's e-mail backend (EMAIL_* settings: SMTP in
production, the console in development). Digests carry List-Unsubscribe and
List-Unsubscribe-Post (RFC 8058), so a mail program can offer its own
one-click unsubscribe, which POSTs to the same signed link.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from sscportal.configuration.site import absolute_url

from . import links
from .targets import followed_by


def _message(subscription, template, subject, context, headers=None):
    with translation.override(subscription.language):
        context = {
            **context,
            "language": subscription.language,
            "direction": "rtl" if get_language_info(subscription.language)["bidi"] else "ltr",
        }
        text = render_to_string(f"alerts/mail/{template}.txt", context)
        html = render_to_string(f"alerts/mail/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation(subscription):
    """The mail asking the address's owner to confirm (double opt-in)."""
    with translation.override(subscription.language):
        followed = followed_by(subscription)
        subject = _("Confirm your e-mail alerts: %(followed)s") % {"followed": followed.label}
        context = {
            "followed": followed.label,
            "frequency": subscription.get_frequency_display(),
            "confirm_url": links.link(subscription, links.CONFIRM),
            "days": settings.ALERTS_UNCONFIRMED_DAYS,
        }
    return _message(subscription, "confirm", subject, context)


def digest(subscription, followed, sections):
    """The digest of `sections` ([(label, [(title, lang, url)])]) for `subscription`."""
    unsubscribe_url = links.link(subscription, links.UNSUBSCRIBE)
    with translation.override(subscription.language):
        subject = _("New on South-South Cooperation: %(followed)s") % {"followed": followed.label}
        context = {
            "followed": followed.label,
            "followed_url": absolute_url(followed.url()),
            "sections": sections,
            "unsubscribe_url": unsubscribe_url,
            "frequency": subscription.get_frequency_display(),
        }
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return _message(subscription, "digest", subject, context, headers)
