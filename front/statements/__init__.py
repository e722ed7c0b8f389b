"""Statements: the list, a statement's page, its side-by-side view, its citation
downloads, and the feed."""
