"""The e-mail alerts' pages: subscribe, "check your e-mail", confirm, unsubscribe.

No account: the address is confirmed by a signed link mailed to it (double
opt-in), and every digest carries a signed one-click unsubscribe link. A link
is answered with a page holding one button (a POST), never acted upon by a
GET: mail scanners and link previews open links, only people press buttons.
The confirm and unsubscribe POSTs need no CSRF token (their signed link is
their proof), so that mail programs can unsubscribe themselves (RFC 8058,
List-Unsubscribe-Post) and no cookie is needed.

None of these pages is kept in the page cache: they carry a form's CSRF
token or answer for one subscriber.
"""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from alerts import links, mail, subscribing
from alerts.forms import SubscribeForm
from alerts.models import Target
from alerts.targets import InvalidTarget, followed, followed_by
from sscportal.caching.pages import never_page_cached
from sscportal.operations.client_address import client_address

logger = logging.getLogger(__name__)


def _target(follow, filters):
    """The Followed that the `follow` parameter ("country:eg") and `filters` name."""
    kind, _sep, key = (follow or "").partition(":")
    if kind not in Target.values:
        raise InvalidTarget(_("Say what to follow: a country, an organization, a Day or a list."))
    return followed(kind, key, filters)


def _problem(request, message, status):
    return render(
        request,
        "front/alerts/problem.html",
        {"message": message, "section": "alerts"},
        status=status,
    )


@never_page_cached
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    data = request.POST if request.method == "POST" else request.GET
    if not data.get("follow"):
        # Reached without a subject (typed, or from an old link): say where to start.
        return render(request, "front/alerts/start.html", {"section": "alerts"})
    try:
        target = _target(data.get("follow"), data.get("filters", ""))
    except InvalidTarget as error:
        return _problem(request, str(error), status=400)
    if request.method != "POST":
        form = SubscribeForm(initial={"follow": data.get("follow"), "filters": target.filters})
        return _subscribe_page(request, form, target)
    form = SubscribeForm(request.POST)
    if form.is_robot:
        # Told what a person would be told; nothing is stored or sent.
        return redirect("alerts:check_email")
    if not form.is_valid():
        return _subscribe_page(request, form, target, status=400)
    email = form.cleaned_data["email"]
    address = client_address(request) or "unknown"
    if not subscribing.within_rate(
        f"client:{address}", settings.ALERTS_SUBSCRIBE_RATE
    ) or not subscribing.within_rate(
        f"address:{subscribing.address_digest(email)}", settings.ALERTS_MAILS_PER_ADDRESS
    ):
        form.add_error(None, _("Too many subscriptions were asked for just now. Try again later."))
        return _subscribe_page(request, form, target, status=429)
    subscription = subscribing.subscribe(
        email, target, form.cleaned_data["frequency"], get_language()
    )
    if subscription is not None:
        try:
            mail.confirmation(subscription).send()
        except OSError:
            logger.exception("The confirmation mail could not be sent")
            return _problem(
                request,
                _("The confirmation mail could not be sent just now. Please try again later."),
                status=503,
            )
    return redirect("alerts:check_email")


def _subscribe_page(request, form, target, status=200):
    context = {
        "form": form,
        "followed": target,
        "followed_url": target.url(),
        "section": "alerts",
    }
    return render(request, "front/alerts/subscribe.html", context, status=status)


@never_page_cached
@never_cache
def check_email(request):
    return render(request, "front/alerts/check_email.html", {"section": "alerts"})


def _subscription_or_problem(request, token, purpose):
    """(subscription or None, problem response or None) for a signed link."""
    try:
        return links.subscription_from(token, purpose), None
    except links.ExpiredLink:
        message = _("This link has expired. Subscribe again to get a new one.")
    except links.InvalidLink:
        message = _(
            "This link is not valid: it may have been cut or changed. Copy the whole "
            "link from the mail, or subscribe again."
        )
    return None, _problem(request, message, status=400)


@csrf_exempt  # the signed link is the proof, as for unsubscribing
@never_page_cached
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    subscription, problem = _subscription_or_problem(request, token, links.CONFIRM)
    if problem:
        return problem
    if subscription is None or subscription.unsubscribed_at is not None:
        return _problem(
            request, _("This subscription no longer exists. Subscribe again."), status=404
        )
    if request.method == "POST":
        subscribing.confirm(subscription)
    context = {
        "subscription": subscription,
        "followed": _label(subscription),
        "confirmed": subscription.confirmed_at is not None,
        "title": _("Subscription confirmed")
        if subscription.confirmed_at
        else _("Confirm your subscription"),
        "section": "alerts",
    }
    return render(request, "front/alerts/confirm.html", context)


@csrf_exempt
@never_page_cached
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscription, problem = _subscription_or_problem(request, token, links.UNSUBSCRIBE)
    if problem:
        return problem
    gone = subscription is None or subscription.unsubscribed_at is not None
    if request.method == "POST" and not gone:
        subscribing.unsubscribe(subscription)
        gone = True
    context = {
        "followed": None if subscription is None else _label(subscription),
        "unsubscribed": gone,
        "title": _("Unsubscribed") if gone else _("Unsubscribe"),
        "section": "alerts",
    }
    return render(request, "front/alerts/unsubscribe.html", context)


def _label(subscription):
    """What `subscription` follows, or None if it is gone from the site."""
    try:
        return followed_by(subscription)
    except InvalidTarget:
        return None


def subscribe_url(target, key, filters=""):
    """The subscribe page for what a page follows (front/templatetags/alerts.py)."""
    query = {"follow": f"{target}:{key}"}
    if filters:
        query["filters"] = filters
    return f"{reverse('alerts:subscribe')}?{urlencode(query)}"
