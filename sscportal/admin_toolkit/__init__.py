"""What every content app's admin is built from: the base ModelAdmin and its mixins,
edit locking, history links, and which translations are missing.

The reader never meets this package; the apps' admin.py modules import it.
"""
