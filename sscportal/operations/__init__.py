"""Running the site: logs, error pages and reports, metrics, middleware, the embedded database.

Nothing here knows a content type; an operator reads this package and
docs/OPERATIONS.md together.
"""
