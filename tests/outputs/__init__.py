"""Tests of wagtail_integration/outputs/."""
