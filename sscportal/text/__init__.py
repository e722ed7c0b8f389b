"""Languages and text: the configured languages and fallbacks, names sorted the
way readers of each language expect, and rich text made safe to show.
"""
