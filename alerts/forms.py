"""The subscribe form: an address, how often, and what to follow (hidden, from the page)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Frequency


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address such as name@example.org."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    # What the form's page follows (alerts/targets.py): "country:eg", "list:initiatives"...
    follow = forms.CharField(max_length=120, widget=forms.HiddenInput)
    filters = forms.CharField(max_length=1000, required=False, widget=forms.HiddenInput)
    # A trap: hidden from people (and from screen readers), filled by form-filling robots.
    website = forms.CharField(required=False, max_length=200)

    def clean_email(self):
        # One address whatever its case: a reader who types it twice differently
        # is one subscriber, and the cleanup finds every row of an address.
        return self.cleaned_data["email"].strip().lower()

    @property
    def is_robot(self):
        return bool(self.data.get("website"))
