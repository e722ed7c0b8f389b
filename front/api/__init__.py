"""The read-only JSON API at /api/v1/ (docs/API.md): every section of the exchange
format as lists and items (endpoints.py, views.py), the changes log (changes.py),
the OpenAPI document (schema.py), strict parameters and problem details
(parameters.py, problems.py) and the rate limit (throttling.py)."""
