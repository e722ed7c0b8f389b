"""The open data's ground: the full dumps kept per content version, and when the
content last changed. The dumps are built by the exchange app, served by front/."""
