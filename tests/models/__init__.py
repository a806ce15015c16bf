"""Tests of wagtail_integration/models/."""
