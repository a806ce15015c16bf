"""Outputs built from page content: feeds, calendars, vCards, structured data, sitemaps."""
