"""Tests of wagtail_integration/organisations_io/."""
