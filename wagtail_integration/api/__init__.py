"""The package's API: Wagtail's v2 router and, on Wagtail 8, its v3 API."""
