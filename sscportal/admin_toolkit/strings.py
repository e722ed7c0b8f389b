"""Strings of Django and its admin add-ons whose Arabic we correct or supply.

Our catalogue (locale/ar/LC_MESSAGES/django.po) takes precedence over the
packages' own, but `make messages` keeps only strings found in our sources:
listing them here keeps their Arabic in it. Nothing imports this module.
"""

from django.utils.translation import gettext_noop

STRINGS = [
    # Django's Arabic says "added successfully" (نجحت إضافة) after a change.
    gettext_noop("The {name} “{obj}” was changed successfully."),
    # django-simple-history's history page column, missing from its Arabic.
    gettext_noop("Changes"),
    # django-axes' filter of login attempts, missing from its Arabic.
    gettext_noop("Locked Out"),
]
