"""What settings.py reads: environment variables, checked loudly, and the site's origin.

settings.py and settings_production.py stay at the package's top because
DJANGO_SETTINGS_MODULE names them in every deployment file.
"""
